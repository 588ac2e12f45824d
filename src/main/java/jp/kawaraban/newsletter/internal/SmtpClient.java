package jp.kawaraban.newsletter.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A small SMTP client (RFC 5321) for newsletter delivery, one message to one recipient at a
 * time over a connection kept open: STARTTLS (RFC 3207) or implicit TLS, AUTH PLAIN and LOGIN
 * (RFC 4954), 8BITMIME (RFC 6152), and PIPELINING (RFC 2920) — when the server announces it,
 * {@code MAIL FROM}, {@code RCPT TO} and {@code DATA} go out in one write and their replies are
 * read together: two round trips per message instead of four. Every reply code is checked; a
 * refusal names the command and carries the server's own words.
 */
final class SmtpClient implements AutoCloseable {

    /**
     * @param implicitTls          TLS from the first byte (smtps, port 465)
     * @param startTls             upgrade with STARTTLS when the server offers it
     * @param startTlsRequired     refuse to go on in the clear
     * @param authRequired         refuse to go on without logging in
     * @param mechanisms           AUTH mechanisms allowed, upper case (PLAIN, LOGIN)
     * @param envelopeFrom         the {@code MAIL FROM} address; null: the message's sender
     * @param checkServerIdentity  the certificate must name the host
     * @param trust                {@code *}: trust any certificate; host names: trust any certificate of those hosts; empty: the JVM's trust store
     * @param protocols            TLS protocol versions allowed; empty: the JVM's
     * @param writeTimeout         zero: none
     */
    record Settings(String host, int port, boolean implicitTls, boolean startTls, boolean startTlsRequired,
                    String username, String password, boolean authRequired, Set<String> mechanisms,
                    Duration connectTimeout, Duration readTimeout, Duration writeTimeout, String localName,
                    String envelopeFrom, boolean checkServerIdentity, String trust, List<String> protocols) {

        boolean credentials() {
            return username != null && !username.isEmpty() && password != null;
        }
    }

    /** The server refused the message (4xx, 5xx): {@link #connectionUsable()} tells whether the connection can go on. */
    static final class Refused extends IOException {

        private final int code;
        private final boolean connectionUsable;

        Refused(String what, Reply reply, boolean connectionUsable) {
            super(what + " refused: " + reply);
            this.code = reply.code();
            this.connectionUsable = connectionUsable;
        }

        int code() {
            return code;
        }

        boolean connectionUsable() {
            return connectionUsable;
        }
    }

    record Reply(int code, String text) {

        boolean positive() {
            return code >= 200 && code < 300;
        }

        @Override
        public String toString() {
            return code + " " + text;
        }
    }

    private final Settings settings;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final Set<String> extensions = new HashSet<>();
    private final Set<String> authMechanisms = new HashSet<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final byte[] commands = new byte[2048];
    private volatile long writingSince; // System.nanoTime() of a write under way, 0 when none
    private boolean open;

    private SmtpClient(Settings settings) {
        this.settings = settings;
    }

    /** Connects, says EHLO, upgrades to TLS and logs in as configured. */
    static SmtpClient connect(Settings settings) throws IOException {
        SmtpClient client = new SmtpClient(settings);
        try {
            client.handshake();
            return client;
        } catch (IOException | RuntimeException failed) {
            client.abort();
            throw failed;
        }
    }

    boolean pipelining() {
        return extensions.contains("PIPELINING");
    }

    boolean eightBitMime() {
        return extensions.contains("8BITMIME");
    }

    /**
     * Hands one message to the server. Returns once the server accepted it ({@code 250} after
     * the data); throws {@link Refused} when it refused the sender, the recipient or the
     * message (the transaction is reset, the connection stays usable), any other
     * {@link IOException} when the connection broke.
     */
    void send(String from, String recipient, MessageEncoder message) throws IOException {
        String mail = "MAIL FROM:<" + MessageEncoder.address(from) + ">" + (message.usedEightBit() ? " BODY=8BITMIME" : "");
        String rcpt = "RCPT TO:<" + MessageEncoder.address(recipient) + ">";
        if (pipelining()) {
            int length = command(mail, 0);
            length = command(rcpt, length);
            length = command("DATA", length);
            write(commands, 0, length);
            Reply mailReply = reply();
            Reply rcptReply = reply();
            Reply dataReply = reply();
            if (dataReply.code() == 354 && !(mailReply.positive() && rcptReply.positive())) {
                // Not what RFC 2920 allows: the server waits for data of a transaction that
                // failed. There is no clean way back on this connection.
                abort();
                throw new Refused(mailReply.positive() ? "RCPT TO:<" + recipient + ">" : "MAIL FROM", mailReply.positive() ? rcptReply : mailReply, false);
            }
            check("MAIL FROM", mailReply);
            check("RCPT TO:<" + recipient + ">", rcptReply);
            if (dataReply.code() != 354) {
                reset();
                throw new Refused("DATA", dataReply, true);
            }
        } else {
            check("MAIL FROM", command(mail));
            check("RCPT TO:<" + recipient + ">", command(rcpt));
            Reply data = command("DATA");
            if (data.code() != 354) {
                reset();
                throw new Refused("DATA", data, true);
            }
        }
        write(message.buffer(), 0, message.length());
        Reply accepted = reply();
        if (!accepted.positive()) {
            throw new Refused("The message to " + recipient, accepted, true); // the server is ready for the next transaction
        }
    }

    /** A refused step of the transaction: reset it (RFC 5321 §4.1.1.5) and report. */
    private void check(String what, Reply reply) throws IOException {
        if (!reply.positive()) {
            reset();
            throw new Refused(what, reply, open);
        }
    }

    private void reset() {
        try {
            Reply reset = command("RSET");
            if (!reset.positive()) {
                abort();
            }
        } catch (IOException broken) {
            abort();
        }
    }

    /** QUIT, then close; a server that does not answer is simply left. */
    @Override
    public void close() {
        if (open) {
            try {
                command("QUIT");
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        abort();
    }

    private void abort() {
        open = false;
        WATCHED.remove(this);
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // gone either way
            }
        }
    }

    // --- connection set-up ---------------------------------------------------------------

    private void handshake() throws IOException {
        Socket plain = new Socket();
        plain.setTcpNoDelay(true); // else each short command waits for the server's delayed ACK
        socket = plain;
        plain.connect(new InetSocketAddress(settings.host(), settings.port()), millis(settings.connectTimeout()));
        plain.setSoTimeout(millis(settings.readTimeout()));
        if (settings.implicitTls()) {
            socket = tls(plain);
        }
        streams();
        open = true;
        if (!settings.writeTimeout().isZero()) {
            watch(this);
        }
        Reply greeting = reply();
        if (greeting.code() != 220) {
            throw new IOException("The SMTP server " + settings.host() + " did not greet: " + greeting);
        }
        hello();
        if (!(socket instanceof SSLSocket)) {
            if (settings.startTls() && extensions.contains("STARTTLS")) {
                Reply ready = command("STARTTLS");
                if (ready.code() != 220) {
                    throw new IOException("STARTTLS refused: " + ready);
                }
                socket = tls(socket);
                streams();
                hello(); // RFC 3207: forget what was said before TLS
            } else if (settings.startTlsRequired()) {
                throw new IOException("STARTTLS is required (mail.smtp.starttls.required) but " + settings.host()
                        + " does not offer it");
            }
        }
        if (settings.credentials() && !authMechanisms.isEmpty()) {
            login();
        } else if (settings.authRequired()) {
            throw new IOException(settings.credentials()
                    ? "mail.smtp.auth is on but " + settings.host() + " offers no AUTH"
                    : "mail.smtp.auth is on but no user name and password are configured");
        }
    }

    private void hello() throws IOException {
        extensions.clear();
        authMechanisms.clear();
        Reply ehlo = command("EHLO " + settings.localName());
        if (ehlo.positive()) {
            String[] lines = ehlo.text().split("\n");
            for (int i = 1; i < lines.length; i++) { // the first line is the server's name
                String[] words = lines[i].trim().toUpperCase(Locale.ROOT).split("[ =]+");
                if (words.length == 0 || words[0].isEmpty()) {
                    continue;
                }
                extensions.add(words[0]);
                if (words[0].equals("AUTH")) {
                    for (int w = 1; w < words.length; w++) {
                        authMechanisms.add(words[w]);
                    }
                }
            }
            return;
        }
        Reply helo = command("HELO " + settings.localName());
        if (!helo.positive()) {
            throw new IOException("The SMTP server " + settings.host() + " refused EHLO (" + ehlo + ") and HELO: " + helo);
        }
    }

    private void login() throws IOException {
        Base64.Encoder base64 = Base64.getEncoder();
        byte[] user = settings.username().getBytes(StandardCharsets.UTF_8);
        byte[] password = settings.password().getBytes(StandardCharsets.UTF_8);
        Reply done;
        if (authMechanisms.contains("PLAIN") && settings.mechanisms().contains("PLAIN")) {
            byte[] plain = new byte[user.length + password.length + 2];
            System.arraycopy(user, 0, plain, 1, user.length);
            System.arraycopy(password, 0, plain, user.length + 2, password.length);
            done = command("AUTH PLAIN " + base64.encodeToString(plain));
        } else if (authMechanisms.contains("LOGIN") && settings.mechanisms().contains("LOGIN")) {
            Reply askUser = command("AUTH LOGIN");
            if (askUser.code() != 334) {
                throw new IOException("AUTH LOGIN refused by " + settings.host() + ": " + askUser);
            }
            Reply askPassword = command(base64.encodeToString(user));
            if (askPassword.code() != 334) {
                throw new IOException("AUTH LOGIN refused the user name at " + settings.host() + ": " + askPassword);
            }
            done = command(base64.encodeToString(password));
        } else {
            throw new IOException("The SMTP server " + settings.host() + " offers AUTH " + authMechanisms
                    + ", none of which this sender uses (" + settings.mechanisms() + ")");
        }
        if (done.code() != 235) {
            throw new IOException("Login to the SMTP server " + settings.host() + " as " + settings.username() + " failed: " + done);
        }
    }

    private Socket tls(Socket plain) throws IOException {
        SSLSocketFactory factory = tlsFactory();
        SSLSocket secure = (SSLSocket) factory.createSocket(plain, settings.host(), settings.port(), true);
        SSLParameters parameters = secure.getSSLParameters();
        if (settings.checkServerIdentity()) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!settings.protocols().isEmpty()) {
            parameters.setProtocols(settings.protocols().toArray(String[]::new));
        }
        secure.setSSLParameters(parameters);
        secure.setSoTimeout(millis(settings.readTimeout()));
        secure.startHandshake();
        return secure;
    }

    private SSLSocketFactory tlsFactory() throws IOException {
        String trust = settings.trust().trim();
        boolean trustAny = trust.equals("*") || Set.of(trust.split("\\s+")).contains(settings.host());
        if (!trustAny) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String type) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String type) {
                    // mail.smtp.ssl.trust names this host: its certificate is accepted as it is
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException impossible) {
            throw new IOException("No TLS", impossible);
        }
    }

    private void streams() throws IOException {
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
    }

    // --- the wire --------------------------------------------------------------------------

    private Reply command(String command) throws IOException {
        int length = command(command, 0);
        write(commands, 0, length);
        return reply();
    }

    /** Appends a command line (ASCII) to the command buffer. */
    private int command(String command, int at) {
        for (int i = 0; i < command.length(); i++) {
            commands[at++] = (byte) command.charAt(i);
        }
        commands[at++] = '\r';
        commands[at++] = '\n';
        return at;
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        if (!open) {
            throw new IOException("The connection to " + settings.host() + " is closed");
        }
        writingSince = System.nanoTime() | 1;
        try {
            out.write(bytes, offset, length);
            out.flush();
        } catch (IOException broken) {
            abort();
            throw broken;
        } finally {
            writingSince = 0;
        }
    }

    /** One reply, all its lines: the text keeps the lines apart with '\n'. */
    private Reply reply() throws IOException {
        StringBuilder text = new StringBuilder();
        while (true) {
            String current = readLine();
            if (current.length() < 3 || !Character.isDigit(current.charAt(0)) || !Character.isDigit(current.charAt(1))
                    || !Character.isDigit(current.charAt(2))) {
                abort();
                throw new IOException("Not an SMTP reply from " + settings.host() + ": " + current);
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(current.length() > 4 ? current.substring(4) : "");
            if (current.length() == 3 || current.charAt(3) != '-') {
                return new Reply(Integer.parseInt(current, 0, 3, 10), text.toString());
            }
        }
    }

    private String readLine() throws IOException {
        line.reset();
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    abort();
                    throw new IOException("The SMTP server " + settings.host() + " closed the connection");
                }
                if (b == '\n') {
                    int size = line.size();
                    String text = line.toString(StandardCharsets.UTF_8);
                    return size > 0 && text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
                if (line.size() > 4096) {
                    abort();
                    throw new IOException("An overlong reply line from " + settings.host());
                }
                line.write(b);
            }
        } catch (SocketTimeoutException slow) {
            abort();
            throw new IOException("No reply from the SMTP server " + settings.host() + " within " + settings.readTimeout(), slow);
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    /** The name this host says hello with, unless {@code mail.smtp.localhost} names one. */
    static String localName() {
        String name = LOCAL_NAME;
        if (name == null) {
            try {
                name = InetAddress.getLocalHost().getCanonicalHostName();
            } catch (IOException unknown) {
                name = "localhost";
            }
            if (name == null || name.isBlank() || name.contains(" ")) {
                name = "localhost";
            }
            LOCAL_NAME = name;
        }
        return name;
    }

    private static volatile String LOCAL_NAME;

    // --- write timeouts ---------------------------------------------------------------------

    /** Connections with a write timeout; one daemon thread closes those whose write is stuck. */
    private static final Set<SmtpClient> WATCHED = ConcurrentHashMap.newKeySet();
    private static volatile Thread watchdog;

    private static void watch(SmtpClient client) {
        WATCHED.add(client);
        if (watchdog == null) {
            synchronized (WATCHED) {
                if (watchdog == null) {
                    watchdog = Thread.ofPlatform().daemon().name("smtp-write-timeout").start(SmtpClient::watchWrites);
                }
            }
        }
    }

    private static void watchWrites() {
        while (true) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException stop) {
                return;
            }
            long now = System.nanoTime();
            for (SmtpClient client : WATCHED) {
                long since = client.writingSince;
                if (since != 0 && now - since > client.settings.writeTimeout().toNanos()) {
                    client.abort(); // the blocked write fails with a SocketException
                }
            }
        }
    }
}
