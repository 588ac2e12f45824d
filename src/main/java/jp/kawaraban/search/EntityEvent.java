package jp.kawaraban.search;

import java.time.LocalDate;

/** A dated event on an entity's timeline: a sentence of an article naming the entity and a date. */
public record EntityEvent(String entityId, String articleId, LocalDate date, String sentence) {
}
