package jp.kawaraban.platform.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender of every message, e.g. {@code 瓦版 <no-reply@example.jp>}
 */
@ConfigurationProperties("kawaraban.mail")
public record MailProperties(@DefaultValue("瓦版 <no-reply@kawaraban.example>") String from) {
}
