package jp.kawaraban.commentary;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxCharacters the longest commentary, in characters (Unicode code points) after
 *                      surrounding white space is removed
 * @param pageSize      commentary per page on an expert's profile and the editors' list
 */
@ConfigurationProperties("kawaraban.commentary")
public record CommentaryProperties(@DefaultValue("2000") int maxCharacters, @DefaultValue("20") int pageSize) {

    public CommentaryProperties {
        if (maxCharacters < 1 || pageSize < 1) {
            throw new IllegalArgumentException("kawaraban.commentary.max-characters and page-size must be positive");
        }
    }
}
