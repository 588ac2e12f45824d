package jp.kawaraban.text;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Finds the names of people, organisations, places, facilities, products and events in a
 * text, with their exact spans, without the site's vocabulary: a model trained on annotated
 * sentences labels each character as outside a name, beginning, continuing or ending one, and
 * weighs each possible name whole ({@link StructuredPerceptron}), from the characters around
 * it, Kuromoji's reading of the words and the names three dictionaries know
 * ({@link CharacterFeatures}, {@link SpanFeatures}, {@link DictionaryNames}).
 *
 * <p>The bundled model ({@link #bundled()}) was trained on the stockmark ner-wikipedia data set
 * (CC BY-SA 3.0; see NOTICE and decision 0032) by {@code java -jar kawaraban.jar train-entities}.
 * Its figures on held-out sentences are in docs/benchmarks.md.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class EntityRecognizer {

    /** Where the bundled model is on the class path. */
    public static final String BUNDLED = "/text/entity-model.bin.gz";

    /**
     * A training sentence: the text, the names in it, and the type of each organisation among
     * them where the annotation gives one (an organisation without one is taken for a company).
     */
    public record Example(String text, List<RecognizedName> names, Map<RecognizedName, OrganizationType> organisationTypes) {

        public Example {
            organisationTypes = Map.copyOf(organisationTypes);
        }

        public Example(String text, List<RecognizedName> names) {
            this(text, names, Map.of());
        }
    }

    private static volatile EntityRecognizer bundled;

    /** Parts the training examples are cut into for their {@link NameList} observations. */
    private static final int LIST_PARTS = 5;

    private final StructuredPerceptron model;
    private final NameList names;

    private EntityRecognizer(StructuredPerceptron model, NameList names) {
        this.model = model;
        this.names = names;
    }

    /**
     * The model built into the jar, read once. It is trained by the build from the annotated
     * sentences in {@code ../shared/corpora/ner-wikipedia} (decision 0032), not kept in the
     * repository; a jar built where they are not has none, and this recognizer then finds
     * nothing: entity candidates come from the rules alone.
     */
    public static EntityRecognizer bundled() {
        EntityRecognizer result = bundled;
        if (result == null) {
            synchronized (EntityRecognizer.class) {
                result = bundled;
                if (result == null) {
                    try (InputStream in = EntityRecognizer.class.getResourceAsStream(BUNDLED)) {
                        result = in == null ? new EntityRecognizer(null, null) : read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    bundled = result;
                }
            }
        }
        return result;
    }

    /** Whether this recognizer has a model (the bundled one is missing from a jar built without the sentences). */
    public boolean trained() {
        return model != null;
    }

    /** A model written by {@link #write}. */
    public static EntityRecognizer read(InputStream in) throws IOException {
        try (DataInputStream data = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in)))) {
            StructuredPerceptron model = StructuredPerceptron.read(data);
            return new EntityRecognizer(model, NameList.read(data));
        }
    }

    public void write(OutputStream out) throws IOException {
        GZIPOutputStream zipped = new GZIPOutputStream(out);
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(zipped));
        model.write(data);
        names.write(data);
        data.flush();
        zipped.finish();
    }

    /**
     * Trains a model on the examples. Names that overlap an earlier one in the same sentence
     * are skipped (the labels cannot nest).
     *
     * @param epochs passes over the examples; {@code train-entities} makes 12 (decision 0056)
     */
    public static EntityRecognizer train(List<Example> examples, int epochs) {
        // A sentence's own names are always on a list made from it; the model would learn to
        // trust the list blindly. Each sentence is therefore seen with the names of the other
        // parts only, as a new text is seen with the names of all training sentences.
        List<NameList> partLists = new ArrayList<>();
        for (int part = 0; part < LIST_PARTS; part++) {
            List<Example> others = new ArrayList<>();
            for (int k = 0; k < examples.size(); k++) {
                if (k % LIST_PARTS != part) {
                    others.add(examples.get(k));
                }
            }
            partLists.add(NameList.of(others));
        }
        List<List<List<String>>> observations = new ArrayList<>(examples.size());
        List<int[]> contexts = new ArrayList<>(examples.size());
        List<SpanFeatures> spans = new ArrayList<>(examples.size());
        List<int[]> labels = new ArrayList<>(examples.size());
        List<int[]> subtypes = new ArrayList<>(examples.size());
        for (int k = 0; k < examples.size(); k++) {
            Example example = examples.get(k);
            CharacterFeatures.Observed observed = CharacterFeatures.of(example.text(), partLists.get(k % LIST_PARTS));
            observations.add(observed.features());
            int[] subtype = new int[example.text().length()];
            int[] gold = labelsOf(example, subtype);
            int[] context = observed.contexts();
            for (int i = 0; i < gold.length; i++) {
                if (StructuredPerceptron.locked(context[i], gold[i])) {
                    context[i] &= 1; // the rare name that does: its sentence keeps no lock there
                }
            }
            contexts.add(context);
            spans.add(observed.spans());
            labels.add(gold);
            subtypes.add(subtype);
        }
        return new EntityRecognizer(StructuredPerceptron.train(observations, contexts, spans, labels, subtypes, epochs, 19),
                NameList.of(examples));
    }

    /** How many observations the model weighs (a measure of its size). */
    public int size() {
        return model == null ? 0 : model.observations();
    }

    /**
     * The labels of the example's characters; {@code subtypes} gets, at the first character of
     * each organisation labelled, the ordinal of its {@link OrganizationType} (0, a company,
     * where the example gives none).
     */
    private static int[] labelsOf(Example example, int[] subtypes) {
        int[] labels = new int[example.text().length()];
        for (RecognizedName name : example.names()) {
            if (name.end() > labels.length) {
                continue;
            }
            boolean free = true;
            for (int i = name.start(); i < name.end(); i++) {
                free &= labels[i] == 0;
            }
            if (!free) {
                continue;
            }
            int kind = name.kind().ordinal();
            OrganizationType type = example.organisationTypes().get(name);
            subtypes[name.start()] = name.kind() == NameKind.ORGANIZATION && type != null ? type.ordinal() : 0;
            if (name.end() - name.start() == 1) {
                labels[name.start()] = StructuredPerceptron.label(kind, StructuredPerceptron.SINGLE);
                continue;
            }
            labels[name.start()] = StructuredPerceptron.label(kind, StructuredPerceptron.BEGIN);
            for (int i = name.start() + 1; i < name.end() - 1; i++) {
                labels[i] = StructuredPerceptron.label(kind, StructuredPerceptron.INSIDE);
            }
            labels[name.end() - 1] = StructuredPerceptron.label(kind, StructuredPerceptron.END);
        }
        return labels;
    }

    /** The names in {@code text}, in text order; none for {@code null} or blank text. */
    public List<RecognizedName> find(String text) {
        if (model == null || text == null || text.isBlank()) {
            return List.of();
        }
        CharacterFeatures.Observed observed = CharacterFeatures.of(text, names);
        int[] labels = model.label(observed.features(), observed.contexts(), observed.spans());
        List<RecognizedName> found = new ArrayList<>();
        int i = 0;
        while (i < labels.length) {
            if (labels[i] == 0) {
                i++;
                continue;
            }
            // the labeller only gives whole names: a single character, or a beginning, what
            // continues it and its end, all of one kind
            int kind = StructuredPerceptron.kind(labels[i]);
            int start = i;
            if (StructuredPerceptron.part(labels[i]) == StructuredPerceptron.BEGIN) {
                while (i + 1 < labels.length && StructuredPerceptron.part(labels[i + 1]) == StructuredPerceptron.INSIDE) {
                    i++;
                }
                i++; // the end
            }
            i++;
            i = Math.min(i, labels.length);
            int end = trimmed(text, start, i);
            if (end > start) {
                found.add(new RecognizedName(start, end, text.substring(start, end), NameKind.values()[kind]));
            }
        }
        return found;
    }

    /** A name does not end inside a surrogate pair nor with spaces. */
    private static int trimmed(String text, int start, int end) {
        if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
