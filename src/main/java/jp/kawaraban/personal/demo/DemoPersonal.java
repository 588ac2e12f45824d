package jp.kawaraban.personal.demo;

import jp.kawaraban.article.ArticleId;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import jp.kawaraban.personal.Follows;
import jp.kawaraban.personal.PersonalInputException;
import jp.kawaraban.personal.Saves;
import jp.kawaraban.platform.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode only: the paid demo member follows an entity, a series, a column and a keyword
 * of the demo edition, and has saved an article and a figure, so My News and the saved lists
 * have something to show. Runs after the demo edition, accounts and subscriptions; done once
 * (a member who has followed anything is left alone).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DemoPersonal implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPersonal.class);

    private final Accounts accounts;
    private final Follows follows;
    private final Saves saves;
    private final DemoMode demoMode;

    DemoPersonal(Accounts accounts, Follows follows, Saves saves, DemoMode demoMode) {
        this.accounts = accounts;
        this.follows = follows;
        this.saves = saves;
        this.demoMode = demoMode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        Member paid = accounts.findByEmail("paid@example.com").orElse(null);
        if (paid == null || !follows.follows(paid.id()).isEmpty()) {
            return;
        }
        try {
            follows.follow(paid.id(), "entity", "steve-witkoff");
            follows.follow(paid.id(), "series", "ukraine-talks");
            follows.follow(paid.id(), "column", "keizai-no-me");
            follows.follow(paid.id(), "keyword", "米ロ関係");
            saves.saveArticle(paid.id(), demoArticle("riyadh-talks-analysis"));
            saves.saveFigure(paid.id(), demoArticle("talks-timeline-2025"), "demo-us-russia-talks-2025-timeline.svg");
            log.info("Demo: paid@example.com follows four things and has a saved article and figure");
        } catch (PersonalInputException missing) {
            log.warn("Demo follows and saves skipped: {}", missing.messageKey());
        }
    }

    /** Demo article ids follow from their file names (as the demo edition makes them). */
    private static String demoArticle(String slug) {
        return ArticleId.derivedFrom("demo:" + slug).value();
    }
}
