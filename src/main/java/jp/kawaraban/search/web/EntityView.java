package jp.kawaraban.search.web;

import java.util.List;

import jp.kawaraban.article.PageOf;
import jp.kawaraban.search.EntityEvent;
import jp.kawaraban.search.Search;
import jp.kawaraban.text.Entity;

/** An entity's page: who or what it is, its articles newest first, and its timeline. */
public record EntityView(Entity entity, String kindLabel, PageOf<Search.Result> articles, List<EntityEvent> timeline,
                         String path) {
}
