package org.mlopt.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * A byte pipe between threads for in-process language-server sessions. Unlike
 * {@code PipedInputStream}, whose reader fails with "Write end dead" once the last thread that
 * wrote has ended (the server writes from pooled threads that come and go), and unlike NIO pipes,
 * which an interrupted reader closes for everyone, it depends on no thread: reads wait for bytes
 * or for the writer's close, and an interrupted read ends only that read.
 */
final class InMemoryPipe {

    private final byte[] ring = new byte[1 << 16];
    private int head;
    private int count;
    private boolean closed;

    final InputStream in = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            synchronized (InMemoryPipe.this) {
                while (count == 0 && !closed) await();
                if (count == 0) return -1;
                int n = Math.min(len, count);
                for (int i = 0; i < n; i++) b[off + i] = ring[(head + i) % ring.length];
                head = (head + n) % ring.length;
                count -= n;
                InMemoryPipe.this.notifyAll();
                return n;
            }
        }

        @Override
        public int available() {
            synchronized (InMemoryPipe.this) {
                return count;
            }
        }
    };

    final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (InMemoryPipe.this) {
                while (len > 0) {
                    while (count == ring.length && !closed) await();
                    if (closed) throw new IOException("pipe closed");
                    int n = Math.min(len, ring.length - count);
                    int tail = (head + count) % ring.length;
                    for (int i = 0; i < n; i++) ring[(tail + i) % ring.length] = b[off + i];
                    count += n;
                    off += n;
                    len -= n;
                    InMemoryPipe.this.notifyAll();
                }
            }
        }

        @Override
        public void close() {
            synchronized (InMemoryPipe.this) {
                closed = true;
                InMemoryPipe.this.notifyAll();
            }
        }
    };

    private void await() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting on the pipe");
        }
    }
}
