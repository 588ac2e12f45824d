package jp.kawaraban.editorial;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The editors' desk settings.
 *
 * @param figures limits on uploaded figures
 */
@ConfigurationProperties("kawaraban.editorial")
public record EditorialProperties(@DefaultValue FigureLimits figures) {

    /**
     * What an uploaded figure may be. Width and height are read from the image's header, so a
     * file claiming enormous dimensions is refused before anything is decoded.
     *
     * @param maxBytes  the largest file accepted
     * @param maxWidth  the widest PNG or JPEG, in pixels
     * @param maxHeight the tallest PNG or JPEG, in pixels
     * @param maxPixels the most pixels (width × height) of a PNG or JPEG: what a browser
     *                  has to hold in memory to show it
     */
    public record FigureLimits(
            @DefaultValue("5MB") DataSize maxBytes,
            @DefaultValue("8000") int maxWidth,
            @DefaultValue("8000") int maxHeight,
            @DefaultValue("40000000") long maxPixels) {

        /** The size limit as editors think of it: "5" (MB), "2.5". */
        public String maxMegabytes() {
            double mb = maxBytes.toBytes() / (1024.0 * 1024.0);
            return mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format("%.1f", mb);
        }
    }
}
