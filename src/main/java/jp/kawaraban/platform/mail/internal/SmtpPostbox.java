package jp.kawaraban.platform.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.kawaraban.platform.mail.MailMessage;
import jp.kawaraban.platform.mail.MailNotSentException;
import jp.kawaraban.platform.mail.MailProperties;
import jp.kawaraban.platform.mail.Postbox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends over SMTP, as configured by Spring Boot's {@code spring.mail.*}. */
@Component
@ConditionalOnProperty("spring.mail.host")
class SmtpPostbox implements Postbox {

    private final JavaMailSender sender;
    private final MailProperties properties;

    SmtpPostbox(JavaMailSender sender, MailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public void send(MailMessage message) {
        try {
            MimeMessage mime = sender.createMimeMessage();
            var helper = new MimeMessageHelper(mime, message.html() != null, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(message.to());
            helper.setSubject(message.subject());
            if (message.html() != null) {
                helper.setText(message.text(), message.html());
            } else {
                helper.setText(message.text());
            }
            for (var header : message.headers().entrySet()) {
                mime.setHeader(header.getKey(), header.getValue());
            }
            sender.send(mime);
        } catch (MessagingException | MailException failed) {
            throw new MailNotSentException("Mail to the SMTP server failed", failed);
        }
    }
}
