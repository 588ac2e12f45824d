package jp.kawaraban.newsletter.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An SMTP server for the cases GreenMail cannot play: it announces the extensions it is given
 * (PIPELINING, 8BITMIME, STARTTLS, AUTH), refuses recipients whose address starts with
 * "refused" (550) and then DATA (503, as RFC 2920 wants), requires RSET before the next
 * transaction after a refusal, checks one user's password, and records the commands, the
 * messages and whether the session was encrypted. One connection at a time is enough here.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> extensions;
    private final SSLContext tls;
    final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    final List<byte[]> messages = Collections.synchronizedList(new ArrayList<>());
    volatile boolean encryptedWhenMailArrived;
    volatile String user = "sender";
    volatile String password = "s3cret";

    ScriptedSmtpServer(List<String> extensions, SSLContext tls) throws IOException {
        this.extensions = extensions;
        this.tls = tls;
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("scripted-smtp").start(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    serve(socket);
                } catch (IOException closed) {
                    // next connection
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(Socket plain) throws IOException {
        Socket socket = plain;
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        reply(out, "220 scripted ESMTP");
        boolean recipientOk = false;
        boolean mustReset = false;
        boolean authenticated = false;
        while (true) {
            String line = line(in);
            if (line == null) {
                return;
            }
            commands.add(line);
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("EHLO")) {
                StringBuilder answer = new StringBuilder("250-scripted");
                for (String extension : extensions) {
                    if (extension.equals("STARTTLS") && socket instanceof SSLSocket) {
                        continue;
                    }
                    answer.append("\r\n250-").append(extension);
                }
                reply(out, answer.append("\r\n250 HELP").toString());
            } else if (upper.equals("STARTTLS")) {
                reply(out, "220 go ahead");
                SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, null, plain.getPort(), false);
                secure.setUseClientMode(false);
                secure.startHandshake();
                socket = secure;
                in = new BufferedInputStream(socket.getInputStream());
                out = socket.getOutputStream();
            } else if (upper.startsWith("AUTH PLAIN ")) {
                String decoded = new String(java.util.Base64.getDecoder().decode(line.substring(11)), StandardCharsets.UTF_8);
                authenticated = decoded.equals("\u0000" + user + "\u0000" + password);
                reply(out, authenticated ? "235 2.7.0 accepted" : "535 5.7.8 bad credentials for this test");
            } else if (upper.startsWith("MAIL FROM:")) {
                if (mustReset) {
                    reply(out, "503 5.5.1 RSET first");
                } else if (extensions.stream().anyMatch(e -> e.startsWith("AUTH")) && !authenticated) {
                    reply(out, "530 5.7.0 authentication required");
                } else {
                    reply(out, "250 2.1.0 ok");
                }
            } else if (upper.startsWith("RCPT TO:")) {
                recipientOk = !upper.startsWith("RCPT TO:<REFUSED");
                if (!recipientOk) {
                    mustReset = true;
                }
                reply(out, recipientOk ? "250 2.1.5 ok" : "550 5.1.1 no such mailbox here");
            } else if (upper.equals("DATA")) {
                if (!recipientOk) {
                    reply(out, "503 5.5.1 no valid recipients");
                    continue;
                }
                reply(out, "354 go ahead");
                encryptedWhenMailArrived = socket instanceof SSLSocket;
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                while (true) {
                    String data = line(in);
                    if (data == null || data.equals(".")) {
                        break;
                    }
                    message.write((data.startsWith(".") ? data.substring(1) : data).getBytes(StandardCharsets.ISO_8859_1));
                    message.write('\r');
                    message.write('\n');
                }
                messages.add(message.toByteArray());
                recipientOk = false;
                reply(out, "250 2.0.0 queued");
            } else if (upper.equals("RSET")) {
                mustReset = false;
                recipientOk = false;
                reply(out, "250 2.0.0 reset");
            } else if (upper.equals("QUIT")) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "502 5.5.2 not here");
            }
        }
    }

    /** A line as bytes read as ISO-8859-1 (so 8bit UTF-8 passes unchanged), without its CRLF. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return null;
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
