package jp.kawaraban.editorial.internal.figures;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import jp.kawaraban.editorial.FigureRefusedException;
import jp.kawaraban.editorial.FigureRefusedException.Reason;

/**
 * Width and height of a PNG or JPEG as its header states them. Only the header is read (the
 * PNG's IHDR chunk, the JPEG's frame header): a small file claiming 100000 × 100000 pixels,
 * which would take tens of gigabytes to decode, costs nothing to refuse.
 */
public final class RasterHeader {

    private RasterHeader() {
    }

    public record Dimensions(int width, int height) {
    }

    public static Dimensions read(byte[] bytes, ImageKind kind) {
        String format = switch (kind) {
            case PNG -> "png";
            case JPEG -> "jpeg";
            case SVG -> throw new IllegalArgumentException("SVG has no raster header");
        };
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        // In memory: ImageIO's default stream would copy the upload to a temporary file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            return new Dimensions(reader.getWidth(0), reader.getHeight(0));
        } catch (IOException | RuntimeException e) {
            throw new FigureRefusedException(Reason.UNREADABLE);
        } finally {
            reader.dispose();
        }
    }
}
