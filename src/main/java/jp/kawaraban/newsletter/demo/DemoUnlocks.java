package jp.kawaraban.newsletter.demo;

import jp.kawaraban.article.ArticleId;
import jp.kawaraban.newsletter.EmailUnlocks;
import jp.kawaraban.platform.DemoMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** In demo mode one paid demo article can be opened in full by leaving an email address. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DemoUnlocks implements ApplicationRunner {

    static final String ARTICLE = ArticleId.derivedFrom("demo:business-column-yen-and-households").value();

    private final DemoMode demoMode;
    private final EmailUnlocks unlocks;

    DemoUnlocks(DemoMode demoMode, EmailUnlocks unlocks) {
        this.demoMode = demoMode;
        this.unlocks = unlocks;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoMode.enabled()) {
            unlocks.setEligible(ARTICLE, true);
        }
    }
}
