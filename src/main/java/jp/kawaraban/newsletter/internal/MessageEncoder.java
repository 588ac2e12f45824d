package jp.kawaraban.newsletter.internal;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jp.kawaraban.newsletter.RenderedMessage;

/**
 * Writes a newsletter message straight into the bytes of an SMTP {@code DATA} transfer:
 * RFC 5322 headers (Japanese subject and sender name as RFC 2047 encoded words), a
 * {@code multipart/alternative} body with a text and an HTML part, CRLF line ends, lines that
 * start with a dot doubled (RFC 5321 §4.5.2), ending in the {@code "."} line.
 *
 * <p>A part goes as {@code 8bit} UTF-8 when the server announced 8BITMIME (RFC 6152) and no
 * line is longer than 998 octets; as {@code 7bit} when it is ASCII with short lines; otherwise
 * as base64 (76-character lines). Jakarta Mail spends most of a newsletter's sending time on
 * the same job (MIME objects, encoder streams, a service lookup per part); this is one pass
 * over the characters into a buffer reused for every message of a connection.
 */
final class MessageEncoder {

    static final int MAX_LINE = 998;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] END_OF_DATA = {'.', '\r', '\n'};
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, CRLF);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private byte[] buffer = new byte[32 * 1024];
    private int length;

    // The sender and subject of one issue are the same for every recipient: encoded once.
    private String encodedFor;
    private String encodedFrom;
    private String encodedSubject;
    private String subjectFor;

    /** The message, ready to write after a {@code 354} reply: {@link #buffer()} up to {@link #length()}. */
    void encode(RenderedMessage message, boolean eightBit, ZonedDateTime date) {
        length = 0;
        usedEightBit = false;
        String boundary = boundary(message);
        header("Date", DATE.format(date));
        header("From", from(message));
        header("To", address(message.to()));
        header("Message-ID", "<" + Long.toString(System.currentTimeMillis(), 36) + "." + SEQUENCE.incrementAndGet() + "."
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + "@" + domain(message.fromAddress()) + ">");
        header("Subject", subject(message.subject()));
        header("MIME-Version", "1.0");
        for (Map.Entry<String, String> extra : message.headers().entrySet()) {
            header(extra.getKey(), unstructured(extra.getKey(), extra.getValue()));
        }
        header("Content-Type", "multipart/alternative;\r\n\tboundary=\"" + boundary + "\"");
        crlf();
        ascii("--" + boundary);
        crlf();
        part("text/plain", message.text(), eightBit);
        ascii("--" + boundary);
        crlf();
        part("text/html", message.html(), eightBit);
        ascii("--" + boundary + "--");
        crlf();
        append(END_OF_DATA);
    }

    byte[] buffer() {
        return buffer;
    }

    int length() {
        return length;
    }

    /** True when any part of the last message went as 8bit (the envelope then says BODY=8BITMIME). */
    boolean usedEightBit() {
        return usedEightBit;
    }

    private boolean usedEightBit;

    private void part(String type, String content, boolean eightBitAllowed) {
        int lineBytes = 0;
        int longest = 0;
        boolean ascii = true;
        boolean nul = false;
        for (int i = 0, n = content.length(); i < n; i++) {
            char c = content.charAt(i);
            if (c == '\n' || c == '\r') {
                longest = Math.max(longest, lineBytes);
                lineBytes = 0;
            } else if (c < 0x80) {
                lineBytes++;
                nul |= c == 0;
            } else {
                ascii = false;
                lineBytes += c < 0x800 ? 2 : 3; // counts a surrogate pair as 6: on the safe side
            }
        }
        longest = Math.max(longest, lineBytes);
        // Below the limit, so a doubled leading dot still fits.
        boolean linesFit = longest < MAX_LINE && !nul;
        String encoding = linesFit && ascii ? "7bit" : linesFit && eightBitAllowed ? "8bit" : "base64";
        ascii("Content-Type: " + type + "; charset=UTF-8");
        crlf();
        ascii("Content-Transfer-Encoding: " + encoding);
        crlf();
        crlf();
        if (encoding.equals("base64")) {
            append(BASE64.encode(content.getBytes(StandardCharsets.UTF_8)));
            crlf();
        } else {
            usedEightBit |= !ascii;
            lines(content);
        }
    }

    /** UTF-8, CRLF line ends, a dot at the start of a line doubled; ends with a line end. */
    private void lines(String content) {
        int n = content.length();
        ensure(n * 3 + n / 40 + 8);
        byte[] out = buffer;
        int at = length;
        boolean lineStart = true;
        for (int i = 0; i < n; i++) {
            char c = content.charAt(i);
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && content.charAt(i + 1) == '\n') {
                    i++;
                }
                out[at++] = '\r';
                out[at++] = '\n';
                lineStart = true;
                continue;
            }
            if (lineStart && c == '.') {
                out[at++] = '.';
            }
            lineStart = false;
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(content.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, content.charAt(++i));
                out[at++] = (byte) (0xf0 | cp >> 18);
                out[at++] = (byte) (0x80 | cp >> 12 & 0x3f);
                out[at++] = (byte) (0x80 | cp >> 6 & 0x3f);
                out[at++] = (byte) (0x80 | cp & 0x3f);
            } else {
                if (Character.isSurrogate(c)) {
                    c = '\ufffd'; // a lone surrogate cannot be written as UTF-8
                }
                out[at++] = (byte) (0xe0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3f);
                out[at++] = (byte) (0x80 | c & 0x3f);
            }
        }
        if (!lineStart) {
            out[at++] = '\r';
            out[at++] = '\n';
        }
        length = at;
    }

    private String boundary(RenderedMessage message) {
        while (true) {
            String boundary = "=_kwrb_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36)
                    + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
            if (!message.text().contains(boundary) && !message.html().contains(boundary)) {
                return boundary;
            }
        }
    }

    private String from(RenderedMessage message) {
        String key = message.fromName() + "\u0000" + message.fromAddress();
        if (!key.equals(encodedFor)) {
            String name = message.fromName() == null || message.fromName().isBlank() ? "" : phrase(message.fromName()) + " ";
            encodedFrom = name + "<" + address(message.fromAddress()) + ">";
            encodedFor = key;
        }
        return encodedFrom;
    }

    private String subject(String subject) {
        if (!subject.equals(subjectFor)) {
            encodedSubject = isPlainAscii(subject) && subject.length() <= 70 ? subject : encodedWords(subject);
            subjectFor = subject;
        }
        return encodedSubject;
    }

    /** An address as it may stand in a header and in the envelope; anything else is refused. */
    static String address(String address) {
        if (address == null || address.isEmpty() || address.length() > 320) {
            throw new IllegalArgumentException("Not a mail address: " + address);
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == '\\') {
                throw new IllegalArgumentException("Not a mail address this sender can deliver to: " + address);
            }
        }
        if (address.indexOf('@') <= 0) {
            throw new IllegalArgumentException("Not a mail address: " + address);
        }
        return address;
    }

    private static String domain(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "localhost" : address(address).substring(at + 1);
    }

    /** A display name: as it is when it is plain ASCII words, else quoted or encoded. */
    private static String phrase(String name) {
        if (isPlainAscii(name)) {
            boolean atoms = name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ' || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0);
            return atoms ? name : "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return encodedWords(name);
    }

    /**
     * RFC 2047 "B" encoded words of at most 75 characters, split between characters (never
     * inside one), folded onto continuation lines.
     */
    static String encodedWords(String text) {
        StringBuilder out = new StringBuilder(text.length() * 6);
        Base64.Encoder base64 = Base64.getEncoder();
        int i = 0;
        int n = text.length();
        boolean first = true;
        while (i < n) {
            int start = i;
            int bytes = 0;
            while (i < n) {
                int cp = text.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (bytes + size > 45) { // 45 bytes are 60 base64 characters: a 72-character word
                    break;
                }
                bytes += size;
                i += Character.charCount(cp);
            }
            if (!first) {
                out.append("\r\n ");
            }
            first = false;
            out.append("=?UTF-8?B?").append(base64.encodeToString(text.substring(start, i).getBytes(StandardCharsets.UTF_8)))
                    .append("?=");
        }
        return out.toString();
    }

    /** An unstructured header value: ASCII kept (long lists folded after their commas), anything else encoded. */
    private static String unstructured(String name, String value) {
        String flat = value.replace('\r', ' ').replace('\n', ' ');
        if (!isPlainAscii(flat)) {
            return encodedWords(flat);
        }
        if (name.length() + 2 + flat.length() <= 78) {
            return flat;
        }
        return flat.replace(", ", ",\r\n ");
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c >= 0x7f) {
                return false;
            }
        }
        return !text.contains("=?");
    }

    private void header(String name, String value) {
        ascii(name);
        ascii(": ");
        ascii(value);
        crlf();
    }

    private void ascii(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    private void crlf() {
        append(CRLF);
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
