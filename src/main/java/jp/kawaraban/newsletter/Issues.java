package jp.kawaraban.newsletter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.newsletter.internal.IssueRenderer;
import jp.kawaraban.newsletter.internal.IssueRepository;
import jp.kawaraban.newsletter.internal.MailChannel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editors' side: compose an issue (picks and a line for each), preview it, send a test,
 * schedule it or send it now. Sending writes the whole outbox first ({@link IssueDelivery}
 * then hands it to the mail server).
 */
@Service
public class Issues {

    public static final int PICKS = 5;
    public static final int MAX_NOTE = 200;
    public static final int MAX_SUBJECT = 120;

    private final IssueRepository repository;
    private final Newsletters newsletters;
    private final ArticleCatalog catalog;
    private final IssueRenderer renderer;
    private final MailChannel channel;
    private final Clock clock;

    Issues(IssueRepository repository, Newsletters newsletters, ArticleCatalog catalog, IssueRenderer renderer,
           MailChannel channel, Clock clock) {
        this.repository = repository;
        this.newsletters = newsletters;
        this.catalog = catalog;
        this.renderer = renderer;
        this.channel = channel;
        this.clock = clock;
    }

    public enum Outcome { OK, UNKNOWN_NEWSLETTER, BAD_SUBJECT, BAD_ARTICLE, NOTE_TOO_LONG, NOT_EDITABLE, NO_PICKS, FAILED }

    public record Created(Outcome outcome, long id) {
    }

    @Transactional
    public Created create(String newsletter, String subject) {
        if (newsletters.find(newsletter).isEmpty()) {
            return new Created(Outcome.UNKNOWN_NEWSLETTER, -1);
        }
        String clean = clean(subject);
        if (clean.isEmpty() || clean.length() > MAX_SUBJECT) {
            return new Created(Outcome.BAD_SUBJECT, -1);
        }
        return new Created(Outcome.OK, repository.create(newsletter, clean, clock.instant()));
    }

    /** Replaces subject and picks; every article must exist and be published. */
    @Transactional
    public Outcome update(long id, String subject, List<Issue.Item> items) {
        Optional<Issue> issue = repository.find(id);
        if (issue.isEmpty() || !issue.get().editable()) {
            return Outcome.NOT_EDITABLE;
        }
        String cleanSubject = clean(subject);
        if (cleanSubject.isEmpty() || cleanSubject.length() > MAX_SUBJECT) {
            return Outcome.BAD_SUBJECT;
        }
        List<Issue.Item> cleanItems = new ArrayList<>();
        for (Issue.Item item : items) {
            String article = clean(item.articleId());
            if (article.isEmpty()) {
                continue;
            }
            if (!ArticleId.isWellFormed(article) || catalog.find(article).isEmpty()) {
                return Outcome.BAD_ARTICLE;
            }
            String note = clean(item.note());
            if (note.length() > MAX_NOTE) {
                return Outcome.NOTE_TOO_LONG;
            }
            cleanItems.add(new Issue.Item(article, note));
        }
        if (cleanItems.size() > PICKS) {
            return Outcome.BAD_ARTICLE;
        }
        repository.update(id, cleanSubject, cleanItems);
        return Outcome.OK;
    }

    public Optional<Issue> find(long id) {
        return repository.find(id);
    }

    public List<Issue> latest(int limit) {
        return repository.latest(limit);
    }

    public DeliveryCounts counts(long id) {
        return repository.counts(id);
    }

    /** How many readers the issue would reach if it were sent now (its newsletter's confirmed subscribers). */
    public long recipients(long id) {
        return repository.recipients(id);
    }

    /** The issue as a given address would receive it. */
    public Optional<RenderedMessage> preview(long id, String email) {
        return repository.find(id).flatMap(issue -> newsletters.find(issue.newsletter())
                .map(newsletter -> prepare(issue, newsletter).to(Newsletters.normalise(email))));
    }

    IssueRenderer.Prepared prepare(Issue issue, Newsletter newsletter) {
        List<ArticleSummary> articles = catalog.summaries(issue.items().stream().map(i -> new ArticleId(i.articleId())).toList());
        return renderer.prepare(issue, newsletter, articles, issue.sendAt() == null ? clock.instant() : issue.sendAt());
    }

    /** Sends the issue to the editor alone, marked as a test; counts and the outbox are untouched. */
    public Outcome sendTest(long id, String email) {
        Optional<RenderedMessage> message = preview(id, email);
        if (message.isEmpty()) {
            return Outcome.NOT_EDITABLE;
        }
        RenderedMessage m = message.get();
        RenderedMessage test = new RenderedMessage(m.fromName(), m.fromAddress(), m.to(), "[TEST] " + m.subject(),
                m.text(), m.html(), m.headers());
        try (MailChannel.Connection connection = channel.open()) {
            connection.send(test);
            return Outcome.OK;
        } catch (Exception failed) {
            return Outcome.FAILED;
        }
    }

    @Transactional
    public Outcome schedule(long id, Instant at) {
        Optional<Issue> issue = repository.find(id);
        if (issue.isEmpty() || !issue.get().editable()) {
            return Outcome.NOT_EDITABLE;
        }
        if (issue.get().items().isEmpty()) {
            return Outcome.NO_PICKS;
        }
        return repository.schedule(id, at) ? Outcome.OK : Outcome.NOT_EDITABLE;
    }

    /** Every confirmed subscriber becomes an outbox row, in one transaction; delivery follows. */
    @Transactional
    public Outcome sendNow(long id) {
        Optional<Issue> issue = repository.find(id);
        if (issue.isEmpty() || !issue.get().editable()) {
            return Outcome.NOT_EDITABLE;
        }
        if (issue.get().items().isEmpty()) {
            return Outcome.NO_PICKS;
        }
        return repository.enqueue(id, clock.instant()) >= 0 ? Outcome.OK : Outcome.NOT_EDITABLE;
    }

    /** Scheduled issues whose time has come are queued (called by the delivery job). */
    @Transactional
    public int queueDue() {
        int queued = 0;
        for (long id : repository.dueIssues(clock.instant())) {
            if (repository.enqueue(id, clock.instant()) >= 0) {
                queued++;
            }
        }
        return queued;
    }

    /** The next regular sending time of a newsletter, for the editor's schedule field. */
    public Optional<Instant> nextRegularSending(String newsletter) {
        return newsletters.find(newsletter).map(n -> n.nextSending(clock.instant()));
    }

    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}&&[^\\n]]", "").replace('\n', ' ').strip();
    }
}
