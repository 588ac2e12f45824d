package jp.kawaraban.member;

import java.time.Instant;
import java.util.Set;

/**
 * An account as administrators see it: the member, whether it was disabled, and the roles of
 * an invitation not yet accepted (empty when none).
 */
public record StaffMember(Member member, Instant disabledAt, Set<Role> invitedRoles, Instant invitationExpiresAt) {

    public StaffMember {
        invitedRoles = Set.copyOf(invitedRoles);
    }

    public boolean disabled() {
        return disabledAt != null;
    }
}
