package jp.kawaraban.newsletter;

import java.util.List;

import jp.kawaraban.member.MemberPrincipal;

/**
 * A request to subscribe.
 *
 * @param source        where the form was: {@code page}, {@code article}, {@code account}
 * @param statement     the consent wording the reader saw next to the form (kept in the trail)
 * @param member        the logged-in member, or null
 * @param clientAddress the reader's IP address, for the consent trail
 */
public record SignUp(String email, List<String> newsletters, String source, String statement,
                     MemberPrincipal member, String clientAddress) {

    public SignUp {
        newsletters = newsletters == null ? List.of() : List.copyOf(newsletters);
    }
}
