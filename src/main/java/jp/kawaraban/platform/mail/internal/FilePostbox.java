package jp.kawaraban.platform.mail.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import jp.kawaraban.platform.PlatformProperties;
import jp.kawaraban.platform.mail.LocalMailbox;
import jp.kawaraban.platform.mail.MailMessage;
import jp.kawaraban.platform.mail.MailNotSentException;
import jp.kawaraban.platform.mail.Postbox;
import jp.kawaraban.platform.mail.SentMail;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded default: no mail leaves the machine. Each message is a JSON file under
 * {@code <data-dir>/mail}, listed newest first at {@code /dev/mail}, so sign-up and password
 * reset can be tried without a mail server.
 */
@Component
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class FilePostbox implements Postbox, LocalMailbox {

    private static final int SHOWN = 50;

    private final Path folder;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    FilePostbox(PlatformProperties platform, Clock clock) {
        this.folder = platform.dataDir().resolve("mail");
        this.clock = clock;
    }

    @Override
    public void send(MailMessage message) {
        try {
            Files.createDirectories(folder);
            Instant now = clock.instant();
            Path file = Files.createTempFile(folder, now.toEpochMilli() + "-", ".json");
            Files.writeString(file, json.writeValueAsString(new SentMail(now, message)));
        } catch (IOException | UncheckedIOException failed) {
            throw new MailNotSentException("Could not write the mail to " + folder, failed);
        }
    }

    @Override
    public List<SentMail> latest() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<SentMail> mails = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                mails.add(json.readValue(Files.readString(file), SentMail.class));
            }
            mails.sort(Comparator.comparing(SentMail::sentAt).reversed());
            return mails.subList(0, Math.min(SHOWN, mails.size()));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
