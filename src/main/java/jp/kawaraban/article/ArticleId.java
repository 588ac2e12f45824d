package jp.kawaraban.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An article's opaque, URL-safe id: twelve characters of lower-case letters and digits.
 * It says nothing about the article, so headlines can change without breaking links.
 */
public record ArticleId(@JsonValue String value) {

    private static final int LENGTH = 12;
    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ArticleId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("Not an article id: " + value);
        }
    }

    /**
     * Whether {@code candidate} could be an id at all; lets callers answer 404 without a query.
     * Checked character by character rather than with a pattern: every article page view makes
     * ids, and the matcher showed in its profile (docs/benchmarks.md, run 10).
     */
    public static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = candidate.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    public static ArticleId random() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return fromBytes(bytes);
    }

    /** The same id for the same key on every machine: used for demo and imported articles. */
    public static ArticleId derivedFrom(String key) {
        try {
            return fromBytes(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArticleId fromBytes(byte[] bytes) {
        char[] chars = new char[12];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[(bytes[i] & 0xff) % ALPHABET.length];
        }
        return new ArticleId(new String(chars));
    }

    @Override
    public String toString() {
        return value;
    }
}
