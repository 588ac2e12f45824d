package jp.kawaraban.site.web;

import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import jp.kawaraban.access.Reader;
import jp.kawaraban.member.Role;
import jp.kawaraban.site.PaidMemberPageParts;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jp.kawaraban.access.Campaign;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Gifts;
import jp.kawaraban.access.ReadingAccess;
import jp.kawaraban.access.Trials;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.Section;
import jp.kawaraban.article.SectionsChanged;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.FromAnotherNode;
import jp.kawaraban.platform.NodeEventsMissed;
import jp.kawaraban.platform.web.CurrentRequest;
import jp.kawaraban.platform.web.JapaneseDates;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.site.ArticlePage;
import jp.kawaraban.site.ArticlePageExtension;
import jp.kawaraban.site.ArticlePageParts;
import jp.kawaraban.site.BodyLinks;
import jp.kawaraban.site.SharedArticleData;
import jp.kawaraban.site.SiteProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Builds what every page shares (layout data) and the article page's view. */
@Component
class SitePages {

    private final ArticleCatalog catalog;
    private final SiteProperties site;
    private final Messages msg;
    private final StructuredData structuredData;
    private final Clock clock;
    private final ReadableText readable;
    private final Trials trials;
    private final Entitlements entitlements;
    private final Publication publication;
    private final List<ArticlePageExtension> articleExtensions;
    private final SharedArticleData shared;
    private final GiftOffers giftOffers;
    private final ObjectProvider<BodyLinks> bodyLinks;
    private volatile SectionSnapshot sections;
    /** The navigation last read, kept past its expiry for pages that must not ask the database. */
    private volatile List<Section> lastSections = List.of();

    SitePages(ArticleCatalog catalog, SiteProperties site, Messages msg, StructuredData structuredData, Clock clock,
              ReadableText readable, Trials trials, Entitlements entitlements, Publication publication,
              ObjectProvider<ArticlePageExtension> articleExtensions, SharedArticleData shared, GiftOffers giftOffers,
              ObjectProvider<BodyLinks> bodyLinks) {
        this.giftOffers = giftOffers;
        this.bodyLinks = bodyLinks;
        this.shared = shared;
        this.articleExtensions = articleExtensions.orderedStream().toList();
        this.entitlements = entitlements;
        this.publication = publication;
        this.readable = readable;
        this.trials = trials;
        this.clock = clock;
        this.catalog = catalog;
        this.site = site;
        this.msg = msg;
        this.structuredData = structuredData;
    }

    Chrome chrome(PageMeta meta, String currentSection) {
        return new Chrome(msg, publication.name(), sections(), meta, currentSection, visitor());
    }

    /**
     * The layout for a page made while the database is out of reach: the paper's name and the
     * navigation last read (or the properties' name and none), and nobody looking, since who is
     * looking lives in the session table.
     */
    Chrome chromeWithoutDatabase(PageMeta meta) {
        return new Chrome(msg, publication.lastName(), lastSections, meta, null, Visitor.ANONYMOUS);
    }

    /** The member of this request and, for them only, the CSRF token their forms need. */
    static Visitor visitor() {
        var member = MemberPrincipal.current().orElse(null);
        if (member == null) {
            return Visitor.ANONYMOUS;
        }
        return new Visitor(member, CurrentRequest.csrfToken());
    }

    /**
     * The section navigation, on every page. Sections change a few times a year, so a
     * snapshot kept for as long as pages may be cached saves a query per request.
     */
    List<Section> sections() {
        SectionSnapshot current = sections;
        Instant now = clock.instant();
        if (current == null || now.isAfter(current.expires())) {
            current = new SectionSnapshot(catalog.sections(), now.plusSeconds(site.cacheSeconds()));
            if (!current.sections().isEmpty()) { // not before the first sections exist
                sections = current;
                lastSections = current.sections();
            }
        }
        return current.sections();
    }

    /**
     * Reads the sections again on the next page once an editor's change to them is committed,
     * so the navigation shows it at once on this node, and on the others as soon as they hear
     * of it (docs/decisions/0030).
     */
    @TransactionalEventListener
    void forgetSections(SectionsChanged changed) {
        sections = null;
    }

    @EventListener
    void forgetSections(FromAnotherNode<SectionsChanged> changed) {
        sections = null;
    }

    /** What was said while this node was not listening is not known: the sections are read again. */
    @EventListener
    void forgetSections(NodeEventsMissed missed) {
        sections = null;
    }

    private record SectionSnapshot(List<Section> sections, Instant expires) {
    }

    /** The article as this request's reader may see it. */
    ArticleView articleView(Article article) {
        return articleView(article, true);
    }

    /** @param withParts false for the print view, which shows the article alone, without other modules' parts */
    ArticleView articleView(Article article, boolean withParts) {
        String canonical = canonicalUrl(article);
        ReadingAccess access = readable.decide(article);
        ArticlePage page = new ArticlePage(article, access, canonical);
        // Whether this page is being rendered for MemberPages to keep for every paid member: then
        // the parts that differ between them are marked, to be filled for each (decision 0042).
        MemberPageCapture capture = withParts ? MemberPageCapture.current() : null;
        boolean marking = capture != null && notedAsPaidMember(capture, page);
        ArticlePageParts parts = withParts ? parts(page, marking) : ArticlePageParts.NONE;
        return new ArticleView(
                article,
                canonical,
                JapaneseDates.readable(article.publishedAt()),
                JapaneseDates.iso(article.publishedAt()),
                article.updatedAt() == null ? null : JapaneseDates.readable(article.updatedAt()),
                article.updatedAt() == null ? null : JapaneseDates.iso(article.updatedAt()),
                readable.blocks(article, access),
                access,
                access.full() ? null : paywall(article, access, parts.in(ArticlePageParts.Slot.PAYWALL)),
                ShareLinks.forArticle(canonical, article.headline()),
                ShareLinks.mail(canonical, article.headline()),
                shared.from(article, "related", a -> catalog.summaries(a.content().related())),
                parts,
                withParts ? bodyLinks(article) : LinkedText.NONE,
                giftNote(),
                withParts ? giftOffer(article, access, marking) : null);
    }

    /**
     * Every module's parts of the page. When {@link MemberPages} may keep this page for paid
     * members and the reader is one, the parts that differ between them are marked so it can cut
     * them out.
     */
    private ArticlePageParts parts(ArticlePage page, boolean marking) {
        MemberPageCapture capture = MemberPageCapture.current();
        List<ArticlePageParts> all = new java.util.ArrayList<>();
        for (int i = 0; i < articleExtensions.size(); i++) {
            ArticlePageExtension extension = articleExtensions.get(i);
            ArticlePageParts parts = extension.partsFor(page);
            if (marking && extension instanceof PaidMemberPageParts) {
                String module = i + "/";
                parts = parts.wrapped((place, content) -> capture.marked(module + place, content));
            }
            all.add(parts);
        }
        return ArticlePageParts.merged(all);
    }

    /**
     * Whether the reader is a member with no role but {@code MEMBER} who reads the whole text by
     * paid access (not by an unlock or the allowance); if so, notes their session and until when
     * that access lasts, read from the database now.
     */
    private boolean notedAsPaidMember(MemberPageCapture capture, ArticlePage page) {
        Reader reader = Reader.current();
        if (reader.isAnonymous() || !reader.roles().equals(java.util.Set.of(Role.MEMBER)) || !page.access().full()
                || page.access().byUnlock()
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet)) {
            return false;
        }
        HttpSession session = servlet.getRequest().getSession(false);
        Optional<Instant> paidUntil = entitlements.paidAccessUntil(reader.member());
        if (session == null || paidUntil.isEmpty()) {
            return false;
        }
        Instant expires = session.getMaxInactiveInterval() <= 0 ? Instant.MAX
                : Instant.ofEpochMilli(session.getLastAccessedTime()).plusSeconds(session.getMaxInactiveInterval());
        capture.paidMember(reader.member(), session.getId(), expires, paidUntil.get(), page);
        return true;
    }

    /** What this request's gift link did, once access was decided; null without one. */
    private GiftParts.Note giftNote() {
        return Gifts.lookHere().map(look -> look.opens()
                ? new GiftParts.Note(true, msg.get("access.gift.reader.open", JapaneseDates.readable(look.expiresAt())),
                        MemberPrincipal.current().isEmpty())
                : new GiftParts.Note(false, msg.get("access.gift.reader." + look.outcome().name(),
                        look.expiresAt() == null ? "" : JapaneseDates.readable(look.expiresAt())), false))
                .orElse(null);
    }

    /**
     * The gift button for a paid member (or trial) on a paid article; paid access is read once
     * per request anyway. Marked as a place of its own when the page is kept for paid members.
     */
    private gg.jte.Content giftOffer(Article article, ReadingAccess access, boolean marking) {
        var member = MemberPrincipal.current().orElse(null);
        if (member == null || !GiftOffers.offeredOn(article) || !entitlements.hasPaidAccess(member.id())) {
            return null;
        }
        gg.jte.Content offer = giftOffers.offer(member.id(), article, CurrentRequest.csrfToken());
        return marking ? MemberPageCapture.current().marked(GiftOffers.PLACE, offer) : offer;
    }

    /** @param otherWays what other modules offer inside the box (the email unlock) */
    private Paywall paywall(Article article, ReadingAccess access, java.util.List<gg.jte.Content> otherWays) {
        Visitor visitor = visitor();
        Campaign offer = access.gate() == ReadingAccess.Gate.SUBSCRIBE
                ? trials.offersFor(visitor.loggedIn() ? visitor.member().id() : null).stream().findFirst().orElse(null)
                : null;
        return new Paywall(access.gate(), "/articles/" + article.id().value(), visitor.loggedIn(), offer,
                visitor.loggedIn() ? access.allowanceLeft() : -1, entitlements.monthlyAllowance(), visitor.csrf(), otherWays);
    }

    /**
     * The entity links of the body, found once per article and kept with what every reader
     * shares. They are keyed by the text they go in, so a reader held at the preview gets only
     * those of the blocks sent to them: the part they may not read is not rendered, and the
     * paragraph the preview cuts short is a text of its own that gets none.
     */
    private LinkedText bodyLinks(Article article) {
        return new LinkedText(shared.from(article, "bodyLinks", a -> bodyLinks.getIfUnique(() -> BodyLinks.NONE).linksFor(a)));
    }

    PageMeta articleMeta(Article article) {
        String canonical = canonicalUrl(article);
        return new PageMeta(article.headline(), article.content().lead(), canonical, "article",
                structuredData.newsArticle(article, canonical), false);
    }

    String canonicalUrl(Article article) {
        return publication.url("/articles/" + article.id().value());
    }

    SiteProperties site() {
        return site;
    }

    Publication publication() {
        return publication;
    }

    Messages msg() {
        return msg;
    }
}
