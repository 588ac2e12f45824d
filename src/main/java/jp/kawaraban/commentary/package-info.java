/**
 * Experts' commentary on articles: experts' profiles (name, title, bio, initials), writing,
 * editing and deleting one's own commentary, editors hiding one with a reason. Who may read
 * or write is decided by {@code access} ({@code READ_COMMENTARY}, {@code WRITE_COMMENTARY});
 * whether an article is still published by {@code article}. Pages and the JSON API live in
 * {@code site.web}; {@link jp.kawaraban.commentary.Commentaries} is the facade.
 */
package jp.kawaraban.commentary;
