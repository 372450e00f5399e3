#!/usr/bin/env python3
"""Serves one report page to a browser configured to use this server as its HTTP proxy, and logs
every other request the browser makes: anything the page fetches (relative or absolute, http,
https via CONNECT, websockets) reaches this server, so an empty log means the page fetched nothing.

usage: offline_server.py PAGE.html PORT_FILE LOG_FILE
The page is served as http://report.invalid/report.html; the port is written to PORT_FILE.
"""
import http.server
import socketserver
import sys

PAGE_URL = "http://report.invalid/report.html"
page_path, port_file, log_file = sys.argv[1:4]


class Handler(http.server.BaseHTTPRequestHandler):
    def _log(self):
        with open(log_file, "a") as log:
            log.write(f"{self.command} {self.path}\n")

    def do_GET(self):
        if self.path == PAGE_URL:
            with open(page_path, "rb") as f:
                body = f.read()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        # Browsers ask for a favicon on their own; that is not the page fetching something.
        if self.path == "http://report.invalid/favicon.ico":
            self.send_error(404)
            return
        self._log()
        self.send_error(404)

    def _refuse(self):
        self._log()
        self.send_error(404)

    do_POST = do_PUT = do_HEAD = do_OPTIONS = do_CONNECT = do_DELETE = do_PATCH = _refuse

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


with Server(("127.0.0.1", 0), Handler) as server:
    with open(port_file, "w") as f:
        f.write(str(server.server_address[1]))
    server.serve_forever()
