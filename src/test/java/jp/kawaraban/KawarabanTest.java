package jp.kawaraban;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application with the demo edition, served on a random port, on a fresh database
 * of the test run's one PostgreSQL server ({@link TestDatabase}). Every test class with this
 * annotation and nothing more shares one application (Spring's test context cache); only a
 * real difference of configuration makes another (the Stripe payment provider without the demo,
 * the OpenSearch engine: three in all, each kept cached, {@code spring.properties}). Its
 * other local state lives in a fresh directory under {@code target/}, its mail goes over SMTP
 * to GreenMail ({@link TestMail}), and it has the few test-only beans of
 * {@link KawarabanTestConfiguration} (a movable clock among them). Classes with this
 * annotation run one after the other on one thread (classes without it may run beside them,
 * see {@code junit-platform.properties}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({TestMail.class, Waiting.class, TestDatabase.EarlyStart.class})
@Execution(ExecutionMode.SAME_THREAD)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kawaraban.data-dir=target/test-data/${random.uuid}",
        "kawaraban.demo=true",
        "KAWARABAN_DEMO_PASSWORD=" + KawarabanTest.DEMO_PASSWORD,
        // Every WebSession is a client of its own (WebSession.CLIENT_ADDRESS); browsers and direct
        // HTTP clients are all 127.0.0.1: a per-address limit this high leaves the per-account one to test.
        "kawaraban.member.attempts-per-address=500",
        // Tests run the jobs themselves, at the clock they moved to (delivery, trials, scheduled
        // publication); the scheduler is tested with real processes in DeliveryAfterCrashTest.
        "db-scheduler.enabled=false",
        // Often, so NodeEventsTest sees the search index's caught-up mark move (a minute by default).
        "kawaraban.node-events.heard-every=1s",
        // Low, so SignUpsPerClientTest reaches it in the shared application: each WebSession is its own client.
        "kawaraban.newsletter.sign-ups-per-client-per-hour=" + KawarabanTest.SIGN_UPS_PER_CLIENT})
@ContextConfiguration(initializers = TestDatabase.class)
@Import(KawarabanTestConfiguration.class)
public @interface KawarabanTest {

    /** The demo accounts' password in tests. */
    String DEMO_PASSWORD = "demo-password-for-tests";

    /** Different addresses one client may sign up for newsletters per hour in tests. */
    int SIGN_UPS_PER_CLIENT = 3;
}
