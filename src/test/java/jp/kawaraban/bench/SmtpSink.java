package jp.kawaraban.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP server for benchmarks: accepts every message and throws it away, counting
 * messages and bytes. Enough of RFC 5321 for jakarta.mail (EHLO, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT); no storage, so its own memory stays flat however many messages arrive.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    final AtomicLong messages = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("smtp-sink").start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread.ofPlatform().daemon().start(() -> serve(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            Lines lines = new Lines(in);
            reply(out, "220 sink ESMTP");
            while (true) {
                String line = lines.next();
                if (line == null) {
                    return;
                }
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                if (command.equals("EHLO")) {
                    reply(out, "250-sink\r\n250-8BITMIME\r\n250 PIPELINING");
                } else if (command.equals("DATA")) {
                    reply(out, "354 go ahead");
                    long size = 0;
                    String data;
                    while ((data = lines.next()) != null && !data.equals(".")) {
                        size += data.length() + 2;
                    }
                    bytes.addAndGet(size);
                    messages.incrementAndGet();
                    reply(out, "250 OK queued");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException gone) {
            // the client hung up
        }
    }

    /** Lines of ASCII-safe SMTP from a socket, read in blocks (message bodies are 7-bit encoded). */
    private static final class Lines {

        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;

        Lines(InputStream in) {
            this.in = in;
        }

        String next() throws IOException {
            StringBuilder carried = null;
            while (true) {
                for (int i = start; i < end; i++) {
                    if (buffer[i] == '\n') {
                        int stop = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                        String piece = new String(buffer, start, stop - start, StandardCharsets.ISO_8859_1);
                        start = i + 1;
                        if (carried == null) {
                            return piece;
                        }
                        carried.append(piece);
                        int length = carried.length();
                        if (length > 0 && carried.charAt(length - 1) == '\r') {
                            carried.setLength(length - 1);
                        }
                        return carried.toString();
                    }
                }
                if (start < end) {
                    if (carried == null) {
                        carried = new StringBuilder();
                    }
                    carried.append(new String(buffer, start, end - start, StandardCharsets.ISO_8859_1));
                }
                start = 0;
                end = in.read(buffer);
                if (end <= 0) {
                    end = 0;
                    return null;
                }
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
