package jp.kawaraban.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The labeller on invented sentences: what it learns it gives back as whole names, one
 * character long or many, at the end of a sentence too, each with one kind.
 */
class EntityRecognizerTest {

    @Test
    void namesComeBackWholeWhateverTheirLengthAndPlace() {
        List<EntityRecognizer.Example> examples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String company = "ミナト" + (char) ('ア' + i) + "重工";
            // a one-character place, a company, and a company that ends the sentence
            String text = "米と" + company + "が協議した相手は" + company + "重工";
            examples.add(new EntityRecognizer.Example(text, List.of(
                    new RecognizedName(0, 1, "米", NameKind.PLACE),
                    new RecognizedName(2, 2 + company.length(), company, NameKind.ORGANIZATION),
                    new RecognizedName(text.length() - company.length() - 2, text.length(), company + "重工",
                            NameKind.ORGANIZATION))));
        }
        EntityRecognizer recognizer = EntityRecognizer.train(examples, 5);

        String text = "米とミナトン重工が協議した相手はミナトン重工重工";
        assertThat(recognizer.find(text)).extracting(RecognizedName::surface, RecognizedName::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("米", NameKind.PLACE),
                org.assertj.core.groups.Tuple.tuple("ミナトン重工", NameKind.ORGANIZATION),
                org.assertj.core.groups.Tuple.tuple("ミナトン重工重工", NameKind.ORGANIZATION));
        assertThat(recognizer.find(text).getLast().end()).isEqualTo(text.length());
    }
}
