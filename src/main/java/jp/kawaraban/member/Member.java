package jp.kawaraban.member;

import java.time.Instant;
import java.util.Set;

/** A reader's account as other modules see it: never the password hash. */
public record Member(MemberId id, String email, String displayName, Set<Role> roles, Instant emailVerifiedAt,
                     Instant createdAt) {

    public Member {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }
}
