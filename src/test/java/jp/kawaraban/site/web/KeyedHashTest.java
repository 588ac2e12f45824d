package jp.kawaraban.site.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The most-read counter's client hash (decision 0045): the same reader is the same hash, any other is not. */
class KeyedHashTest {

    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15";

    @Test
    void theSameClientAndArticleGiveTheSameHashAndAnyDifferenceAnother() {
        KeyedHash hash = new KeyedHash(1, 2);
        long reader = hash.hash("203.0.113.7", PHONE, "abcdefghijk2");
        assertThat(hash.hash("203.0.113.7", PHONE, "abcdefghijk2")).isEqualTo(reader);
        assertThat(hash.hash("203.0.113.8", PHONE, "abcdefghijk2")).isNotEqualTo(reader);
        assertThat(hash.hash("203.0.113.7", PHONE + " ", "abcdefghijk2")).isNotEqualTo(reader);
        assertThat(hash.hash("203.0.113.7", PHONE, "abcdefghijk3")).isNotEqualTo(reader);
    }

    /** The strings' boundaries are part of the input: moving a character from one to the next is another client. */
    @Test
    void theBoundariesBetweenTheStringsCount() {
        KeyedHash hash = new KeyedHash(1, 2);
        assertThat(hash.hash("10.0.0.1", "2Mozilla", "a")).isNotEqualTo(hash.hash("10.0.0.12", "Mozilla", "a"));
        assertThat(hash.hash("", "", "")).isNotEqualTo(hash.hash("", "", "\u0001"));
    }

    /** Keyed: another process (another key) gives other hashes for the same reader, so they mean nothing outside it. */
    @Test
    void anotherKeyGivesAnotherHash() {
        assertThat(new KeyedHash(1, 2).hash("203.0.113.7", PHONE, "abcdefghijk2"))
                .isNotEqualTo(new KeyedHash(1, 3).hash("203.0.113.7", PHONE, "abcdefghijk2"))
                .isNotEqualTo(new KeyedHash().hash("203.0.113.7", PHONE, "abcdefghijk2"));
    }

    /** Spread over the table's slots: 100,000 clients of one article fill most of 262,144 slots, as random numbers would. */
    @Test
    void manyClientsSpreadOverTheSlots() {
        KeyedHash hash = new KeyedHash();
        java.util.BitSet slots = new java.util.BitSet(1 << 18);
        for (int i = 0; i < 100_000; i++) {
            slots.set((int) (hash.hash("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), PHONE, "abcdefghijk2") & ((1 << 18) - 1)));
        }
        // Random choice would leave 262144 * (1 - e^(-100000/262144)) ≈ 83,900 slots filled.
        assertThat(slots.cardinality()).isBetween(82_500, 85_300);
    }
}
