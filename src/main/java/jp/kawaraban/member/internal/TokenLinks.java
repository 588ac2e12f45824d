package jp.kawaraban.member.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jp.kawaraban.member.LinkPurpose;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.member.MemberProperties;
import org.springframework.stereotype.Component;

/** Issues and redeems the one-use links sent by mail. */
@Component
public class TokenLinks {

    private final MemberRepository repository;
    private final MemberProperties properties;
    private final Clock clock;

    TokenLinks(MemberRepository repository, MemberProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** A redeemed link: whose it was and, for a change of email, the new address. */
    public record Used(MemberId member, String newEmail) {
    }

    /** A fresh token; the member's older links of the same purpose stop working. */
    public String issue(MemberId member, LinkPurpose purpose, String newEmail) {
        repository.dropTokens(member, purpose.name());
        String token = Tokens.create();
        Duration lifetime = purpose == LinkPurpose.RESET_PASSWORD ? properties.resetLinkLifetime()
                : properties.verifyLinkLifetime();
        repository.insertToken(Tokens.hash(token), member, purpose.name(), newEmail, clock.instant().plus(lifetime));
        return token;
    }

    public boolean isUsable(String token, LinkPurpose purpose) {
        return token != null && repository.tokenIsUsable(Tokens.hash(token), purpose.name(), clock.instant());
    }

    public Optional<Used> use(String token, LinkPurpose purpose) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return repository.useToken(Tokens.hash(token), purpose.name(), clock.instant())
                .map(used -> new Used(used.member(), used.newEmail()));
    }
}
