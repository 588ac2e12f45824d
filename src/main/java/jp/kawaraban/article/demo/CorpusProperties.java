package jp.kawaraban.article.demo;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A benchmark corpus loaded beside the demo edition: livedoor news corpus files, never
 * part of the project. Nothing is loaded unless both settings are given.
 *
 * @param dir      the corpus directory holding {@code <category>/<category>-<id>.txt}; unset loads nothing
 * @param articles how many articles to create, cycling through the files; 0 loads nothing
 */
@ConfigurationProperties("kawaraban.demo-corpus")
record CorpusProperties(
        Path dir,
        @DefaultValue("0") int articles) {
}
