package jp.kawaraban.editorial.internal.figures;

import java.util.Optional;

/**
 * The kinds of figure the desk accepts, recognised by their first bytes: a file's name and
 * the type its browser declared are the uploader's claims, the content is what readers get.
 */
public enum ImageKind {

    PNG("image/png"),
    JPEG("image/jpeg"),
    SVG("image/svg+xml");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    private final String contentType;

    ImageKind(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * PNG by its 8-byte signature, JPEG by its start-of-image marker, and SVG as text
     * beginning with {@code <} (after an optional byte-order mark and white space): whether it
     * really is an SVG drawing is for the XML parser to decide. Anything else, GIF included,
     * is none of them.
     */
    public static Optional<ImageKind> of(byte[] bytes) {
        if (startsWith(bytes, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        int i = startsWith(bytes, 0, UTF8_BOM) ? UTF8_BOM.length : 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<' ? Optional.of(SVG) : Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
