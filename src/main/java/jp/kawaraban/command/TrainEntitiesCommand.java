package jp.kawaraban.command;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kawaraban.text.EntityRecognizer;
import jp.kawaraban.text.NameKind;
import jp.kawaraban.text.OrganizationType;
import jp.kawaraban.text.RecognizedName;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code train-entities --from=FILE --to=FILE [--epochs=N]}: trains the entity model that
 * {@code analyse} and the editors' desk use, from sentences annotated in the stockmark
 * ner-wikipedia format ({@code [{"text", "entities": [{"span": [start, end], "type": "人名"}]}]},
 * spans in code points). The shipped model {@code src/main/resources/text/entity-model.bin.gz}
 * was made by this command from the whole training file (decision 0032); bench/entities.sh
 * uses it to train on four fifths and measure on the fifth left out.
 */
public final class TrainEntitiesCommand {

    static final String NAME = "train-entities";
    /** Passes over the sentences: the organisations' types in the span weights need more than the 8 of before (decision 0056). */
    public static final int EPOCHS = 12;
    private static final String USAGE = "usage: java -jar kawaraban.jar train-entities --from=ANNOTATED.json --to=MODEL.bin.gz [--epochs=" + EPOCHS + "]";

    private final PrintStream out;
    private final PrintStream err;

    TrainEntitiesCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        Path from = null;
        Path to = null;
        int epochs = EPOCHS;
        for (String arg : args) {
            if (arg.startsWith("--from=")) {
                from = Path.of(arg.substring("--from=".length()));
            } else if (arg.startsWith("--to=")) {
                to = Path.of(arg.substring("--to=".length()));
            } else if (arg.startsWith("--epochs=") && arg.substring("--epochs=".length()).matches("[1-9][0-9]?")) {
                epochs = Integer.parseInt(arg.substring("--epochs=".length()));
            } else {
                err.println("Unknown argument: " + arg);
                err.println(USAGE);
                return 64;
            }
        }
        if (from == null || to == null) {
            err.println(USAGE);
            return 64;
        }
        List<EntityRecognizer.Example> examples;
        try {
            examples = examples(JsonMapper.builder().build().readTree(Files.readString(from)));
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            err.println("学習データを読めませんでした / Could not read the annotated sentences in " + from + ": " + e.getMessage());
            return 1;
        }
        long started = System.nanoTime();
        EntityRecognizer model = EntityRecognizer.train(examples, epochs);
        try (OutputStream stream = Files.newOutputStream(to)) {
            model.write(stream);
        } catch (IOException e) {
            err.println("モデルを書けませんでした / Could not write " + to + ": " + e.getMessage());
            return 1;
        }
        out.printf("trained on %d sentences in %.0f s: %d observations, written to %s%n", examples.size(),
                (System.nanoTime() - started) / 1e9, model.size(), to);
        return 0;
    }

    public static List<EntityRecognizer.Example> examples(JsonNode root) {
        if (!root.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of sentences");
        }
        List<EntityRecognizer.Example> examples = new ArrayList<>();
        for (JsonNode sentence : root) {
            String text = sentence.path("text").asString("");
            List<RecognizedName> names = new ArrayList<>();
            Map<RecognizedName, OrganizationType> types = new HashMap<>();
            int length = text.codePointCount(0, text.length());
            for (JsonNode entity : sentence.path("entities")) {
                String annotatedType = entity.path("type").asString("");
                NameKind kind = kind(annotatedType);
                int start = entity.path("span").path(0).asInt(-1);
                int end = entity.path("span").path(1).asInt(-1);
                if (kind == null || start < 0 || end <= start || end > length) {
                    continue; // a kind we do not label, or a span that does not fit the text
                }
                int from = text.offsetByCodePoints(0, start);
                int until = text.offsetByCodePoints(0, end);
                RecognizedName name = new RecognizedName(from, until, text.substring(from, until), kind);
                names.add(name);
                OrganizationType type = organisationType(annotatedType);
                if (type != null) {
                    types.put(name, type);
                }
            }
            if (!text.isBlank()) {
                examples.add(new EntityRecognizer.Example(text, names, types));
            }
        }
        return examples;
    }

    /**
     * The data set's types of organisation, which the model learns apart and gives back as one
     * kind (decision 0056); null for the other types.
     */
    static OrganizationType organisationType(String type) {
        return switch (type) {
            case "法人名" -> OrganizationType.COMPANY;
            case "政治的組織名" -> OrganizationType.POLITICAL;
            case "その他の組織名" -> OrganizationType.OTHER;
            default -> null;
        };
    }

    /** The data set's eight types on our six kinds: its three kinds of organisation are one. */
    static NameKind kind(String type) {
        if (organisationType(type) != null) {
            return NameKind.ORGANIZATION;
        }
        return switch (type) {
            case "人名" -> NameKind.PERSON;
            case "地名" -> NameKind.PLACE;
            case "施設名" -> NameKind.FACILITY;
            case "製品名" -> NameKind.PRODUCT;
            case "イベント名" -> NameKind.EVENT;
            default -> null;
        };
    }
}
