package jp.kawaraban.setup.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

import jp.kawaraban.platform.DemoMode;
import jp.kawaraban.platform.web.PublicUrls;
import jp.kawaraban.setup.PublicationSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start, once the database is migrated and before the server listens: a set-up site that
 * does not know its public address refuses to start (its mails and links would point
 * nowhere); an installation still waiting for setup gets a fresh one-time code, printed in the
 * log, that opens {@code /setup} from another machine.
 */
@Component
public class SetupCode implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SetupCode.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 16;

    private final PublicationSetup setup;
    private final PublicUrls urls;
    private final DemoMode demo;
    private final String code;

    SetupCode(PublicationSetup setup, PublicUrls urls, DemoMode demo) {
        this.setup = setup;
        this.urls = urls;
        this.demo = demo;
        var random = new SecureRandom();
        var code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        this.code = code.toString();
    }

    @Override
    public void afterSingletonsInstantiated() {
        boolean pending = setup.pending();
        if (!demo.enabled() && !pending && urls.known().isEmpty()) {
            throw new IllegalStateException("This site has no public address, so the links in its mails, feeds and pages would "
                    + "point nowhere. Set kawaraban.site.base-url (for example --kawaraban.site.base-url=https://news.example.jp) "
                    + "and start again. / 公開アドレス（kawaraban.site.base-url）が設定されていないため起動しません。");
        }
        if (pending && !demo.enabled()) { // a demo makes its administrator right after this
            log.warn("Kawaraban is not set up yet. Run `java -jar kawaraban.jar setup`, or open /setup in a browser on this "
                    + "machine, or from elsewhere /setup?code={} (this code works until setup is done or the site restarts).", code);
        }
    }

    /** Whether {@code presented} is this run's code, compared in constant time. */
    public boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(code.getBytes(StandardCharsets.US_ASCII),
                presented.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /** This run's code, as the log prints it (tests read it here instead of from the log). */
    public String code() {
        return code;
    }
}
