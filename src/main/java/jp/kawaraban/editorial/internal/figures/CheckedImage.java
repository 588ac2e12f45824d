package jp.kawaraban.editorial.internal.figures;

import jp.kawaraban.editorial.EditorialProperties.FigureLimits;
import jp.kawaraban.editorial.FigureRefusedException;
import jp.kawaraban.editorial.FigureRefusedException.Reason;

/**
 * An upload that passed every check, as it will be stored: PNG and JPEG without what they say
 * about where and with what they were taken ({@link PhotoMetadata}), SVG as cleaned by
 * {@link SvgSanitizer}.
 */
public record CheckedImage(ImageKind kind, byte[] bytes, Integer width, Integer height) {

    /**
     * Checks in order of cost: size, kind by content, then the header (PNG, JPEG) or the
     * cleaning (SVG). Refuses with {@link FigureRefusedException} at the first problem.
     */
    public static CheckedImage of(byte[] upload, FigureLimits limits) {
        if (upload == null || upload.length == 0) {
            throw new FigureRefusedException(Reason.EMPTY);
        }
        if (upload.length > limits.maxBytes().toBytes()) {
            throw new FigureRefusedException(Reason.TOO_LARGE, limits.maxMegabytes());
        }
        ImageKind kind = ImageKind.of(upload).orElseThrow(() -> new FigureRefusedException(Reason.UNSUPPORTED_TYPE));
        if (kind == ImageKind.SVG) {
            SvgSanitizer.CleanSvg svg = SvgSanitizer.sanitize(upload);
            return new CheckedImage(kind, svg.bytes(), svg.width(), svg.height());
        }
        RasterHeader.Dimensions size = RasterHeader.read(upload, kind);
        if (size.width() > limits.maxWidth() || size.height() > limits.maxHeight()
                || (long) size.width() * size.height() > limits.maxPixels()) {
            throw new FigureRefusedException(Reason.DIMENSIONS_TOO_LARGE, limits.maxWidth(), limits.maxHeight(),
                    limits.maxPixels() / 1_000_000.0, size.width(), size.height());
        }
        return new CheckedImage(kind, PhotoMetadata.strip(upload, kind), size.width(), size.height());
    }
}
