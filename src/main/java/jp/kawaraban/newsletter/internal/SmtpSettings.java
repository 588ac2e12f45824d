package jp.kawaraban.newsletter.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Reads Spring Boot's mail settings ({@code spring.mail.host}, {@code port}, {@code username},
 * {@code password}, {@code protocol}, and the Jakarta Mail properties under
 * {@code spring.mail.properties.*}) into the own SMTP client's settings, with Jakarta Mail's
 * meaning. A property the own client does not handle (a socket factory, a proxy, SASL, …) is
 * reported, and newsletters then go through Jakarta Mail instead.
 */
final class SmtpSettings {

    /** Properties under {@code mail.smtp.} / {@code mail.smtps.} the own client honours (or that do not matter for it). */
    private static final Set<String> HANDLED = Set.of("host", "port", "user", "from", "localhost", "auth", "auth.mechanisms",
            "starttls.enable", "starttls.required", "ssl.enable", "ssl.checkserveridentity", "ssl.trust", "ssl.protocols",
            "connectiontimeout", "timeout", "writetimeout", "quitwait", "quitonsessionreject", "ehlo", "sendpartial",
            "reportsuccess", "userset", "noop.strict");

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(2);

    private SmtpSettings() {
    }

    /** The first configured property the own client does not handle, if any. */
    static Optional<String> unsupported(JavaMailSenderImpl sender) {
        String protocol = protocol(sender);
        if (!protocol.equals("smtp") && !protocol.equals("smtps")) {
            return Optional.of("protocol " + protocol);
        }
        Properties properties = sender.getJavaMailProperties();
        for (String key : properties.stringPropertyNames()) {
            String name = key.toLowerCase(Locale.ROOT);
            if (name.equals("mail.debug") || name.startsWith("mail.debug.") || name.equals("mail.transport.protocol")
                    || name.startsWith("mail.mime.") || name.startsWith("mail.imap") || name.startsWith("mail.pop3")
                    || name.equals("mail.host") || name.equals("mail.user") || name.equals("mail.from")) {
                continue; // read elsewhere, or not about sending over SMTP
            }
            String rest = name.startsWith("mail.smtps.") ? name.substring("mail.smtps.".length())
                    : name.startsWith("mail.smtp.") ? name.substring("mail.smtp.".length()) : null;
            if (rest == null || !HANDLED.contains(rest)) {
                return Optional.of("property " + key);
            }
            if (rest.equals("ehlo") && !bool(properties.getProperty(key), true)) {
                return Optional.of("property " + key + "=false");
            }
        }
        Set<String> mechanisms = mechanisms(properties, protocol);
        if (mechanisms.isEmpty()) {
            return Optional.of("property mail." + protocol + ".auth.mechanisms (neither PLAIN nor LOGIN)");
        }
        return Optional.empty();
    }

    static SmtpClient.Settings of(JavaMailSenderImpl sender) {
        Properties properties = sender.getJavaMailProperties();
        String protocol = protocol(sender);
        String prefix = "mail." + protocol + ".";
        boolean implicitTls = protocol.equals("smtps") || bool(properties.getProperty(prefix + "ssl.enable"), false);
        int port = sender.getPort() > 0 ? sender.getPort()
                : integer(properties.getProperty(prefix + "port"), implicitTls ? 465 : 25);
        String user = sender.getUsername() != null ? sender.getUsername() : properties.getProperty(prefix + "user");
        String from = properties.getProperty(prefix + "from", properties.getProperty("mail.smtp.from"));
        String localName = properties.getProperty(prefix + "localhost");
        return new SmtpClient.Settings(
                sender.getHost(), port, implicitTls,
                bool(properties.getProperty(prefix + "starttls.enable"), false),
                bool(properties.getProperty(prefix + "starttls.required"), false),
                user, sender.getPassword(),
                bool(properties.getProperty(prefix + "auth"), false),
                mechanisms(properties, protocol),
                millis(properties.getProperty(prefix + "connectiontimeout"), DEFAULT_CONNECT_TIMEOUT),
                millis(properties.getProperty(prefix + "timeout"), DEFAULT_READ_TIMEOUT),
                millis(properties.getProperty(prefix + "writetimeout"), Duration.ZERO),
                localName == null || localName.isBlank() ? SmtpClient.localName() : localName.trim(),
                from == null || from.isBlank() ? null : from.trim(),
                bool(properties.getProperty(prefix + "ssl.checkserveridentity"), true),
                properties.getProperty(prefix + "ssl.trust", ""),
                words(properties.getProperty(prefix + "ssl.protocols")));
    }

    private static String protocol(JavaMailSenderImpl sender) {
        String protocol = sender.getProtocol();
        return protocol == null || protocol.isBlank() ? "smtp" : protocol.trim().toLowerCase(Locale.ROOT);
    }

    private static Set<String> mechanisms(Properties properties, String protocol) {
        String configured = properties.getProperty("mail." + protocol + ".auth.mechanisms");
        Set<String> mechanisms = new LinkedHashSet<>(List.of("PLAIN", "LOGIN"));
        if (configured != null && !configured.isBlank()) {
            mechanisms.retainAll(words(configured.toUpperCase(Locale.ROOT)));
        }
        return mechanisms;
    }

    private static List<String> words(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.trim().split("[\\s,]+"));
    }

    private static boolean bool(String value, boolean otherwise) {
        return value == null || value.isBlank() ? otherwise : Boolean.parseBoolean(value.trim());
    }

    private static int integer(String value, int otherwise) {
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.trim());
    }

    /** Jakarta Mail's timeouts are milliseconds; unset or not positive: the default. */
    private static Duration millis(String value, Duration otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        long millis = Long.parseLong(value.trim());
        return millis > 0 ? Duration.ofMillis(millis) : otherwise;
    }
}
