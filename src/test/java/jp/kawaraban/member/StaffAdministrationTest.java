package jp.kawaraban.member;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestMail;
import jp.kawaraban.WebSession;
import jp.kawaraban.platform.Audited;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static jp.kawaraban.KawarabanTest.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/staff} over real HTTP, with the demo administrator's log-in and CSRF tokens:
 * invitations by mail (GreenMail) for new and existing accounts, roles granted and revoked
 * taking effect in sessions already open, disabled accounts shut out, the last administrator
 * kept, bad input refused in Japanese with nothing stored, and every change in the audit log.
 */
@KawarabanTest
class StaffAdministrationTest {

    private static final String PASSWORD = "staff-password-123";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Staff staff;

    @Test
    void anInvitedEditorSetsAPasswordLogsInAndReachesTheDesk() {
        var admin = admin();
        String email = unique("new-editor");
        HttpResponse<String> invited = admin.submit("/admin/staff", "/admin/staff/invite",
                Map.of("email", email, "name", "招待 太郎", "role", "EDITOR"));
        assertThat(invited.headers().firstValue("Location").orElseThrow()).endsWith("/admin/staff?done=invited");
        Document list = admin.page("/admin/staff");
        assertThat(list.selectFirst(".staff-row[data-email=" + email + "] .staff-invited").text()).contains("編集者");
        assertThat(new WebSession(port).submit("/login", "/login", Map.of("email", email, "password", PASSWORD))
                .headers().firstValue("Location").orElseThrow()).as("no log-in before the invitation is accepted")
                .contains("/login?");

        assertThat(TestMail.latestText(email)).contains("編集者として招待されました");
        var invitee = new WebSession(port);
        String link = invitee.local(TestMail.link(email, "/invitation"));
        Document form = invitee.page(link);
        assertThat(form.select("input[name=password]")).hasSize(1);
        String token = form.selectFirst("input[name=token]").val();
        HttpResponse<String> weak = invitee.submit(link, "/invitation", Map.of("token", token, "name", "招待 太郎", "password", "short"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(weak.body()).selectFirst(".notice-error").text()).contains("パスワードは10文字以上");
        HttpResponse<String> accepted = invitee.submit(link, "/invitation", Map.of("token", token, "name", "招待 太郎", "password", PASSWORD));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("招待を受けました");
        assertThat(invitee.submit("/login", "/invitation", Map.of("token", token, "name", "x", "password", PASSWORD)).statusCode())
                .as("the link works once").isEqualTo(400);

        var editor = WebSession.loggedIn(port, email, PASSWORD);
        assertThat(editor.get("/editor/articles").statusCode()).isEqualTo(200);
        Member member = accounts.findByEmail(email).orElseThrow();
        assertThat(member.roles()).containsExactlyInAnyOrder(Role.MEMBER, Role.EDITOR);
        assertThat(auditActions(admin, member)).contains("staff.invite", "staff.accept");
    }

    @Test
    void anInvitedMemberGetsTheRoleOnlyAfterAcceptingEvenInTheSessionAlreadyOpen() {
        Member member = accounts.createVerified(unique("reader"), PASSWORD, "既存 会員", Set.of());
        var reader = WebSession.loggedIn(port, member.email(), PASSWORD);
        var admin = admin();
        admin.submit("/admin/staff", "/admin/staff/invite", Map.of("email", member.email(), "name", "", "role", "EDITOR"));
        assertThat(reader.get("/editor/articles").statusCode()).as("not before accepting").isEqualTo(403);
        assertThat(accounts.find(member.id()).orElseThrow().roles()).containsExactly(Role.MEMBER);

        String link = reader.local(TestMail.link(member.email(), "/invitation"));
        Document form = reader.page(link);
        assertThat(form.select("input[name=password]")).as("an existing account keeps its password").isEmpty();
        reader.submit(link, "/invitation", Map.of("token", form.selectFirst("input[name=token]").val()));
        assertThat(reader.get("/editor/articles").statusCode()).isEqualTo(200);
        WebSession.loggedIn(port, member.email(), PASSWORD);
    }

    @Test
    void grantedAndRevokedRolesHoldOnTheMembersNextRequest() {
        Member member = accounts.createVerified(unique("staffer"), PASSWORD, "役割 花子", Set.of());
        var session = WebSession.loggedIn(port, member.email(), PASSWORD);
        var admin = admin();
        assertThat(session.get("/editor/articles").statusCode()).isEqualTo(403);

        admin.submit("/admin/staff", "/admin/staff/" + member.id() + "/grant", Map.of("role", "EDITOR"));
        assertThat(session.get("/editor/articles").statusCode()).as("granted, same session").isEqualTo(200);
        assertThat(admin.page("/admin/staff").selectFirst(".staff-row[data-email=" + member.email()
                + "] li[data-role=EDITOR]").hasClass("has-role")).isTrue();

        admin.submit("/admin/staff", "/admin/staff/" + member.id() + "/revoke", Map.of("role", "EDITOR"));
        assertThat(session.get("/editor/articles").statusCode()).as("revoked, same session").isEqualTo(403);
        assertThat(auditActions(admin, member)).contains("staff.grant", "staff.revoke");
    }

    @Test
    void anExpertIsAppointedWithTheProfileTheirCommentaryIsSignedWith() {
        Member member = accounts.createVerified(unique("expert"), PASSWORD, "仮の 名前", Set.of());
        var admin = admin();
        HttpResponse<String> appointed = admin.submit("/admin/staff", "/admin/staff/" + member.id() + "/expert",
                Map.of("name", "識者 一郎", "title", "経済学者・東都大学教授"));
        assertThat(appointed.headers().firstValue("Location").orElseThrow()).endsWith("done=expert");
        assertThat(accounts.find(member.id()).orElseThrow().roles()).contains(Role.EXPERT);
        Document profile = new WebSession(port).page("/experts/" + member.id());
        assertThat(profile.text()).contains("識者 一郎").contains("経済学者・東都大学教授");

        HttpResponse<String> tooLong = admin.submit("/admin/staff", "/admin/staff/" + member.id() + "/expert",
                Map.of("name", "長".repeat(41), "title", ""));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(new WebSession(port).page("/experts/" + member.id()).text()).contains("識者 一郎");
        assertThat(auditActions(admin, member)).contains("staff.grant", "expert.profile");
    }

    @Test
    void aDisabledAccountIsLoggedOutEverywhereAndCannotLogInAgain() {
        Member member = accounts.createVerified(unique("disabled"), PASSWORD, "停止 予定", Set.of(Role.EDITOR));
        var session = WebSession.loggedIn(port, member.email(), PASSWORD);
        var remembered = new WebSession(port);
        assertThat(remembered.submit("/login", "/login", Map.of("email", member.email(), "password", PASSWORD,
                "remember", "true")).statusCode()).isEqualTo(302);
        assertThat(session.get("/editor/articles").statusCode()).isEqualTo(200);

        var admin = admin();
        admin.submit("/admin/staff", "/admin/staff/" + member.id() + "/disable", Map.of());
        assertThat(session.get("/editor/articles").headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(remembered.get("/my/account").headers().firstValue("Location").orElse(""))
                .as("the remembered device is out too").endsWith("/login");
        assertThat(new WebSession(port).submit("/login", "/login", Map.of("email", member.email(), "password", PASSWORD))
                .headers().firstValue("Location").orElseThrow()).endsWith("/login?failed");
        assertThat(admin.page("/admin/staff").selectFirst(".staff-row[data-email=" + member.email() + "] .staff-disabled"))
                .isNotNull();

        admin.submit("/admin/staff", "/admin/staff/" + member.id() + "/enable", Map.of());
        WebSession.loggedIn(port, member.email(), PASSWORD);
        assertThat(auditActions(admin, member)).contains("staff.disable", "staff.enable");
    }

    @Test
    void theLastAdministratorCannotRemoveTheirRoleOrDisableThemselves() {
        Member demoAdmin = accounts.findByEmail("admin@example.com").orElseThrow();
        // Other test classes may have made administrators in the shared database: set them aside for this test.
        var test = new Audited.Actor("test", "テスト");
        List<Member> others = staff.list().stream().map(StaffMember::member)
                .filter(m -> m.has(Role.ADMIN) && !m.id().equals(demoAdmin.id())).toList();
        others.forEach(other -> staff.revoke(test, other.id(), Role.ADMIN));
        try {
            var admin = admin();
            HttpResponse<String> revoke = admin.submit("/admin/staff", "/admin/staff/" + demoAdmin.id() + "/revoke",
                    Map.of("role", "ADMIN"));
            assertThat(revoke.statusCode()).isEqualTo(409);
            assertThat(Jsoup.parse(revoke.body()).selectFirst(".refusal-message").text())
                    .contains("ほかにログインできる管理者がいないため");
            HttpResponse<String> disable = admin.submit("/admin/staff", "/admin/staff/" + demoAdmin.id() + "/disable", Map.of());
            assertThat(disable.statusCode()).isEqualTo(409);
            assertThat(accounts.find(demoAdmin.id()).orElseThrow().roles()).contains(Role.ADMIN);
            assertThat(admin.get("/admin/staff").statusCode()).as("still an administrator, still logged in").isEqualTo(200);

            // With a second administrator, the first may step down.
            Member second = accounts.createVerified(unique("second-admin"), PASSWORD, "二人目 管理者", Set.of(Role.ADMIN));
            var secondSession = WebSession.loggedIn(port, second.email(), PASSWORD);
            HttpResponse<String> secondSteppingDown = secondSession.submit("/admin/staff",
                    "/admin/staff/" + second.id() + "/revoke", Map.of("role", "ADMIN"));
            assertThat(secondSteppingDown.headers().firstValue("Location").orElseThrow()).endsWith("done=revoked");
            assertThat(secondSession.get("/admin/staff").statusCode()).isEqualTo(403);
        } finally {
            // Whatever happened above, the demo administrator and the others are administrators again for the next tests.
            staff.grant(test, demoAdmin.id(), Role.ADMIN);
            staff.enable(test, demoAdmin.id());
            others.forEach(other -> staff.grant(test, other.id(), Role.ADMIN));
        }
    }

    @Test
    void badInvitationsAreRefusedInJapaneseAndStoreNothing() {
        var admin = admin();
        HttpResponse<String> malformed = admin.submit("/admin/staff", "/admin/staff/invite",
                Map.of("email", "not-an-address", "name", "誰か", "role", "EDITOR"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(malformed.body()).selectFirst(".refusal-message").text())
                .isEqualTo("メールアドレスの形式が正しくありません。");
        assertThat(accounts.findByEmail("not-an-address")).isEmpty();

        String email = unique("member-role");
        HttpResponse<String> memberRole = admin.submit("/admin/staff", "/admin/staff/invite",
                Map.of("email", email, "name", "誰か", "role", "MEMBER"));
        assertThat(memberRole.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(memberRole.body()).selectFirst(".refusal-message").text()).contains("編集者・識者・管理者");
        assertThat(accounts.findByEmail(email)).isEmpty();
        assertThat(TestMail.to(email)).isEmpty();

        var noToken = admin.post("/admin/staff/invite", Map.of("email", email, "name", "誰か", "role", "EDITOR"));
        assertThat(noToken.statusCode()).as("without the CSRF token").isEqualTo(403);
        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    private WebSession admin() {
        return WebSession.loggedIn(port, "admin@example.com", DEMO_PASSWORD);
    }

    /** The actions the audit log records about a member, as the desk's audit page lists them. */
    static List<String> auditActions(WebSession admin, Member member) {
        return admin.page("/editor/audit?subject=member:" + member.id()).select(".audit-entry").eachAttr("data-action");
    }

    private static String unique(String who) {
        return who + "-" + UUID.randomUUID() + "@example.com";
    }
}
