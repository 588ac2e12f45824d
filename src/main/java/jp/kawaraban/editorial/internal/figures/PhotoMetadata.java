package jp.kawaraban.editorial.internal.figures;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jp.kawaraban.editorial.FigureRefusedException;
import jp.kawaraban.editorial.FigureRefusedException.Reason;

/**
 * Takes out of a photo what it says about where, when and with what it was taken, before it
 * is stored and served to every reader: in a JPEG the Exif block (GPS position, camera and
 * lens serial numbers, time), XMP, IPTC/Photoshop data and comments; in a PNG the eXIf, text
 * and time chunks. The pixels, the colour profile (ICC, Adobe) and JFIF stay as they were.
 *
 * <p>A JPEG keeps its orientation, in a minimal Exif block holding only that tag: phones
 * store photos sideways and say so there, and without it browsers would show them sideways.
 */
final class PhotoMetadata {

    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int ORIENTATION_TAG = 0x0112;
    /** APP1 (Exif, XMP), APP13 (IPTC, Photoshop), COM. */
    private static final Set<Integer> JPEG_DROPPED = Set.of(0xE1, 0xED, 0xFE);
    private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "iTXt", "zTXt", "tIME");

    private PhotoMetadata() {
    }

    static byte[] strip(byte[] image, ImageKind kind) {
        return switch (kind) {
            case JPEG -> jpeg(image);
            case PNG -> png(image);
            case SVG -> image;
        };
    }

    private static byte[] jpeg(byte[] in) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        int orientation = 1;
        int at = 2; // after the start-of-image marker (checked by ImageKind)
        while (true) {
            require(at + 1 < in.length && (in[at] & 0xff) == 0xff);
            int marker = in[at + 1] & 0xff;
            if (marker == 0xff) { // fill byte
                at++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) { // start of scan or end of image: the rest is image data
                rest.write(in, at, in.length - at);
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // markers without a length
                rest.write(in, at, 2);
                at += 2;
                continue;
            }
            require(at + 3 < in.length);
            int length = ((in[at + 2] & 0xff) << 8) | (in[at + 3] & 0xff);
            int end = at + 2 + length;
            require(length >= 2 && end <= in.length);
            if (marker == 0xE1 && startsWith(in, at + 4, EXIF)) {
                orientation = orientation(in, at + 4 + EXIF.length, end);
            }
            if (!JPEG_DROPPED.contains(marker)) {
                // JFIF's APP0 must stay first; everything else keeps its order after the new Exif block
                (marker == 0xE0 && rest.size() == 0 ? head : rest).write(in, at, end - at);
            }
            at = end;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(0xff);
        out.write(0xd8);
        out.writeBytes(head.toByteArray());
        if (orientation != 1) {
            out.writeBytes(orientationOnly(orientation));
        }
        out.writeBytes(rest.toByteArray());
        return out.toByteArray();
    }

    /** The orientation tag of IFD0 in a TIFF structure, or 1 (upright) when it is not there. */
    private static int orientation(byte[] in, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little = in[tiff] == 'I';
        int ifd = tiff + (int) u32(in, tiff + 4, little);
        if (ifd < tiff || ifd + 2 > end) {
            return 1;
        }
        int entries = u16(in, ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(in, entry, little) == ORIENTATION_TAG) {
                int value = u16(in, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** An APP1 Exif segment: big-endian TIFF header, IFD0 with the orientation only. */
    private static byte[] orientationOnly(int orientation) {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(EXIF);
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}); // byte order, magic, IFD0 at 8
        tiff.writeBytes(new byte[] {0, 1}); // one entry
        tiff.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0}); // SHORT, count 1
        tiff.writeBytes(new byte[] {0, 0, 0, 0}); // no next IFD
        byte[] payload = tiff.toByteArray();
        int length = payload.length + 2;
        ByteArrayOutputStream segment = new ByteArrayOutputStream();
        segment.writeBytes(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (length >> 8), (byte) length});
        segment.writeBytes(payload);
        return segment.toByteArray();
    }

    private static byte[] png(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8); // the signature (checked by ImageKind)
        int at = 8;
        while (at < in.length) {
            require(at + 8 <= in.length);
            long length = u32(in, at, false);
            require(length <= in.length - at - 12);
            int end = at + 12 + (int) length;
            String type = new String(in, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (!PNG_DROPPED.contains(type)) {
                out.write(in, at, end - at);
            }
            at = end;
            if (type.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] in, int at, byte[] prefix) {
        if (at + prefix.length > in.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (in[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] in, int at, boolean little) {
        int a = in[at] & 0xff;
        int b = in[at + 1] & 0xff;
        return little ? a | b << 8 : a << 8 | b;
    }

    private static long u32(byte[] in, int at, boolean little) {
        long high = u16(in, at, little);
        long low = u16(in, at + 2, little);
        return little ? low << 16 | high : high << 16 | low;
    }

    private static void require(boolean wellFormed) {
        if (!wellFormed) {
            throw new FigureRefusedException(Reason.UNREADABLE);
        }
    }
}
