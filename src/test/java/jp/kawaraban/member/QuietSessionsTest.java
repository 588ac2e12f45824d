package jp.kawaraban.member;

import static org.assertj.core.api.Assertions.assertThat;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A logged-in member's pages read their session without writing it back each time (decision
 * 0033): the stored last access time moves at most once a minute, and the member stays logged
 * in across those pages.
 */
@KawarabanTest
class QuietSessionsTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesWithinAMinuteLeaveTheStoredSessionAsItWas() {
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        String member = accounts.findByEmail("editor@example.com").orElseThrow().id().toString();
        long loggedInAt = lastAccess(member);

        for (int page = 0; page < 3; page++) {
            assertThat(editor.get("/my/account").statusCode()).as("still logged in").isEqualTo(200);
        }

        assertThat(lastAccess(member)).as("the session's stored last access time").isEqualTo(loggedInAt);
    }

    /** The newest session of the member: the one this test logged in. */
    private long lastAccess(String member) {
        return jdbc.sql("select last_access_time from spring_session where principal_name = ? order by creation_time desc limit 1")
                .param(member).query(Long.class).single();
    }
}
