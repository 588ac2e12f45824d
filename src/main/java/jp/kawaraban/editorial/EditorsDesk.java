package jp.kawaraban.editorial;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticleMarkup;
import jp.kawaraban.article.ArticleNotFoundException;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import jp.kawaraban.article.DeskFilter;
import jp.kawaraban.article.DeskSummary;
import jp.kawaraban.article.EditedArticle;
import jp.kawaraban.article.PageOf;
import jp.kawaraban.article.PageRequest;
import jp.kawaraban.article.Revision;
import jp.kawaraban.editorial.AuditLog.Actor;
import jp.kawaraban.editorial.internal.LineDiff;
import jp.kawaraban.editorial.internal.PublishedTermCounts;
import jp.kawaraban.newsletter.EmailUnlocks;
import jp.kawaraban.search.Entities;
import jp.kawaraban.search.Search;
import jp.kawaraban.search.SearchQuery;
import jp.kawaraban.text.Candidate;
import jp.kawaraban.text.Entity;
import jp.kawaraban.text.EntityCandidates;
import jp.kawaraban.text.EntityKind;
import jp.kawaraban.text.Keyword;
import jp.kawaraban.text.Keywords;
import jp.kawaraban.text.Mention;
import jp.kawaraban.text.MentionFinder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editors' desk: every change an editor makes to an article goes through here, is
 * checked field by field (a {@link DeskRefusal} lists what is wrong, in message keys), is
 * applied through {@link ArticleDesk} and is written to the {@link AuditLog} in the same
 * transaction. Saves carry the version the editor started from, so a second editor's save
 * over someone else's newer one is refused ({@link jp.kawaraban.article.EditConflictException}).
 */
@Service
@Transactional
public class EditorsDesk {

    public static final int MAX_HEADLINE = 300;
    public static final int MAX_BYLINE = 100;
    public static final int MAX_KEYWORD = 40;
    public static final int MAX_KEYWORDS = 20;
    public static final int MAX_RELATED = 10;
    static final Actor SCHEDULER = new Actor("scheduler", "予約公開");

    private final ArticleDesk articles;
    private final ArticleCatalog catalog;
    private final AuditLog audit;
    private final Entities entities;
    private final Vocabulary vocabulary;
    private final Search search;
    private final EmailUnlocks unlocks;
    private final PublishedTermCounts termCounts;
    private final Clock clock;

    EditorsDesk(ArticleDesk articles, ArticleCatalog catalog, AuditLog audit, Entities entities, Vocabulary vocabulary,
                Search search, EmailUnlocks unlocks, PublishedTermCounts termCounts, Clock clock) {
        this.articles = articles;
        this.termCounts = termCounts;
        this.unlocks = unlocks;
        this.catalog = catalog;
        this.audit = audit;
        this.entities = entities;
        this.vocabulary = vocabulary;
        this.search = search;
        this.clock = clock;
    }

    // ---- reading --------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PageOf<DeskSummary> list(DeskFilter filter, PageRequest page) {
        return articles.list(filter, page);
    }

    @Transactional(readOnly = true)
    public EditedArticle article(ArticleId id) {
        return articles.forEditing(id).orElseThrow(() -> new ArticleNotFoundException(id.value()));
    }

    /** Who changed the article last, and how — for telling a second editor whose save came first. */
    @Transactional(readOnly = true)
    public Optional<AuditEntry> lastChange(ArticleId id) {
        return audit.recent(subject(id), 1, 0).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> history(ArticleId id) {
        return audit.recent(subject(id), 100, 0);
    }

    @Transactional(readOnly = true)
    public List<Revision> revisions(ArticleId id) {
        return articles.revisions(id);
    }

    /** Revision {@code to} compared with revision {@code from}, line by line, fields labelled. */
    @Transactional(readOnly = true)
    public List<DiffLine> diff(ArticleId id, int from, int to) {
        List<Revision> revisions = revisions(id);
        Revision before = revisions.stream().filter(r -> r.number() == from).findFirst()
                .orElseThrow(() -> new ArticleNotFoundException(id.value() + "@" + from));
        Revision after = revisions.stream().filter(r -> r.number() == to).findFirst()
                .orElseThrow(() -> new ArticleNotFoundException(id.value() + "@" + to));
        return LineDiff.between(comparable(before.content()), comparable(after.content()));
    }

    /** A version as labelled lines, so a changed headline reads as such in a comparison. */
    static List<String> comparable(ArticleContent content) {
        Manuscript text = Manuscript.of(content);
        List<String> lines = new ArrayList<>();
        lines.add("【見出し】" + text.headline());
        if (!text.subheadline().isBlank()) {
            lines.add("【副見出し】" + text.subheadline());
        }
        lines.add("【リード】" + text.lead());
        lines.add("【署名】" + String.join("／", text.bylineList()));
        lines.add("【セクション】" + text.sectionCode() + (text.seriesCode().isBlank() ? "" : "／" + text.seriesCode()));
        lines.add("【キーワード】" + text.keywords());
        lines.add("【公開範囲】" + text.accessLevel().name());
        lines.add("【本文】");
        text.body().lines().filter(line -> !line.isBlank()).forEach(lines::add);
        return lines;
    }

    // ---- writing ----------------------------------------------------------------------------------

    public ArticleId create(Manuscript manuscript, Actor actor) {
        ArticleContent content = content(manuscript, null);
        ArticleId id = articles.createDraft(null, content);
        audit.record(actor, "article.create", subject(id), content.headline());
        return id;
    }

    /** @return the new version */
    public int saveDraft(ArticleId id, Manuscript manuscript, int version, Actor actor) {
        ArticleContent content = content(manuscript, id);
        int saved = articles.saveDraft(id, content, version);
        audit.record(actor, "article.save", subject(id), content.headline());
        return saved;
    }

    /** Saves the draft and makes it publish itself at {@code publishAt}. @return the new version */
    public int schedule(ArticleId id, Manuscript manuscript, Instant publishAt, int version, Actor actor) {
        if (publishAt == null) {
            throw new DeskRefusal("editor.problem.scheduleMissing");
        }
        if (!publishAt.isAfter(clock.instant())) {
            throw new DeskRefusal("editor.problem.schedulePast");
        }
        requireKnownOutlet(manuscript);
        int saved = articles.saveDraft(id, content(manuscript, id), version);
        int scheduled = articles.schedule(id, publishAt, saved);
        audit.record(actor, "article.schedule", subject(id), publishAt.toString());
        return scheduled;
    }

    public int unschedule(ArticleId id, int version, Actor actor) {
        int saved = articles.unschedule(id, version);
        audit.record(actor, "article.unschedule", subject(id), null);
        return saved;
    }

    /** Saves the draft and publishes it now. */
    public int publish(ArticleId id, Manuscript manuscript, int version, Actor actor) {
        requireKnownOutlet(manuscript);
        ArticleContent content = content(manuscript, id);
        int saved = articles.saveDraft(id, content, version);
        int published = articles.publishDraft(id, saved);
        audit.record(actor, "article.publish", subject(id), content.headline());
        return published;
    }

    /** A new revision of a published article; readers see the note and the update time. @return the revision */
    public int update(ArticleId id, Manuscript manuscript, String note, int version, Actor actor) {
        String required = required(note, "editor.problem.updateNoteMissing");
        int revision = articles.update(id, content(manuscript, id), required, version);
        audit.record(actor, "article.update", subject(id), "第" + revision + "版: " + required);
        return revision;
    }

    /** A new revision with a correction notice readers see on the article. @return the revision */
    public int correct(ArticleId id, Manuscript manuscript, String notice, int version, Actor actor) {
        String required = required(notice, "editor.problem.correctionMissing");
        int revision = articles.correct(id, content(manuscript, id), required, version);
        audit.record(actor, "article.correct", subject(id), "第" + revision + "版: " + required);
        return revision;
    }

    /** Readers get 404 from now on; the article stays here, with its reason in the audit log. */
    public void withdraw(ArticleId id, String reason, int version, Actor actor) {
        String required = required(reason, "editor.problem.withdrawReasonMissing");
        articles.withdraw(id, version);
        audit.record(actor, "article.withdraw", subject(id), required);
    }

    /** Deletes a draft never published; its audit records stay. */
    public void discard(ArticleId id, int version, Actor actor) {
        String headline = article(id).content().headline();
        articles.discardDraft(id, version);
        audit.record(actor, "article.discard", subject(id), headline);
    }

    /**
     * Marks (or unmarks) a published article as one readers may unlock by email, with its audit
     * record in the same transaction.
     *
     * @throws ArticleNotFoundException when no published article has this id
     */
    public void setEmailUnlock(ArticleId id, boolean eligible, Actor actor) {
        if (!unlocks.setEligible(id.value(), eligible)) {
            throw new ArticleNotFoundException(id.value()); // not published: nothing a reader could unlock
        }
        audit.record(actor, eligible ? "article.unlockOn" : "article.unlockOff", subject(id), null);
    }

    /** Publishes the scheduled articles whose time has come (called by the desk's job). */
    public List<ArticleId> publishDue() {
        List<ArticleId> published = articles.publishDue(50);
        for (ArticleId id : published) {
            audit.record(SCHEDULER, "article.publish", subject(id), "予約公開");
        }
        return published;
    }

    // ---- proposals and related picks ------------------------------------------------------------------

    /**
     * Keywords and entities the text module finds in the manuscript, minus what the editor chose.
     * Keywords are weighed against the site's latest published articles ({@link PublishedTermCounts}).
     */
    @Transactional(readOnly = true)
    public Proposals propose(Manuscript manuscript) {
        String body = plainBody(manuscript.body());
        Set<String> chosen = Set.copyOf(manuscript.keywordList());
        List<String> keywords = new ArrayList<>();
        for (Keyword keyword : Keywords.extract(manuscript.headline(), manuscript.lead() + "\n\n" + body, 24,
                termCounts.current())) {
            // What an editor can use as a tag readers follow: not one character (案, 市), not a
            // part of a term already proposed (港湾 after 港湾地区), not one already chosen.
            String term = keyword.term();
            if (term.codePointCount(0, term.length()) > 1 && !chosen.contains(term)
                    && keywords.stream().noneMatch(proposed -> proposed.contains(term))) {
                keywords.add(term);
            }
            if (keywords.size() == 8) {
                break;
            }
        }
        String text = ArticleContent.plainText(manuscript.headline(), manuscript.lead(), body);
        MentionFinder finder = entities.finder();
        Map<String, Entity> mentioned = new LinkedHashMap<>();
        for (Mention mention : finder.find(text)) {
            finder.entity(mention.entityId()).ifPresent(entity -> mentioned.putIfAbsent(entity.id(), entity));
        }
        List<Candidate> candidates = EntityCandidates.propose(text, finder).stream().limit(8).toList();
        return new Proposals(keywords, List.copyOf(mentioned.values()), candidates);
    }

    /** Adds a proposed name to the entity vocabulary, so readers can follow it. */
    public Entity confirmEntity(String name, EntityKind kind, Actor actor) {
        String canonical = required(name, "editor.problem.entityNameMissing");
        if (kind == null) {
            throw new DeskRefusal("editor.problem.entityKindMissing");
        }
        // The vocabulary desk creates it: the same checks (a name another entity has, spellings
        // folded, is refused), the same announcement and the same audit record (decision 0012).
        try {
            return vocabulary.createEntity(actor, new Vocabulary.EntityInput("e-" + ArticleId.random().value(),
                    canonical, kind.name(), List.of(), ""));
        } catch (VocabularyException refused) {
            throw "editorial.error.nameTaken".equals(refused.messageKey())
                    ? new DeskRefusal("editor.problem.entityKnown", canonical)
                    : new DeskRefusal(refused.messageKey(), refused.arguments());
        }
    }


    /** Published articles matching the words, for the editor to pick related ones from. */
    @Transactional(readOnly = true)
    public List<Search.Result> relatedCandidates(String words) {
        if (words == null || words.isBlank()) {
            return List.of();
        }
        return search.search(new Search.Request(words, null, null, null, null, null, SearchQuery.Order.RELEVANCE, 1, 8),
                Set.of()).results();
    }

    /** What the manuscript would read like, for the side-by-side preview; refused like a save. */
    @Transactional(readOnly = true)
    public ArticleContent preview(Manuscript manuscript) {
        return content(manuscript, null);
    }

    // ---- checking a manuscript ------------------------------------------------------------------------

    /**
     * An imported page nobody said the outlet of is kept as a draft marked 「媒体不明」: it may be
     * saved as it is, but readers must not get it until an editor names whose article it is.
     */
    private static void requireKnownOutlet(Manuscript manuscript) {
        if (manuscript.sourceOutlet().strip().equals(ImportedPage.UNKNOWN_OUTLET)) {
            throw new DeskRefusal("editor.problem.sourceUnknown", ImportedPage.UNKNOWN_OUTLET);
        }
    }

    private ArticleContent content(Manuscript m, ArticleId self) {
        List<DeskRefusal.Problem> problems = new ArrayList<>();
        if (m.headline().isBlank()) {
            problems.add(new DeskRefusal.Problem("editor.problem.headlineMissing"));
        } else if (m.headline().strip().length() > MAX_HEADLINE) {
            problems.add(new DeskRefusal.Problem("editor.problem.headlineTooLong", MAX_HEADLINE));
        }
        if (m.lead().isBlank()) {
            problems.add(new DeskRefusal.Problem("editor.problem.leadMissing"));
        }
        Body body = null;
        if (m.body().isBlank()) {
            problems.add(new DeskRefusal.Problem("editor.problem.bodyMissing"));
        } else {
            try {
                body = ArticleMarkup.parse(m.body(), file -> file);
                for (Block block : body.blocks()) {
                    if (block instanceof Block.Figure figure && catalog.image(figure.imageId()).isEmpty()) {
                        problems.add(new DeskRefusal.Problem("editor.problem.figureMissing", figure.imageId()));
                    }
                }
            } catch (IllegalArgumentException unreadable) {
                problems.add(new DeskRefusal.Problem("editor.problem.bodyUnreadable", unreadable.getMessage()));
            }
        }
        List<String> bylines = m.bylineList();
        if (bylines.isEmpty()) {
            problems.add(new DeskRefusal.Problem("editor.problem.bylineMissing"));
        } else if (bylines.stream().anyMatch(b -> b.length() > MAX_BYLINE)) {
            problems.add(new DeskRefusal.Problem("editor.problem.bylineTooLong", MAX_BYLINE));
        }
        if (m.sectionCode().isBlank() || catalog.section(m.sectionCode()).isEmpty()) {
            problems.add(new DeskRefusal.Problem("editor.problem.sectionUnknown"));
        }
        if (!m.seriesCode().isBlank() && catalog.series(m.seriesCode()).isEmpty()) {
            problems.add(new DeskRefusal.Problem("editor.problem.seriesUnknown", m.seriesCode()));
        }
        List<String> keywords = m.keywordList();
        if (keywords.size() > MAX_KEYWORDS) {
            problems.add(new DeskRefusal.Problem("editor.problem.tooManyKeywords", MAX_KEYWORDS));
        }
        keywords.stream().filter(k -> k.length() > MAX_KEYWORD).findFirst()
                .ifPresent(k -> problems.add(new DeskRefusal.Problem("editor.problem.keywordTooLong", k, MAX_KEYWORD)));
        List<ArticleId> related = new ArrayList<>();
        for (String value : m.relatedList()) {
            try {
                ArticleId id = new ArticleId(value);
                if (id.equals(self)) {
                    problems.add(new DeskRefusal.Problem("editor.problem.relatedSelf"));
                } else if (catalog.find(id.value()).isEmpty()) {
                    problems.add(new DeskRefusal.Problem("editor.problem.relatedUnknown", value));
                } else {
                    related.add(id);
                }
            } catch (IllegalArgumentException malformed) {
                problems.add(new DeskRefusal.Problem("editor.problem.relatedUnknown", value));
            }
        }
        if (related.size() > MAX_RELATED) {
            problems.add(new DeskRefusal.Problem("editor.problem.tooManyRelated", MAX_RELATED));
        }
        if (!m.sourceUrl().isBlank() && !isWebAddress(m.sourceUrl().strip())) {
            problems.add(new DeskRefusal.Problem("editor.problem.sourceUrl"));
        } else if (!m.sourceUrl().isBlank() && m.sourceOutlet().isBlank()) {
            problems.add(new DeskRefusal.Problem("editor.problem.sourceOutletMissing"));
        }
        if (!problems.isEmpty()) {
            throw new DeskRefusal(problems);
        }
        return new ArticleContent(m.headline(), m.subheadline(), m.lead().strip(), body, bylines, m.sectionCode(),
                m.seriesCode(), keywords, m.accessLevel(), m.source(), m.topStory(), related);
    }

    private static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException malformed) {
            return false;
        }
    }

    /** The body's text as {@link Body#plainText()} joins it, less figure captions; unreadable markup as typed. */
    private static String plainBody(String markup) {
        try {
            return Body.plainText(ArticleMarkup.parse(markup, file -> file).blocks().stream()
                    .filter(block -> !(block instanceof Block.Figure)).toList());
        } catch (IllegalArgumentException unreadable) {
            return markup;
        }
    }

    private static String required(String value, String problem) {
        if (value == null || value.isBlank()) {
            throw new DeskRefusal(problem);
        }
        return value.strip();
    }

    static String subject(ArticleId id) {
        return "article:" + id.value();
    }
}
