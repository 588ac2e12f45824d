package jp.kawaraban.article;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Where an article was written: our own newsroom, or a partner outlet with the address of
 * the original.
 */
public record SourceOutlet(String name, URI originalUrl) {

    public SourceOutlet {
        if (originalUrl != null && !("http".equalsIgnoreCase(originalUrl.getScheme())
                || "https".equalsIgnoreCase(originalUrl.getScheme()))) {
            throw new IllegalArgumentException("A partner's original URL must be http or https: " + originalUrl);
        }
    }

    public static final SourceOutlet OWN = new SourceOutlet(null, null);

    @JsonIgnore
    public boolean isPartner() {
        return name != null;
    }
}
