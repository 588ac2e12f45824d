package jp.kawaraban.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two message bundles hold the same keys: {@code messages_ja.properties}, which readers see, and
 * {@code messages.properties}, its English fallback (import reports and the setup command use it).
 * Plain JUnit on the files themselves, no Spring context.
 */
class MessageFilesTest {

    /** A MessageFormat argument: {0}, {1,number}, ... The index is the first group. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    /** An apostrophe that is not doubled: MessageFormat would take it as the start of a quoted part. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    private static final Properties JAPANESE = load("/messages_ja.properties");
    private static final Properties ENGLISH = load("/messages.properties");

    @Test
    void everyJapaneseKeyHasAnEnglishEntry() {
        assertThat(missingFrom(ENGLISH, JAPANESE)).as("keys of messages_ja.properties missing from messages.properties")
                .isEmpty();
    }

    @Test
    void everyEnglishKeyHasAJapaneseEntry() {
        assertThat(missingFrom(JAPANESE, ENGLISH)).as("keys of messages.properties missing from messages_ja.properties")
                .isEmpty();
    }

    @Test
    void bothFilesUseTheSamePlaceholdersForEachKey() {
        Map<String, String> differing = new TreeMap<>();
        for (String key : JAPANESE.stringPropertyNames()) {
            String english = ENGLISH.getProperty(key);
            if (english == null) {
                continue; // reported by everyJapaneseKeyHasAnEnglishEntry
            }
            Set<Integer> ja = placeholders(JAPANESE.getProperty(key));
            Set<Integer> en = placeholders(english);
            if (!ja.equals(en)) {
                differing.put(key, "ja " + ja + ", en " + en);
            }
        }
        assertThat(differing).as("keys whose placeholders differ between the two files").isEmpty();
    }

    @Test
    void noValueIsBlank() {
        assertThat(blankKeys(JAPANESE)).as("blank values in messages_ja.properties").isEmpty();
        assertThat(blankKeys(ENGLISH)).as("blank values in messages.properties").isEmpty();
    }

    @Test
    void valuesWithPlaceholdersDoubleTheirApostrophes() {
        // Such values go through java.text.MessageFormat, where a single ' opens a quoted part and is lost.
        assertThat(loneApostrophes(JAPANESE)).as("lone apostrophes in messages_ja.properties").isEmpty();
        assertThat(loneApostrophes(ENGLISH)).as("lone apostrophes in messages.properties").isEmpty();
    }

    private static Set<String> missingFrom(Properties target, Properties source) {
        Set<String> missing = new TreeSet<>(source.stringPropertyNames());
        missing.removeAll(target.stringPropertyNames());
        return missing;
    }

    private static Set<Integer> placeholders(String value) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            indexes.add(Integer.valueOf(matcher.group(1)));
        }
        return indexes;
    }

    private static Set<String> blankKeys(Properties properties) {
        Set<String> blank = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (properties.getProperty(key).isBlank()) {
                blank.add(key);
            }
        }
        return blank;
    }

    private static Set<String> loneApostrophes(Properties properties) {
        Set<String> keys = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            if (!placeholders(value).isEmpty() && LONE_APOSTROPHE.matcher(value).find()) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = MessageFilesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        return properties;
    }
}
