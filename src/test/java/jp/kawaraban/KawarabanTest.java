package jp.kawaraban;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a real embedded PostgreSQL with the demo edition, served on a
 * random port. Every test class with this annotation shares one application (Spring's test
 * context cache); its database lives in a fresh directory under {@code target/}, and its
 * mail goes over SMTP to GreenMail ({@link TestMail}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestMail.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kawaraban.data-dir=target/test-data/${random.uuid}",
        "kawaraban.demo=true",
        "KAWARABAN_DEMO_PASSWORD=" + KawarabanTest.DEMO_PASSWORD,
        // Every test client is 127.0.0.1: a per-address limit this high leaves the per-account one to test.
        "kawaraban.member.attempts-per-address=500",
        "kawaraban.newsletter.sign-ups-per-client-per-hour=500"})
public @interface KawarabanTest {

    /** The demo accounts' password in tests. */
    String DEMO_PASSWORD = "demo-password-for-tests";
}
