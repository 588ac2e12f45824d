import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An SMTP server for bench/faults.sh that accepts every message and appends one line per
 * recipient to a file, written and flushed before the 250 reply, so lost and duplicated
 * messages can be counted however often the server is killed and started again:
 *
 * <pre>java bench/SmtpRecorder.java PORT FILE</pre>
 *
 * No PIPELINING or 8BITMIME is announced: the client then sends one command at a time.
 */
public class SmtpRecorder {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        try (ServerSocket server = new ServerSocket(port, 100, InetAddress.getLoopbackAddress())) {
            server.setReuseAddress(true);
            System.out.println("SMTP recorder listening on 127.0.0.1:" + port);
            while (true) {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket, out));
            }
        }
    }

    private static void serve(Socket socket, PrintWriter record) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 recorder ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-recorder\r\n250 SIZE 10485760");
                    case "MAIL", "RSET" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        int open = line.indexOf('<');
                        int close = line.indexOf('>', open + 1);
                        recipients.add(open >= 0 && close > open ? line.substring(open + 1, close) : line.substring(8).strip());
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 end with .");
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            // the body is not kept
                        }
                        if (data == null) {
                            return; // the client went away mid-message: nothing was accepted
                        }
                        synchronized (record) {
                            long now = System.currentTimeMillis();
                            recipients.forEach(r -> record.println(now + " " + r));
                            record.flush();
                        }
                        recipients.clear();
                        reply(out, "250 OK accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException gone) {
            // the client hung up
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
