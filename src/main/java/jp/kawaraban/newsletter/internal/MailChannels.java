package jp.kawaraban.newsletter.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jp.kawaraban.newsletter.NewsletterProperties;
import jp.kawaraban.newsletter.RenderedMessage;
import jp.kawaraban.platform.mail.MailMessage;
import jp.kawaraban.platform.mail.Postbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Picks the channel: SMTP when Spring Boot configured a mail sender — the newsletter's own
 * pipelining client, or Jakarta Mail when {@code kawaraban.newsletter.smtp-client=jakarta} or
 * when the mail settings use something the own client does not do — else the local postbox.
 */
@Configuration(proxyBeanMethods = false)
class MailChannels {

    private static final Logger log = LoggerFactory.getLogger(MailChannels.class);

    @Bean
    MailChannel newsletterMailChannel(ObjectProvider<JavaMailSender> sender, Postbox postbox, NewsletterProperties properties,
                                      Clock clock) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp instanceof JavaMailSenderImpl impl && impl.getHost() != null && !impl.getHost().isBlank()) {
            if (properties.smtpClient() == NewsletterProperties.SmtpClientKind.JAKARTA) {
                return new SmtpChannel(impl);
            }
            Optional<String> unsupported = SmtpSettings.unsupported(impl);
            if (unsupported.isPresent()) {
                log.info("Newsletters go through Jakarta Mail: the configured {} is not handled by the pipelining sender",
                        unsupported.get());
                return new SmtpChannel(impl);
            }
            return new PipeliningSmtpChannel(SmtpSettings.of(impl), clock);
        }
        return new PostboxChannel(postbox);
    }

    /**
     * The newsletter's own SMTP client ({@link SmtpClient}, {@link MessageEncoder}): PIPELINING
     * and 8bit bodies when the server announces them, one connection kept open per worker.
     */
    static final class PipeliningSmtpChannel implements MailChannel {

        private final SmtpClient.Settings settings;
        private final Clock clock;

        PipeliningSmtpChannel(SmtpClient.Settings settings, Clock clock) {
            this.settings = settings;
            this.clock = clock;
        }

        @Override
        public Connection open() {
            SmtpClient client;
            try {
                client = SmtpClient.connect(settings);
            } catch (IOException failed) {
                throw new UncheckedIOException("Could not connect to the SMTP server " + settings.host() + ":" + settings.port()
                        + ": " + failed.getMessage(), failed);
            }
            MessageEncoder encoder = new MessageEncoder();
            return new Connection() {
                @Override
                public void send(RenderedMessage message) throws Refused, IOException {
                    try {
                        encoder.encode(message, client.eightBitMime(), ZonedDateTime.now(clock));
                    } catch (IllegalArgumentException unwritable) {
                        throw new Refused(unwritable.getMessage(), true);
                    }
                    try {
                        client.send(settings.envelopeFrom() == null ? message.fromAddress() : settings.envelopeFrom(),
                                message.to(), encoder);
                    } catch (SmtpClient.Refused refused) {
                        throw new Refused(refused.getMessage(), refused.connectionUsable());
                    }
                }

                @Override
                public void close() {
                    client.close();
                }
            };
        }
    }

    /** One jakarta.mail Transport kept open for a whole batch: no handshake per message. */
    static final class SmtpChannel implements MailChannel {

        private final JavaMailSenderImpl settings;

        SmtpChannel(JavaMailSenderImpl settings) {
            this.settings = settings;
        }

        @Override
        public Connection open() {
            try {
                Properties properties = new Properties();
                properties.putAll(settings.getJavaMailProperties());
                // Without TCP_NODELAY the short end-of-data line waits for the server's delayed
                // ACK (up to 40 ms per message on Linux): Nagle's algorithm, not the network.
                properties.put("mail.smtp.socketFactory", new NoDelaySockets());
                properties.put("mail.smtp.socketFactory.fallback", "false");
                Session session = Session.getInstance(properties);
                Transport transport = session.getTransport(settings.getProtocol() == null ? "smtp" : settings.getProtocol());
                transport.connect(settings.getHost(), settings.getPort(), settings.getUsername(), settings.getPassword());
                return new Connection() {
                    @Override
                    public void send(RenderedMessage message) throws MessagingException, UnsupportedEncodingException {
                        MimeMessage mime = mime(session, message);
                        transport.sendMessage(mime, mime.getAllRecipients());
                    }

                    @Override
                    public void close() {
                        try {
                            transport.close();
                        } catch (MessagingException ignored) {
                            // the connection is gone either way
                        }
                    }
                };
            } catch (MessagingException failed) {
                throw new IllegalStateException("Could not connect to the SMTP server", failed);
            }
        }
    }


    static MimeMessage mime(Session session, RenderedMessage message) throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(new InternetAddress(message.fromAddress(), message.fromName(), StandardCharsets.UTF_8.name()));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to()));
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(new Date());
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mime.setContent(alternative);
        for (Map.Entry<String, String> header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        mime.saveChanges();
        return mime;
    }

    /** The embedded default: each message becomes a file shown at /dev/mail. */
    static final class PostboxChannel implements MailChannel {

        private final Postbox postbox;

        PostboxChannel(Postbox postbox) {
            this.postbox = postbox;
        }

        @Override
        public Connection open() {
            return new Connection() {
                @Override
                public void send(RenderedMessage message) {
                    postbox.send(new MailMessage(message.to(), message.subject(), message.text(), message.html(),
                            message.headers()));
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
