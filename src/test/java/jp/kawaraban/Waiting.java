package jp.kawaraban;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.Extension;

/**
 * How tests wait for the application's background work (event listeners run after the
 * commit, on another thread; mail arrives over SMTP): with Awaitility's {@code await()},
 * which by these defaults looks at once, then every 50 ms, and gives up after 20 seconds
 * unless the test says otherwise. Browser tests wait with {@code pollInSameThread()}, as
 * Playwright is used from one thread. Registered by {@link KawarabanTest}.
 */
public final class Waiting implements Extension {

    static {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(50));
        Awaitility.setDefaultTimeout(Duration.ofSeconds(20));
    }
}
