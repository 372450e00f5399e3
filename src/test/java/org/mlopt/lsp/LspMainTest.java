package org.mlopt.lsp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stdio entry point, driven with raw JSON-RPC frames as an editor writes them. */
class LspMainTest {

    @Test
    void standardOutputCarriesOnlyTheProtocolWhileServing() throws Exception {
        PrintStream realOut = System.out;
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        PrintStream protocolOut = new PrintStream(wire, true, StandardCharsets.UTF_8);
        PipedOutputStream editor = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(editor, 1 << 16);
        System.setOut(protocolOut);
        try {
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> LspMain.run(serverIn, System.out), LspMainTest::onNewThread);
            send(editor, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!wire.toString(StandardCharsets.UTF_8).contains("\"id\":1") && System.nanoTime() < deadline) Thread.sleep(5);
            // Something printing to System.out while the server runs must not reach the protocol stream.
            System.out.println("stray output");
            send(editor, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertEquals(1, exit.get(10, TimeUnit.SECONDS), "exit without shutdown is exit code 1");
            assertSame(protocolOut, System.out, "System.out is restored after the server stops");
        } finally {
            System.setOut(realOut);
        }
        String written = wire.toString(StandardCharsets.UTF_8);
        assertTrue(written.startsWith("Content-Length: "), written);
        assertTrue(written.contains("\"documentFormattingProvider\":true"), written);
        assertFalse(written.contains("stray output"), written);
    }

    @Test
    void closingTheInputEndsTheServer() throws Exception {
        PipedOutputStream editor = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(editor);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> LspMain.run(serverIn, new ByteArrayOutputStream()), LspMainTest::onNewThread);
        editor.close();
        assertEquals(1, exit.get(10, TimeUnit.SECONDS));
    }

    private static void onNewThread(Runnable r) {
        Thread t = new Thread(r, "lsp-main-test");
        t.setDaemon(true);
        t.start();
    }

    private static void send(PipedOutputStream to, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        to.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        to.write(body);
        to.flush();
    }
}
