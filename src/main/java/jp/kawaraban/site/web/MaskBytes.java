package jp.kawaraban.site.web;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Random bytes for the CSRF token's mask on each page from memory ({@link MemberPages}), from a
 * {@link SecureRandom} as Spring Security's own masks are, but asked for 4 KiB at a time and
 * handed out in slices from a few buffers taken in turn: asked for 36 bytes per page, the
 * generator (one lock for the whole JVM, a read of /dev/urandom) showed in the page's profile
 * under wrk (docs/benchmarks.md, run 10). Each byte is handed out once.
 */
final class MaskBytes {

    private static final int STRIPES = 8;
    private static final int BUFFER = 4096;

    private static final class Stripe {
        private final SecureRandom random = new SecureRandom();
        private final byte[] buffer = new byte[BUFFER];
        private int used = BUFFER;

        synchronized void next(byte[] into) {
            if (into.length > BUFFER) {
                random.nextBytes(into);
                return;
            }
            if (used + into.length > BUFFER) {
                random.nextBytes(buffer);
                used = 0;
            }
            System.arraycopy(buffer, used, into, 0, into.length);
            used += into.length;
        }
    }

    private final Stripe[] stripes = new Stripe[STRIPES];
    private final AtomicInteger turn = new AtomicInteger();

    MaskBytes() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
    }

    /** Fills {@code into} with bytes no other call gets. */
    void next(byte[] into) {
        stripes[turn.getAndIncrement() & (STRIPES - 1)].next(into);
    }
}
