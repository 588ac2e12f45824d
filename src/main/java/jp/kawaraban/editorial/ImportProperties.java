package jp.kawaraban.editorial;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Importing partner pages.
 *
 * @param maxBytes       the largest file accepted; a news page is well under a megabyte, so
 *                       anything near the limit is a wrong file
 * @param defaultSection the section of pages that name none and whose words point nowhere
 *                       (when it is unknown: 社会 {@code society}, else the first section)
 */
@ConfigurationProperties("kawaraban.editorial.import")
public record ImportProperties(@DefaultValue("5MB") DataSize maxBytes, @DefaultValue("society") String defaultSection) {

    public ImportProperties {
        if (maxBytes.toBytes() < 1) {
            throw new IllegalArgumentException("kawaraban.editorial.import.max-bytes must be positive");
        }
    }
}
