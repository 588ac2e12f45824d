package jp.kawaraban.article;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Where an article was written: our own newsroom, or a partner outlet with the address of
 * the original.
 */
public record SourceOutlet(String name, URI originalUrl) {

    public static final SourceOutlet OWN = new SourceOutlet(null, null);

    @JsonIgnore
    public boolean isPartner() {
        return name != null;
    }
}
