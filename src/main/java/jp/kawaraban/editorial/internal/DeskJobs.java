package jp.kawaraban.editorial.internal;

import java.time.Duration;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.editorial.EditorsDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scheduled publication: every little while, articles whose time has come are published.
 * db-scheduler runs the job on one node at a time; the rows are locked besides, so an
 * article is published once however many nodes look.
 */
@Configuration(proxyBeanMethods = false)
class DeskJobs {

    private static final Logger log = LoggerFactory.getLogger(DeskJobs.class);

    @Bean
    RecurringTask<Void> publishScheduledArticles(EditorsDesk desk,
                                                 @Value("${kawaraban.editorial.schedule-check:PT20S}") Duration every) {
        return Tasks.recurring("editorial-publish-due", FixedDelay.of(every))
                .execute((instance, context) -> {
                    List<ArticleId> published = desk.publishDue();
                    if (!published.isEmpty()) {
                        log.info("Published {} scheduled articles", published.size());
                    }
                });
    }
}
