package jp.kawaraban.editorial.internal.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import jp.kawaraban.editorial.FigureRefusedException;
import org.junit.jupiter.api.Test;

/**
 * Photos lose what they say about where and with what they were taken, and keep their pixels
 * and their orientation. The files are made here: a picture drawn with ImageIO, then the
 * metadata a phone or an editing program would add, spliced in byte by byte.
 */
class PhotoMetadataTest {

    @Test
    void aJpegLosesItsGpsExifXmpAndCommentButKeepsItsOrientationAndPixels() throws IOException {
        byte[] plain = jpeg();
        byte[] tagged = withSegmentsAfterApp0(plain,
                exif(6, "GPS 35.6812N 139.7671E serial SN-4711"),
                segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>CreatorTool secret</x:xmpmeta>"),
                segment(0xFE, "taken at the minister's house"));

        byte[] stripped = PhotoMetadata.strip(tagged, ImageKind.JPEG);

        String text = new String(stripped, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("GPS", "SN-4711", "xmpmeta", "minister").contains("JFIF", "Exif");
        assertThat(orientationTagValue(stripped)).isEqualTo(6);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(stripped));
        assertThat(read.getWidth()).isEqualTo(64);
        assertThat(read.getHeight()).isEqualTo(48);
        assertThat(Arrays.copyOfRange(stripped, stripped.length - 200, stripped.length))
                .isEqualTo(Arrays.copyOfRange(plain, plain.length - 200, plain.length));
    }

    @Test
    void anUprightJpegWithoutMetadataIsStoredByteForByte() throws IOException {
        byte[] plain = jpeg();
        assertThat(PhotoMetadata.strip(plain, ImageKind.JPEG)).isEqualTo(plain);
    }

    @Test
    void aPngLosesItsTextAndExifChunksAndStaysReadable() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "png", out);
        byte[] plain = out.toByteArray();
        // after the signature and IHDR (8 + 25 bytes)
        byte[] tagged = concat(Arrays.copyOfRange(plain, 0, 33), chunk("tEXt", "Author\0secret photographer"),
                chunk("eXIf", "MM\0*GPS"), Arrays.copyOfRange(plain, 33, plain.length));

        byte[] stripped = PhotoMetadata.strip(tagged, ImageKind.PNG);

        assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain("secret", "GPS", "tEXt", "eXIf");
        assertThat(stripped).isEqualTo(plain);
        assertThat(ImageIO.read(new ByteArrayInputStream(stripped)).getWidth()).isEqualTo(20);
    }

    @Test
    void aJpegWhoseSegmentsRunPastItsEndIsRefused() throws IOException {
        byte[] plain = jpeg();
        byte[] broken = Arrays.copyOf(plain, 2 + 4);
        broken[4] = 0x7f; // APP0 claims far more bytes than there are
        assertThatThrownBy(() -> PhotoMetadata.strip(broken, ImageKind.JPEG))
                .isInstanceOf(FigureRefusedException.class);
    }

    private static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            image.setRGB(x, x % 48, 0xc03030);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** A little-endian Exif block with an orientation entry and a note standing for GPS data. */
    private static byte[] exif(int orientation, String note) {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        tiff.writeBytes(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0});
        tiff.writeBytes(new byte[] {0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0});
        tiff.writeBytes(new byte[] {0, 0, 0, 0});
        tiff.writeBytes(note.getBytes(StandardCharsets.ISO_8859_1));
        return segment(0xE1, tiff.toByteArray());
    }

    private static byte[] segment(int marker, String payload) {
        return segment(marker, payload.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xff, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
    }

    private static byte[] withSegmentsAfterApp0(byte[] jpeg, byte[]... segments) {
        int app0End = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        byte[] result = Arrays.copyOfRange(jpeg, 0, app0End);
        for (byte[] segment : segments) {
            result = concat(result, segment);
        }
        return concat(result, Arrays.copyOfRange(jpeg, app0End, jpeg.length));
    }

    /** The orientation in the stripped file's Exif block (big-endian, written by PhotoMetadata). */
    private static int orientationTagValue(byte[] jpeg) {
        String text = new String(jpeg, StandardCharsets.ISO_8859_1);
        int tiff = text.indexOf("Exif\0\0") + 6;
        assertThat(text.substring(tiff, tiff + 2)).isEqualTo("MM");
        int entry = tiff + 10;
        assertThat(((jpeg[entry] & 0xff) << 8) | (jpeg[entry + 1] & 0xff)).isEqualTo(0x0112);
        return ((jpeg[entry + 8] & 0xff) << 8) | (jpeg[entry + 9] & 0xff);
    }

    private static byte[] chunk(String type, String data) {
        byte[] typeAndData = concat(type.getBytes(StandardCharsets.ISO_8859_1), data.getBytes(StandardCharsets.ISO_8859_1));
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        int length = data.length();
        long sum = crc.getValue();
        return concat(new byte[] {(byte) (length >> 24), (byte) (length >> 16), (byte) (length >> 8), (byte) length},
                typeAndData, new byte[] {(byte) (sum >> 24), (byte) (sum >> 16), (byte) (sum >> 8), (byte) sum});
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
