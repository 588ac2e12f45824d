package jp.kawaraban.article;

import jp.kawaraban.platform.Refusal;

/** No published article has this id (never existed, or withdrawn). Pages answer 404. */
public class ArticleNotFoundException extends Refusal {

    public ArticleNotFoundException(String id) {
        super(Kind.NOT_FOUND, "api.problem.articleNotFound.detail", id);
    }

    @Override
    public String titleKey() {
        return "api.problem.articleNotFound.title";
    }
}
