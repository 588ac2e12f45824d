package jp.kawaraban.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Precision and recall of {@link DateExpressions} on sentences written for issue 19
 * ({@code text/date-sentences.tsv}): the forms the issue found unread, the forms read
 * before, and amounts of days that must not be read as dates.
 */
class DateExpressionsMeasureTest {

    private record Sentence(LocalDate articleDate, String text, Set<String> expected, int line) {
    }

    @Test
    void precisionAndRecallOnOurSentences() {
        List<Sentence> sentences = read("/text/date-sentences.tsv");
        assertThat(sentences).hasSizeGreaterThanOrEqualTo(60);
        int expected = 0;
        int found = 0;
        int right = 0;
        List<String> wrong = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (Sentence sentence : sentences) {
            Set<String> got = new HashSet<>();
            for (DateMention mention : DateExpressions.find(sentence.text(), sentence.articleDate())) {
                got.add(describe(mention));
            }
            expected += sentence.expected().size();
            found += got.size();
            for (String mention : got) {
                if (sentence.expected().contains(mention)) {
                    right++;
                } else {
                    wrong.add(mention + " in " + sentence.text());
                }
            }
            for (String mention : sentence.expected()) {
                if (!got.contains(mention)) {
                    missed.add(mention + " in " + sentence.text());
                }
            }
        }
        System.out.printf("dates on %d sentences: precision %d/%d, recall %d/%d%n",
                sentences.size(), right, found, right, expected);
        System.out.println("  wrong: " + wrong);
        System.out.println("  missed: " + missed);
        assertThat(wrong).as("mentions read wrongly").isEmpty();
        assertThat(missed).as("mentions not read").isEmpty();
    }

    /** A mention as the table writes it: surface=first-day, or surface=first..last for a period. */
    static String describe(DateMention mention) {
        return mention.surface() + "=" + mention.date() + (mention.isDay() ? "" : ".." + mention.until());
    }

    private static List<Sentence> read(String resource) {
        List<Sentence> sentences = new ArrayList<>();
        try (InputStream in = DateExpressionsMeasureTest.class.getResourceAsStream(resource)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (AnalysisTestSupport.Row row : AnalysisTestSupport.rows(reader)) {
                String[] columns = row.columns();
                Set<String> expected = new HashSet<>();
                if (!columns[2].strip().equals("-")) {
                    for (String mention : columns[2].split("\\|")) {
                        expected.add(mention.strip());
                    }
                }
                sentences.add(new Sentence(LocalDate.parse(columns[0]), columns[1], expected, row.line()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sentences;
    }
}
