package jp.kawaraban.newsletter.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.kawaraban.TestMail;
import jp.kawaraban.newsletter.RenderedMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The newsletter's own SMTP client against real servers: GreenMail as it is (no PIPELINING,
 * no 8BITMIME: base64 bodies, one command at a time), GreenMail behind a relay that announces
 * PIPELINING and 8BITMIME (8bit bodies, pipelined envelope), and a scripted server for
 * refusals, AUTH and STARTTLS.
 */
class SmtpClientTest {

    private static final String TEXT = """
            今週の読みどころ
            1. 米の値段はどこまで上がるのか（有料会員限定）
               物価の動きを押さえる一本
            .この行は点で始まる
            ..点が二つ
            .
            最後の行""";
    private static final String LONG_LINE = "長い行：" + "あいうえおかきくけこ".repeat(60); // 1,800 octets and more
    private static final String HTML = "<!DOCTYPE html><html lang=\"ja\"><body>\n<p>米の値段はどこまで</p>\n"
            + ".<b>点で始まる行</b>\n</body></html>\n";

    private static Relay relay;

    @BeforeAll
    static void relayThatAnnouncesPipeliningAndEightBit() throws IOException {
        relay = new Relay(TestMail.SERVER.getSmtp().getPort());
    }

    @AfterAll
    static void closeRelay() throws IOException {
        relay.close();
    }

    @Test
    void withoutEightBitMimeJapaneseGoesAsBase64AndArrivesIntact() throws Exception {
        String to = recipient();
        try (SmtpClient client = SmtpClient.connect(settings(TestMail.SERVER.getSmtp().getPort()))) {
            assertThat(client.pipelining()).isFalse();
            assertThat(client.eightBitMime()).isFalse();
            send(client, message(to, TEXT, HTML));
        }
        MimeMessage received = only(to);
        assertArrivedIntact(received, to, TEXT, HTML);
        assertThat(transferEncodings(received)).containsExactly("base64", "base64");
    }

    @Test
    void withPipeliningAndEightBitMimeTheEnvelopeGoesInOneWriteAndBodiesAs8bit() throws Exception {
        String to = recipient();
        relay.chunks.clear();
        try (SmtpClient client = SmtpClient.connect(settings(relay.port()))) {
            assertThat(client.pipelining()).isTrue();
            assertThat(client.eightBitMime()).isTrue();
            send(client, message(to, TEXT, HTML));
            send(client, message(to, TEXT + "\n二通目", HTML));
        }
        List<MimeMessage> received = TestMail.to(to);
        assertThat(received).hasSize(2);
        assertArrivedIntact(received.get(0), to, TEXT, HTML);
        assertArrivedIntact(received.get(1), to, TEXT + "\n二通目", HTML);
        assertThat(transferEncodings(received.get(0))).containsExactly("8bit", "8bit");
        assertThat(relay.chunks).as("MAIL FROM, RCPT TO and DATA in one write")
                .anyMatch(chunk -> chunk.startsWith("MAIL FROM:<newsletter@kawaraban.example> BODY=8BITMIME\r\nRCPT TO:<" + to
                        + ">\r\nDATA\r\n"));
    }

    @Test
    void aLineTooLongFor8bitMakesThatPartBase64AndBothStillDecodeToTheSameText() throws Exception {
        String to = recipient();
        String text = "短い行\n" + LONG_LINE + "\n終わり";
        try (SmtpClient client = SmtpClient.connect(settings(relay.port()))) {
            send(client, message(to, text, HTML));
        }
        MimeMessage received = only(to);
        assertArrivedIntact(received, to, text, HTML);
        assertThat(transferEncodings(received)).containsExactly("base64", "8bit");
    }

    @Test
    void aRefusedRecipientIsReportedWithTheServersWordsAndTheConnectionCarriesTheNextMessage() throws Exception {
        for (List<String> extensions : List.of(List.of("PIPELINING", "8BITMIME"), List.<String>of())) {
            try (var server = new ScriptedSmtpServer(extensions, null);
                 SmtpClient client = SmtpClient.connect(settings(server.port()))) {
                MessageEncoder encoder = new MessageEncoder();
                encoder.encode(message("refused-reader@example.org", TEXT, HTML), client.eightBitMime(), now());
                assertThatThrownBy(() -> client.send("newsletter@kawaraban.example", "refused-reader@example.org", encoder))
                        .isInstanceOfSatisfying(SmtpClient.Refused.class, refused -> {
                            assertThat(refused.code()).isEqualTo(550);
                            assertThat(refused.connectionUsable()).isTrue();
                        })
                        .hasMessageContaining("refused-reader@example.org").hasMessageContaining("550 5.1.1 no such mailbox here");
                send(client, message("reader@example.org", TEXT, HTML));
                assertThat(server.commands).as(extensions.toString()).contains("RSET");
                assertThat(server.messages).hasSize(1);
                assertThat(new String(server.messages.getFirst(), StandardCharsets.ISO_8859_1)).contains("To: reader@example.org");
            }
        }
    }

    @Test
    void logsInWithAuthPlainAgainstGreenMailAndReportsWrongPasswords() throws Exception {
        TestMail.SERVER.setUser("newsletter@kawaraban.example", "newsletter-sender", "correct horse");
        String to = recipient();
        try (SmtpClient client = SmtpClient.connect(settings(TestMail.SERVER.getSmtp().getPort(), "newsletter-sender",
                "correct horse", false, false, ""))) {
            send(client, message(to, TEXT, HTML));
        }
        assertArrivedIntact(only(to), to, TEXT, HTML);
        assertThatThrownBy(() -> SmtpClient.connect(settings(TestMail.SERVER.getSmtp().getPort(), "newsletter-sender",
                "wrong", false, false, "")))
                .isInstanceOf(IOException.class).hasMessageContaining("newsletter-sender").hasMessageContaining("535");
    }

    @Test
    void upgradesWithStartTlsBeforeLoggingInAndRefusesToGoOnInTheClearWhenTlsIsRequired(@TempDir Path keys) throws Exception {
        SSLContext serverTls = selfSignedServerContext(keys);
        try (var server = new ScriptedSmtpServer(List.of("PIPELINING", "8BITMIME", "STARTTLS", "AUTH PLAIN LOGIN"), serverTls);
             SmtpClient client = SmtpClient.connect(settings(server.port(), "sender", "s3cret", true, true, "127.0.0.1"))) {
            send(client, message("reader@example.org", TEXT, HTML));
            assertThat(server.encryptedWhenMailArrived).isTrue();
            assertThat(server.commands).containsSubsequence("EHLO " + SmtpClient.localName(), "STARTTLS",
                    "EHLO " + SmtpClient.localName());
            int login = server.commands.stream().filter(command -> command.startsWith("AUTH")).map(server.commands::indexOf)
                    .findFirst().orElseThrow();
            assertThat(login).as("logged in only over TLS").isGreaterThan(server.commands.indexOf("STARTTLS"));
        }
        try (var clear = new ScriptedSmtpServer(List.of("PIPELINING"), null)) {
            assertThatThrownBy(() -> SmtpClient.connect(settings(clear.port(), null, null, true, true, "")))
                    .isInstanceOf(IOException.class).hasMessageContaining("STARTTLS is required");
        }
    }

    @Test
    void anUntrustedCertificateIsRefused(@TempDir Path keys) throws Exception {
        SSLContext serverTls = selfSignedServerContext(keys);
        try (var server = new ScriptedSmtpServer(List.of("STARTTLS"), serverTls)) {
            assertThatThrownBy(() -> SmtpClient.connect(settings(server.port(), null, null, true, true, "")))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aServerThatDoesNotAnswerRunsIntoTheReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var settings = new SmtpClient.Settings("127.0.0.1", silent.getLocalPort(), false, false, false, null, null, false,
                    Set.of("PLAIN", "LOGIN"), Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ZERO, "test.local",
                    null, true, "", List.of());
            assertThatThrownBy(() -> SmtpClient.connect(settings)).isInstanceOf(IOException.class).hasMessageContaining("No reply");
        }
    }

    @Test
    void anAddressThatCouldInjectHeadersOrCommandsIsNotWritten() {
        MessageEncoder encoder = new MessageEncoder();
        assertThatThrownBy(() -> encoder.encode(message("a@example.org\r\nBcc: victim@example.org", TEXT, HTML), true, now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- helpers -------------------------------------------------------------------------

    private static void send(SmtpClient client, RenderedMessage message) throws IOException {
        MessageEncoder encoder = new MessageEncoder();
        encoder.encode(message, client.eightBitMime(), now());
        client.send(message.fromAddress(), message.to(), encoder);
    }

    private static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneId.of("Asia/Tokyo"));
    }

    private static RenderedMessage message(String to, String text, String html) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<http://localhost:8080/newsletters/unsubscribe?token=" + "eyJhIjoiYiJ9".repeat(8)
                + ".c2lnbmF0dXJl>, <mailto:unsubscribe@kawaraban.example?subject=unsubscribe%20weekly>");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("List-Id", "<weekly.newsletter.kawaraban>");
        return new RenderedMessage("瓦版ニュースレター", "newsletter@kawaraban.example", to,
                "今週の読みどころ：米の値段、円安の「恩恵」はどこへ消えたのか、そして長い件名がどう折り返されるか", text, html, headers);
    }

    private static void assertArrivedIntact(MimeMessage received, String to, String text, String html) throws Exception {
        RenderedMessage sent = message(to, text, html);
        assertThat(received.getSubject()).isEqualTo(sent.subject());
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("瓦版ニュースレター");
        assertThat(from.getAddress()).isEqualTo("newsletter@kawaraban.example");
        assertThat(received.getRecipients(MimeMessage.RecipientType.TO)[0].toString()).isEqualTo(to);
        assertThat(received.getMessageID()).matches("<[^<>@\\s]+@kawaraban\\.example>");
        assertThat(received.getSentDate()).isNotNull();
        for (Map.Entry<String, String> header : sent.headers().entrySet()) {
            String value = jakarta.mail.internet.MimeUtility.unfold(received.getHeader(header.getKey())[0]);
            assertThat(value.replace(",  <", ", <").replace(",\t<", ", <")).as(header.getKey()).isEqualTo(header.getValue());
        }
        assertThat(received.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(normalised((String) parts.getBodyPart(0).getContent())).isEqualTo(normalised(text));
        assertThat(normalised((String) parts.getBodyPart(1).getContent())).isEqualTo(normalised(html));
        // Every line on the wire within RFC 5322's 998 octets.
        assertThat(raw(received).split("\r\n")).allMatch(line -> line.getBytes(StandardCharsets.ISO_8859_1).length <= 998);
    }

    /** Line ends as written by the sender (CRLF) compared as '\n', and the part's last line end ignored. */
    private static String normalised(String text) {
        String lf = text.replace("\r\n", "\n");
        return lf.endsWith("\n") ? lf.substring(0, lf.length() - 1) : lf;
    }

    private static String raw(MimeMessage message) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static List<String> transferEncodings(MimeMessage message) throws Exception {
        // Read the arrived bytes again, so the encodings are those on the wire.
        MimeMessage reread = new MimeMessage(Session.getInstance(new java.util.Properties()),
                new ByteArrayInputStream(raw(message).getBytes(StandardCharsets.ISO_8859_1)));
        Multipart parts = (Multipart) reread.getContent();
        List<String> encodings = new ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            encodings.add(part.getHeader("Content-Transfer-Encoding")[0]);
        }
        return encodings;
    }

    private static MimeMessage only(String to) {
        List<MimeMessage> received = TestMail.to(to);
        assertThat(received).hasSize(1);
        return received.getFirst();
    }

    private static String recipient() {
        return "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static SmtpClient.Settings settings(int port) {
        return settings(port, null, null, false, false, "");
    }

    private static SmtpClient.Settings settings(int port, String user, String password, boolean startTls,
                                                boolean startTlsRequired, String trust) {
        return new SmtpClient.Settings("127.0.0.1", port, false, startTls, startTlsRequired, user, password, false,
                Set.of("PLAIN", "LOGIN"), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10),
                SmtpClient.localName(), null, true, trust, List.of());
    }

    /** A key pair and self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private static SSLContext selfSignedServerContext(Path directory) throws Exception {
        Path store = directory.resolve("smtp.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keystore", store.toString(), "-storetype",
                "PKCS12", "-storepass", "changeit", "-alias", "smtp", "-keyalg", "EC", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /**
     * Passes bytes between a client and GreenMail, adding PIPELINING and 8BITMIME to GreenMail's
     * EHLO reply, and records what the client wrote in each TCP read.
     */
    private static final class Relay implements AutoCloseable {

        private final ServerSocket server;
        final List<String> chunks = Collections.synchronizedList(new ArrayList<>());

        Relay(int target) throws IOException {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                        Thread.ofPlatform().daemon().start(() -> toServer(client, upstream));
                        Thread.ofPlatform().daemon().start(() -> toClient(upstream, client));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        private void toServer(Socket client, Socket upstream) {
            try (client; upstream) {
                InputStream in = client.getInputStream();
                OutputStream out = upstream.getOutputStream();
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    chunks.add(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // either side hung up
            }
        }

        private void toClient(Socket upstream, Socket client) {
            try (upstream; client) {
                InputStream in = new java.io.BufferedInputStream(upstream.getInputStream());
                OutputStream out = client.getOutputStream();
                StringBuilder line = new StringBuilder();
                int b;
                while ((b = in.read()) >= 0) {
                    line.append((char) b);
                    if (b == '\n') {
                        String text = line.toString();
                        if (text.startsWith("250-AUTH")) {
                            text = "250-PIPELINING\r\n250-8BITMIME\r\n" + text;
                        }
                        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        line.setLength(0);
                    }
                }
            } catch (IOException closed) {
                // either side hung up
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
