package jp.kawaraban.personal;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import jp.kawaraban.access.Action;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.PageOf;
import jp.kawaraban.article.PageRequest;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.personal.internal.KeptMemberLists;
import jp.kawaraban.personal.internal.PersonalRepository;
import org.springframework.stereotype.Service;

/**
 * Saved articles and saved figures. Saving again keeps the first save. Whether the member
 * may save at all is {@code access}'s to say, and asked here, whoever calls: a refusal is an
 * {@link jp.kawaraban.access.ActionRefusedException}. Removing a save is always allowed.
 */
@Service
public class Saves {

    /** Longer search text is cut: the lists are searched by headline and caption. */
    public static final int MAX_QUERY_LENGTH = 100;

    private final PersonalRepository repository;
    private final ArticleCatalog catalog;
    private final Clock clock;
    private final Entitlements entitlements;
    private final KeptMemberLists kept;

    Saves(PersonalRepository repository, ArticleCatalog catalog, Clock clock, Entitlements entitlements,
          KeptMemberLists kept) {
        this.kept = kept;
        this.entitlements = entitlements;
        this.repository = repository;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** @throws PersonalInputException (not found) when no published article has this id */
    public SavedArticle saveArticle(MemberId member, String articleId) {
        entitlements.require(member, Action.SAVE_ARTICLE);
        Article article = published(articleId);
        repository.saveArticle(member, article.id(), article.headline(), clock.instant());
        kept.changed(member);
        return new SavedArticle(article.id().value(), article.headline(), clock.instant(), null);
    }

    public void unsaveArticle(MemberId member, String articleId) {
        repository.unsaveArticle(member, articleId == null ? "" : articleId);
        kept.changed(member);
    }

    public boolean isSaved(MemberId member, String articleId) {
        return kept.isSaved(member, articleId);
    }

    public PageOf<SavedArticle> savedArticles(MemberId member, String query, PageRequest page) {
        String q = query(query);
        return new PageOf<>(repository.savedArticles(member, q, page.offset(), page.size()), page.number(), page.size(),
                repository.countSavedArticles(member, q));
    }

    /** @throws PersonalInputException (not found) when the article is not published or has no such figure */
    public SavedFigure saveFigure(MemberId member, String articleId, String imageId) {
        entitlements.require(member, Action.SAVE_FIGURE);
        Article article = published(articleId);
        Block.Figure figure = article.content().body().figures().stream()
                .filter(f -> f.imageId().equals(imageId)).findFirst()
                .orElseThrow(() -> new PersonalInputException("personal.error.figureNotFound", true));
        repository.saveFigure(member, article.id(), figure.imageId(), figure.caption(), figure.credit(),
                article.headline(), clock.instant());
        kept.changed(member);
        return new SavedFigure(article.id().value(), figure.imageId(), figure.caption(), figure.credit(),
                article.headline(), clock.instant(), null);
    }

    public void unsaveFigure(MemberId member, String articleId, String imageId) {
        repository.unsaveFigure(member, articleId == null ? "" : articleId, imageId == null ? "" : imageId);
        kept.changed(member);
    }

    /** The image ids of the article's figures the member has saved. */
    public Set<String> savedFigureIds(MemberId member, String articleId) {
        return kept.savedFigureIds(member, articleId);
    }

    public PageOf<SavedFigure> savedFigures(MemberId member, String query, PageRequest page) {
        String q = query(query);
        return new PageOf<>(repository.savedFigures(member, q, page.offset(), page.size()), page.number(), page.size(),
                repository.countSavedFigures(member, q));
    }

    /** One saved figure, if the member saved it. */
    public java.util.Optional<SavedFigure> savedFigure(MemberId member, String articleId, String imageId) {
        return repository.savedFigure(member, articleId, imageId);
    }

    /** One saved article, if the member saved it (withdrawn ones too). */
    public java.util.Optional<SavedArticle> savedArticle(MemberId member, String articleId) {
        return repository.savedArticle(member, articleId);
    }

    private Article published(String articleId) {
        return catalog.find(articleId)
                .orElseThrow(() -> new PersonalInputException("personal.error.articleNotFound", true));
    }

    private static String query(String query) {
        if (query == null) {
            return "";
        }
        String q = query.strip();
        return q.length() > MAX_QUERY_LENGTH ? q.substring(0, MAX_QUERY_LENGTH) : q;
    }

}
