package jp.kawaraban.member;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** A member account's id. Random, so it reveals neither the email nor the sign-up order. */
public record MemberId(@JsonValue UUID value) implements java.io.Serializable {

    public MemberId {
        if (value == null) {
            throw new IllegalArgumentException("A member id is required");
        }
    }

    public static MemberId random() {
        return new MemberId(UUID.randomUUID());
    }

    /** Parses an id from outside (a link, a payment provider's metadata); empty when malformed. */
    public static java.util.Optional<MemberId> parse(String text) {
        try {
            return text == null ? java.util.Optional.empty() : java.util.Optional.of(new MemberId(UUID.fromString(text)));
        } catch (IllegalArgumentException malformed) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
