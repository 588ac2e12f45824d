package jp.kawaraban.newsletter.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.kawaraban.newsletter.NewsletterProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed, stateless tokens for links that must keep working from any old message (unsubscribe,
 * manage) and for the unlock cookie: {@code base64url(payload) "." base64url(HMAC-SHA256)}. The
 * key comes from {@code kawaraban.newsletter.signing-key} or, unset, is made once and kept in the
 * database so every node signs alike.
 */
@Component
public class SignedTokens {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final JdbcClient jdbc;
    private final NewsletterProperties properties;
    private volatile byte[] key;

    SignedTokens(JdbcClient jdbc, NewsletterProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public String sign(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(bytes) + "." + ENCODE.encodeToString(mac(bytes));
    }

    /** The payload of a token this installation signed; empty for anything else. */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 2000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODE.decode(token.substring(0, dot));
            byte[] signature = DECODE.decode(token.substring(dot + 1));
            return MessageDigest.isEqual(signature, mac(payload))
                    ? Optional.of(new String(payload, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac initialised = prototype;
            if (initialised == null) {
                initialised = Mac.getInstance("HmacSHA256");
                initialised.init(new SecretKeySpec(key(), "HmacSHA256"));
                prototype = initialised;
            }
            // A copy of the keyed prototype: no provider look-up and key set-up per link (two per newsletter message).
            return ((Mac) initialised.clone()).doFinal(payload);
        } catch (GeneralSecurityException | CloneNotSupportedException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private volatile Mac prototype;

    private byte[] key() {
        byte[] current = key;
        if (current == null) {
            current = properties.signingKey().isBlank() ? storedKey() : Base64.getDecoder().decode(properties.signingKey());
            key = current;
        }
        return current;
    }

    private byte[] storedKey() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT INTO newsletter_signing_key (id, secret) VALUES (1, ?) ON CONFLICT DO NOTHING").param(fresh).update();
        return jdbc.sql("SELECT secret FROM newsletter_signing_key WHERE id = 1").query(byte[].class).single();
    }

    /** A one-use link token: 256 random bits; only its hash is stored. */
    public static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return ENCODE.encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
