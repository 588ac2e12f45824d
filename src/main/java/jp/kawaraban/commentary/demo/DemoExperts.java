package jp.kawaraban.commentary.demo;

import jp.kawaraban.access.Reader;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.commentary.Commentaries;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import jp.kawaraban.platform.DemoMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode: a profile for the demo expert ({@code expert@example.com}) and one
 * commentary of theirs, so the article page shows the feature from the start. The expert and
 * the university are fictional. Runs after the demo accounts and articles exist; leaves an
 * existing profile and commentary alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DemoExperts implements ApplicationRunner {

    static final String EXPERT = "expert@example.com";
    /** The demo article the demo commentary is on. */
    static final ArticleId ARTICLE = ArticleId.derivedFrom("demo:business-minimum-wage-2025");

    private final DemoMode demoMode;
    private final Accounts accounts;
    private final Commentaries commentaries;
    private final ArticleCatalog catalog;

    DemoExperts(DemoMode demoMode, Accounts accounts, Commentaries commentaries, ArticleCatalog catalog) {
        this.catalog = catalog;
        this.demoMode = demoMode;
        this.accounts = accounts;
        this.commentaries = commentaries;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        Member expert = accounts.findByEmail(EXPERT).orElse(null);
        if (expert == null) {
            return;
        }
        if (commentaries.profile(expert.id()).isPresent()) {
            return; // set up on an earlier start; whatever the expert changed since stays
        }
        Reader reader = new Reader(expert.id(), expert.roles());
        commentaries.saveProfile(reader, "識者 花子", "労働経済学者・東都大学教授",
                "専門は労働経済学と地域の雇用。中小企業の賃金と人手不足を長く調べている。"
                        + "政府の審議会で委員を務めた（この人物と大学は架空です）。",
                "花");
        if (catalog.find(ARTICLE.value()).isPresent()) {
            commentaries.write(reader, ARTICLE.value(), """
                    最低賃金の引き上げ幅そのものより、地方の中小企業がそれを価格に転嫁できるかが本当の焦点です。

                    取引先に値上げを言い出しにくい下請けの構造が変わらなければ、賃上げは人件費の圧迫として経営に跳ね返ります。\
                    発注側の大企業も含めた価格交渉の仕組みづくりを急ぐべきでしょう。""");
        }
    }
}
