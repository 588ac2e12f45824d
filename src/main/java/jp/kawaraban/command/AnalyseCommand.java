package jp.kawaraban.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kawaraban.text.DateExpressions;
import jp.kawaraban.text.DateMention;
import jp.kawaraban.text.DocumentFrequencies;
import jp.kawaraban.text.Entity;
import jp.kawaraban.text.EntityKind;
import jp.kawaraban.text.Mention;
import jp.kawaraban.text.MentionFinder;
import jp.kawaraban.text.EntityRecognizer;
import jp.kawaraban.text.Keywords;
import jp.kawaraban.text.RecognizedName;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code analyse [--date=YYYY-MM-DD] [--model=FILE] [--documents=FILE] [--keywords=ours|noun-tfidf]}:
 * what the text module reads in each line
 * of stdin — the names of people, organisations, places (and facilities, products, events),
 * the dates, the keywords — as one JSON line per input line on stdout. An editor's tool to see
 * what the system reads, and the path the entity figures of docs/benchmarks.md are measured
 * through. It starts neither the site nor the database.
 *
 * <p>Offsets ({@code start}, {@code end}) count Unicode code points of the line, end exclusive,
 * as Python's and most JSON readers' string indexes do; for text without characters outside
 * the Basic Multilingual Plane they equal UTF-16 offsets. A bad line (empty, longer than
 * {@value #LONGEST_LINE} characters, not UTF-8) gives {@code {"line": N, "error": "…"}} and the
 * next line is read.
 *
 * <p>{@code --vocabulary} names a file of the site's entities ({@link #vocabulary}); a name that is
 * one of them, by a name or an alias after the katakana fold, carries its id as {@code entity},
 * any other {@code null}. {@code --documents} names a file of texts, one a line, whose document frequencies weigh the
 * keywords (what most of them carry, like an outlet's name, sinks); {@code --keywords=noun-tfidf}
 * gives plain TF-IDF over nouns instead of ours, the baseline bench/keywords.sh measures against.
 */
final class AnalyseCommand {

    static final String NAME = "analyse";
    static final int LONGEST_LINE = 20_000;
    static final int KEYWORDS = 5;
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final String USAGE = "usage: java -jar kawaraban.jar analyse [--date=YYYY-MM-DD] [--model=FILE]"
            + " [--vocabulary=FILE] [--documents=FILE] [--keywords=ours|noun-tfidf] < lines.txt";

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    /** Document frequencies for the keywords' weights ({@code --documents}); none by default. */
    private DocumentFrequencies collection = DocumentFrequencies.none();
    /** The site's entities ({@code --vocabulary}); none by default. */
    private MentionFinder vocabulary = new MentionFinder(List.of());
    /** {@code --keywords=noun-tfidf}: the baseline keywords are measured against. */
    private boolean nounTfIdf;

    AnalyseCommand(InputStream in, PrintStream out, PrintStream err, Clock clock) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** Returns 0 when every line was analysed, 2 when some were refused, 64 for bad arguments. */
    int run(String[] args) {
        LocalDate date = LocalDate.now(clock.withZone(JAPAN));
        Path model = null;
        Path documents = null;
        Path vocabularyFile = null;
        boolean nounTfIdf = false;
        for (String arg : args) {
            if (arg.startsWith("--date=")) {
                try {
                    date = LocalDate.parse(arg.substring("--date=".length()));
                } catch (DateTimeParseException e) {
                    err.println("日付は YYYY-MM-DD の形で書いてください / --date must be YYYY-MM-DD: " + arg);
                    return 64;
                }
            } else if (arg.startsWith("--model=")) {
                model = Path.of(arg.substring("--model=".length()));
            } else if (arg.startsWith("--vocabulary=")) {
                vocabularyFile = Path.of(arg.substring("--vocabulary=".length()));
            } else if (arg.startsWith("--documents=")) {
                documents = Path.of(arg.substring("--documents=".length()));
            } else if (arg.equals("--keywords=ours") || arg.equals("--keywords=noun-tfidf")) {
                nounTfIdf = arg.endsWith("noun-tfidf");
            } else {
                err.println("Unknown argument: " + arg);
                err.println(USAGE);
                return 64;
            }
        }
        EntityRecognizer recognizer;
        try {
            recognizer = model == null ? EntityRecognizer.bundled() : read(model);
        } catch (IOException e) {
            err.println("固有表現のモデルを読めませんでした / Could not read the entity model " + model + ": " + e.getMessage());
            return 1;
        }
        DocumentFrequencies collection = DocumentFrequencies.none();
        if (documents != null) {
            try {
                List<String> texts = Files.readAllLines(documents, StandardCharsets.UTF_8);
                collection = nounTfIdf ? DocumentFrequencies.ofNouns(texts) : DocumentFrequencies.ofKeywordTerms(texts);
            } catch (IOException e) {
                err.println("文書の集まりを読めませんでした / Could not read the documents " + documents + ": " + e.getMessage());
                return 1;
            }
        }
        if (vocabularyFile != null) {
            try {
                vocabulary = new MentionFinder(vocabulary(vocabularyFile));
            } catch (IOException | IllegalArgumentException e) {
                err.println("語彙を読めませんでした / Could not read the vocabulary " + vocabularyFile + ": " + e.getMessage());
                return 1;
            }
        }
        this.collection = collection;
        this.nounTfIdf = nounTfIdf;
        int refused = 0;
        try {
            LineReader lines = new LineReader(in);
            for (int number = 1; ; number++) {
                byte[] line = lines.next();
                if (line == null) {
                    break;
                }
                String answer;
                if (lines.wasCut()) {
                    answer = refusal(number, "行が長すぎます（" + LONGEST_LINE + "文字まで） / The line is longer than "
                            + LONGEST_LINE + " characters");
                } else {
                    String text = decode(line, number == 1);
                    if (text == null) {
                        answer = refusal(number, "UTF-8 として読めない文字があります / The line is not valid UTF-8");
                    } else if (text.isBlank()) {
                        answer = refusal(number, "空の行です。1行に1つの文章を書いてください / The line is empty");
                    } else if (text.codePointCount(0, text.length()) > LONGEST_LINE) {
                        answer = refusal(number, "行が長すぎます（" + LONGEST_LINE + "文字まで） / The line is longer than "
                                + LONGEST_LINE + " characters");
                    } else {
                        answer = analyse(text, date, recognizer);
                    }
                }
                if (answer.startsWith("{\"line\"")) {
                    refused++;
                }
                out.println(answer);
                out.flush();
            }
        } catch (IOException e) {
            err.println("標準入力を読めませんでした / Could not read stdin: " + e.getMessage());
            return 1;
        }
        return refused == 0 ? 0 : 2;
    }

    private static EntityRecognizer read(Path model) throws IOException {
        try (InputStream stream = Files.newInputStream(model)) {
            return EntityRecognizer.read(stream);
        }
    }

    String analyse(String text, LocalDate date, EntityRecognizer recognizer) {
        List<Map<String, Object>> entities = new ArrayList<>();
        for (Named name : names(text, recognizer)) {
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("text", text.substring(name.start(), name.end()));
            entity.put("start", text.codePointCount(0, name.start()));
            entity.put("end", text.codePointCount(0, name.end()));
            entity.put("kind", name.kind());
            entity.put("entity", name.entityId());
            entities.add(entity);
        }
        List<Map<String, Object>> dates = new ArrayList<>();
        for (DateMention mention : DateExpressions.find(text, date)) {
            Map<String, Object> found = new LinkedHashMap<>();
            found.put("text", mention.surface());
            found.put("start", text.codePointCount(0, mention.start()));
            found.put("end", text.codePointCount(0, mention.end()));
            found.put("date", mention.date().toString());
            if (!mention.isDay()) {
                found.put("until", mention.until().toString());
            }
            dates.add(found);
        }
        List<String> keywords = (nounTfIdf ? Keywords.nounTfIdf(text, KEYWORDS, collection)
                : Keywords.extract("", text, KEYWORDS, collection)).stream().map(k -> k.term()).toList();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("entities", entities);
        line.put("dates", dates);
        line.put("keywords", keywords);
        return json.writeValueAsString(line);
    }

    /** A name in the line: found by the model, or a known entity of the vocabulary (then with its id). */
    private record Named(int start, int end, String kind, String entityId) {
    }

    /**
     * The model's names and the vocabulary's mentions together. A known entity wins where the
     * two overlap: its span and kind are the ones the editors keep (the model may cut a name
     * differently), and it is found even where the model sees no name. The vocabulary matches
     * names and aliases after the katakana fold, as the site does (ウィトコフ finds ウィットコフ).
     */
    private List<Named> names(String text, EntityRecognizer recognizer) {
        List<Named> names = new ArrayList<>();
        List<Mention> mentions = vocabulary.find(text);
        for (Mention mention : mentions) {
            String kind = vocabulary.entity(mention.entityId()).map(e -> e.kind().name()).orElse(null);
            names.add(new Named(mention.start(), mention.end(), kind, mention.entityId()));
        }
        for (RecognizedName name : recognizer.find(text)) {
            boolean known = mentions.stream().anyMatch(m -> m.start() < name.end() && name.start() < m.end());
            if (!known) {
                names.add(new Named(name.start(), name.end(), name.kind().name(), null));
            }
        }
        names.sort(java.util.Comparator.comparingInt(Named::start));
        return names;
    }

    /**
     * Entities from a file, one a line: {@code id<TAB>PERSON|ORGANIZATION|PLACE<TAB>name[<TAB>alias|alias…]};
     * blank lines and lines starting with # are skipped.
     */
    static List<Entity> vocabulary(Path file) throws IOException {
        List<Entity> entities = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length < 3) {
                throw new IllegalArgumentException("line " + number + ": expected id, kind and name separated by tabs");
            }
            EntityKind kind;
            try {
                kind = EntityKind.valueOf(columns[1].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + ": the kind is PERSON, ORGANIZATION or PLACE, not " + columns[1]);
            }
            List<String> aliases = columns.length > 3 ? List.of(columns[3].split("\\|")) : List.of();
            entities.add(new Entity(columns[0].strip(), columns[2], kind, aliases, ""));
        }
        return entities;
    }

    private String refusal(int number, String error) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("line", number);
        line.put("error", error);
        return json.writeValueAsString(line);
    }

    /** The line as text, or {@code null} when it is not UTF-8. A byte order mark on the first line goes. */
    private static String decode(byte[] line, boolean first) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line)).toString();
            return first && text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Lines of bytes ending in LF (a CR before it goes), so each can be decoded on its own and
     * a bad one refused alone. A line longer than any allowed one is read to its end but not
     * kept, so one huge line cannot exhaust the memory.
     */
    private static final class LineReader {

        /** UTF-8 takes at most four bytes a character. */
        private static final int MOST_BYTES = 4 * LONGEST_LINE;

        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        private boolean cut;

        LineReader(InputStream in) {
            this.in = in;
        }

        /** The next line, or {@code null} at the end of the input. */
        byte[] next() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            cut = false;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return any ? finish(line) : null;
                    }
                }
                any = true;
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                if (!cut) {
                    line.write(buffer, start, position - start);
                    if (line.size() > MOST_BYTES) {
                        cut = true;
                        line.reset();
                    }
                }
                if (position < limit) {
                    position++; // the LF
                    return finish(line);
                }
            }
        }

        boolean wasCut() {
            return cut;
        }

        private static byte[] finish(ByteArrayOutputStream line) {
            byte[] bytes = line.toByteArray();
            int length = bytes.length;
            if (length > 0 && bytes[length - 1] == '\r') {
                length--;
            }
            return java.util.Arrays.copyOf(bytes, length);
        }
    }
}
