package jp.kawaraban.commentary;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.kawaraban.access.Action;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Reader;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.article.PageOf;
import jp.kawaraban.article.PageRequest;
import jp.kawaraban.commentary.CommentaryException.Problem;
import jp.kawaraban.commentary.internal.CommentaryRepository;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.member.Role;
import jp.kawaraban.member.Staff;
import jp.kawaraban.platform.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Experts' commentary: the commentary module's facade. Commands check their input and throw
 * {@link CommentaryException} before anything is stored. Callers in {@code site} ask
 * {@code access} first so readers get the usual refusal page; the commands ask again, so no
 * other path can skip the rule.
 *
 * <p>Commentary of an article that is no longer published is left in place but never read:
 * every read here asks {@link ArticleCatalog} which articles are published (see
 * docs/decisions/0009-commentary-follows-the-article.md).
 */
@Service
public class Commentaries {

    /** How far back the editors' list reaches. */
    static final int EDITORS_LIST_REACH = 1000;

    private final CommentaryRepository repository;
    private final ArticleCatalog catalog;
    private final Entitlements entitlements;
    private final Accounts accounts;
    private final CommentaryProperties properties;
    private final Staff staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Commentaries(CommentaryRepository repository, ArticleCatalog catalog, Entitlements entitlements, Accounts accounts,
                 CommentaryProperties properties, Staff staff, ApplicationEventPublisher events, Clock clock) {
        this.staff = staff;
        this.events = events;
        this.repository = repository;
        this.catalog = catalog;
        this.entitlements = entitlements;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    public CommentaryProperties properties() {
        return properties;
    }

    // --- profiles ---------------------------------------------------------------------

    public Optional<ExpertProfile> profile(MemberId expert) {
        return repository.profile(expert);
    }

    /**
     * The expert's profile; one made from their account name when they have none yet (so an
     * expert can write before filling in the profile form). Not stored until they write or save.
     */
    public ExpertProfile profileOrDefault(MemberId expert) {
        return repository.profile(expert).orElseGet(() -> defaultProfile(expert));
    }

    @Transactional
    public ExpertProfile saveProfile(Reader expert, String displayName, String title, String bio, String initials) {
        requireExpert(expert);
        String name = oneLine(displayName);
        String cleanTitle = oneLine(title);
        String cleanBio = CommentaryText.normalise(bio);
        String cleanInitials = oneLine(initials).replace(" ", "");
        if (name.isEmpty() || CommentaryText.length(name) > ExpertProfile.MAX_NAME
                || CommentaryText.length(cleanTitle) > ExpertProfile.MAX_TITLE
                || CommentaryText.length(cleanBio) > ExpertProfile.MAX_BIO
                || cleanInitials.isEmpty() || CommentaryText.length(cleanInitials) > ExpertProfile.MAX_INITIALS) {
            throw new CommentaryException(Problem.INVALID_PROFILE);
        }
        ExpertProfile profile = new ExpertProfile(expert.member(), name, cleanTitle, cleanBio, cleanInitials, clock.instant());
        repository.saveProfile(profile);
        return profile;
    }

    /**
     * An administrator makes a member an expert with the name and title their commentary is
     * signed with, or changes those of an expert; the bio and initials the expert wrote stay.
     * The role and the profile change together, audited, or neither does.
     */
    @Transactional
    public ExpertProfile appoint(Audited.Actor by, MemberId member, String displayName, String title) {
        String name = oneLine(displayName);
        String cleanTitle = oneLine(title);
        if (name.isEmpty() || CommentaryText.length(name) > ExpertProfile.MAX_NAME
                || CommentaryText.length(cleanTitle) > ExpertProfile.MAX_TITLE) {
            throw new CommentaryException(Problem.INVALID_PROFILE);
        }
        staff.grant(by, member, Role.EXPERT);
        ExpertProfile before = repository.profile(member).orElse(null);
        String initials = before != null ? before.initials() : name.substring(0, name.offsetByCodePoints(0, 1));
        ExpertProfile profile = new ExpertProfile(member, name, cleanTitle, before == null ? "" : before.bio(), initials,
                clock.instant());
        repository.saveProfile(profile);
        events.publishEvent(new Audited(by, "expert.profile", "member:" + member, name + (cleanTitle.isEmpty() ? "" : "（" + cleanTitle + "）")));
        return profile;
    }

    // --- writing ----------------------------------------------------------------------

    /**
     * Writes the expert's commentary on a published article. An expert has one commentary per
     * article: writing again replaces the text of the first (and marks it edited), so a form
     * sent twice or from an old tab never makes a second one.
     */
    @Transactional
    public ExpertComment write(Reader expert, String articleId, String text) {
        requireExpert(expert);
        String body = checkedText(text);
        Article article = catalog.find(articleId).orElseThrow(() -> new CommentaryException(Problem.ARTICLE_UNAVAILABLE));
        repository.insertProfileIfMissing(defaultProfile(expert.member()));
        UUID id = repository.upsert(article.id(), expert.member(), body, clock.instant());
        return repository.find(id).orElseThrow();
    }

    /** Changes the text of the expert's own commentary. */
    @Transactional
    public ExpertComment edit(Reader expert, UUID id, String text) {
        requireExpert(expert);
        ExpertComment comment = own(expert, id);
        String body = checkedText(text);
        if (catalog.find(comment.article().value()).isEmpty()) {
            throw new CommentaryException(Problem.ARTICLE_UNAVAILABLE);
        }
        repository.updateText(comment.id(), body, clock.instant());
        return repository.find(id).orElseThrow();
    }

    /** Deletes the expert's own commentary; returns the article it was on. */
    @Transactional
    public ArticleId delete(Reader expert, UUID id) {
        requireExpert(expert);
        ExpertComment comment = own(expert, id);
        repository.delete(comment.id());
        return comment.article();
    }

    // --- editors ----------------------------------------------------------------------

    /** Hides a commentary from readers; its author still sees it, with the reason. Editors only (the caller checks). */
    @Transactional
    public ExpertComment hide(UUID id, MemberId editor, String reason) {
        String why = reason == null ? "" : CommentaryText.normalise(reason);
        if (why.isEmpty()) {
            throw new CommentaryException(Problem.REASON_REQUIRED);
        }
        if (CommentaryText.length(why) > properties.maxCharacters()) {
            throw new CommentaryException(Problem.TOO_LONG);
        }
        if (!repository.hide(id, editor, why, clock.instant())) {
            throw new CommentaryException(Problem.NOT_FOUND);
        }
        return repository.find(id).orElseThrow();
    }

    @Transactional
    public ExpertComment unhide(UUID id) {
        if (!repository.unhide(id)) {
            throw new CommentaryException(Problem.NOT_FOUND);
        }
        return repository.find(id).orElseThrow();
    }

    // --- reading ----------------------------------------------------------------------

    public Optional<ExpertComment> find(UUID id) {
        return repository.find(id);
    }

    /** How many experts' commentary readers can see on this (published) article. */
    public int count(Article article) {
        return repository.countVisible(article.id());
    }

    /**
     * The commentary on a published article that {@code viewer} may see: all visible ones,
     * and the viewer's own even when hidden. The caller decides whether the viewer may read
     * commentary at all.
     */
    public List<ExpertComment> onArticle(Article article, MemberId viewer) {
        return repository.onArticle(article.id(), viewer);
    }

    public Optional<ExpertComment> mine(Article article, MemberId expert) {
        return repository.find(article.id(), expert);
    }

    /** An expert's commentary on published articles, newest first; hidden ones only for their author. */
    public PageOf<CommentOnArticle> byExpert(MemberId expert, boolean includeHidden, int page) {
        return published(repository.refsByExpert(expert, includeHidden), page);
    }

    /** The newest commentary of all experts on published articles, hidden ones included: the editors' list. */
    public PageOf<CommentOnArticle> newest(int page) {
        return published(repository.newestRefs(EDITORS_LIST_REACH), page);
    }

    /** Only ids are read for the whole list; texts are loaded for the one page shown. */
    private PageOf<CommentOnArticle> published(List<CommentaryRepository.Ref> refs, int page) {
        Map<ArticleId, ArticleSummary> articles = new HashMap<>();
        catalog.summaries(refs.stream().map(CommentaryRepository.Ref::article).distinct().toList())
                .forEach(summary -> articles.put(summary.id(), summary));
        List<CommentaryRepository.Ref> visible = refs.stream().filter(ref -> articles.containsKey(ref.article())).toList();
        PageRequest request = new PageRequest(page, properties.pageSize());
        int from = (int) Math.min(visible.size(), request.offset());
        int to = Math.min(visible.size(), from + request.size());
        List<CommentOnArticle> items = repository.load(visible.subList(from, to).stream().map(CommentaryRepository.Ref::id).toList())
                .stream().map(comment -> new CommentOnArticle(comment, articles.get(comment.article()))).toList();
        return new PageOf<>(items, request.number(), request.size(), visible.size());
    }

    // --- rules ------------------------------------------------------------------------

    private void requireExpert(Reader reader) {
        if (!entitlements.mayUse(reader, Action.WRITE_COMMENTARY).allowed()) {
            throw new CommentaryException(Problem.NOT_EXPERT);
        }
    }

    private ExpertComment own(Reader expert, UUID id) {
        ExpertComment comment = repository.find(id).orElseThrow(() -> new CommentaryException(Problem.NOT_FOUND));
        if (!comment.writtenBy(expert.member())) {
            throw new CommentaryException(Problem.NOT_AUTHOR);
        }
        return comment;
    }

    private String checkedText(String text) {
        String body = CommentaryText.normalise(text);
        if (body.isEmpty()) {
            throw new CommentaryException(Problem.BLANK);
        }
        if (CommentaryText.length(body) > properties.maxCharacters()) {
            throw new CommentaryException(Problem.TOO_LONG);
        }
        return body;
    }

    private ExpertProfile defaultProfile(MemberId expert) {
        String name = accounts.find(expert).map(Member::displayName).filter(n -> !n.isBlank()).orElse("専門家");
        name = name.strip();
        if (CommentaryText.length(name) > ExpertProfile.MAX_NAME) {
            name = name.substring(0, name.offsetByCodePoints(0, ExpertProfile.MAX_NAME));
        }
        String initials = name.substring(0, name.offsetByCodePoints(0, 1));
        return new ExpertProfile(expert, name, "", "", initials, clock.instant());
    }

    private static String oneLine(String text) {
        return CommentaryText.normalise(text).replaceAll("\\s+", " ");
    }
}
