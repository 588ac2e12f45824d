package jp.kawaraban.site.web;

import java.security.SecureRandom;

/**
 * SipHash-1-3 with a random 128-bit key made at start, over the UTF-16 code units of a few
 * strings: a keyed 64-bit hash for in-memory checks whose inputs come from clients (the most-read
 * counter's "same client, same article, within 30 minutes", decision 0045). Keyed, so a client
 * cannot choose inputs that collide with another reader's; not a digest to store or compare
 * across processes — for that, SHA-256. Reads the strings' characters in place: nothing is
 * encoded or allocated per call.
 */
final class KeyedHash {

    private final long k0;
    private final long k1;

    KeyedHash() {
        SecureRandom random = new SecureRandom();
        this.k0 = random.nextLong();
        this.k1 = random.nextLong();
    }

    /** For tests: a fixed key. */
    KeyedHash(long k0, long k1) {
        this.k0 = k0;
        this.k1 = k1;
    }

    /** The hash of the three strings, each followed by a separator no string here holds (U+0000). */
    long hash(String a, String b, String c) {
        State state = new State(k0, k1);
        state.add(a);
        state.add(b);
        state.add(c);
        return state.finish();
    }

    /** SipHash's four words, with the code units not yet making a whole 64-bit block. */
    private static final class State {
        private long v0;
        private long v1;
        private long v2;
        private long v3;
        private long pending;
        private int pendingUnits;
        private long units;

        State(long k0, long k1) {
            v0 = k0 ^ 0x736f6d6570736575L;
            v1 = k1 ^ 0x646f72616e646f6dL;
            v2 = k0 ^ 0x6c7967656e657261L;
            v3 = k1 ^ 0x7465646279746573L;
        }

        void add(String text) {
            for (int i = 0; i < text.length(); i++) {
                unit(text.charAt(i));
            }
            unit(0);
        }

        private void unit(int unit) {
            pending |= (long) (unit & 0xffff) << (16 * pendingUnits);
            units++;
            if (++pendingUnits == 4) {
                block(pending);
                pending = 0;
                pendingUnits = 0;
            }
        }

        private void block(long m) {
            v3 ^= m;
            round();
            v0 ^= m;
        }

        long finish() {
            block(pending | (units * 2) << 56); // the length in bytes, as SipHash's last block carries it
            v2 ^= 0xff;
            round();
            round();
            round();
            return v0 ^ v1 ^ v2 ^ v3;
        }

        private void round() {
            v0 += v1;
            v1 = Long.rotateLeft(v1, 13);
            v1 ^= v0;
            v0 = Long.rotateLeft(v0, 32);
            v2 += v3;
            v3 = Long.rotateLeft(v3, 16);
            v3 ^= v2;
            v0 += v3;
            v3 = Long.rotateLeft(v3, 21);
            v3 ^= v0;
            v2 += v1;
            v1 = Long.rotateLeft(v1, 17);
            v1 ^= v2;
            v2 = Long.rotateLeft(v2, 32);
        }
    }
}
