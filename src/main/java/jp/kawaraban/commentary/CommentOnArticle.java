package jp.kawaraban.commentary;

import jp.kawaraban.article.ArticleSummary;

/** A commentary with the (published) article it is about, for lists across articles. */
public record CommentOnArticle(ExpertComment comment, ArticleSummary article) {
}
