package jp.kawaraban.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module shares.
 *
 * @param dataDir where the embedded database and other local state live; survives restarts
 * @param demo    load the demo edition on first start; when unset, on with the embedded
 *                database and off with an external one (see {@link DemoMode})
 */
@ConfigurationProperties("kawaraban")
public record PlatformProperties(
        @DefaultValue("./data") Path dataDir,
        Boolean demo) {
}
