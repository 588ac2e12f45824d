package jp.kawaraban.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jp.kawaraban.KawarabanApplication;
import jp.kawaraban.text.EntityRecognizer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code analyse} and {@code train-entities} as an operator runs them: the application's main
 * method in a JVM of their own, text on stdin, JSON lines on stdout.
 */
class AnalyseCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Run(int exit, List<JsonNode> lines, String stdout, String stderr) {
    }

    /** Runs {@code java … KawarabanApplication ARGS} with {@code stdin}, without any database set up. */
    static Run run(byte[] stdin, String... args) throws IOException, InterruptedException {
        return run(Map.of(), stdin, args);
    }

    /** The same, with {@code environment} changed: a {@code null} value removes the variable. */
    static Run run(Map<String, String> environment, byte[] stdin, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, KawarabanApplication.class.getName()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("analyse", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        // were the command to reach for a database, it would find none here
        builder.environment().put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:1/nothing");
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                process.getInputStream().transferTo(out);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the command ends").isTrue();
        reader.join();
        String text = out.toString(StandardCharsets.UTF_8);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        String errors = Files.readString(stderr);
        Files.delete(stderr);
        return new Run(process.exitValue(), lines, text, errors);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eachLineGivesItsNamesDatesAndKeywordsAsOneJsonLine() throws Exception {
        Assumptions.assumeTrue(EntityRecognizer.bundled().trained(), "the entity model is built only where the annotated sentences are (../shared/corpora/ner-wikipedia)");
        Run run = run(utf8("昨日、KDDIとNHKが日本で提携した。\n山田太郎が12日に記者会見した。\n"), "analyse", "--date=2026-12-06");

        assertThat(run.exit()).isZero();
        assertThat(run.lines()).hasSize(2);
        JsonNode first = run.lines().get(0);
        assertThat(first.get("entities")).extracting(e -> e.get("text").asString() + "/" + e.get("kind").asString()
                + "/" + e.get("start").asInt() + "-" + e.get("end").asInt())
                .containsExactly("KDDI/ORGANIZATION/3-7", "NHK/ORGANIZATION/8-11", "日本/PLACE/12-14");
        assertThat(first.get("entities").get(0).get("entity").isNull()).isTrue();
        assertThat(first.get("dates")).hasSize(1);
        assertThat(first.get("dates").get(0).get("text").asString()).isEqualTo("昨日");
        assertThat(first.get("dates").get(0).get("date").asString()).isEqualTo("2026-12-05");
        assertThat(first.get("keywords")).extracting(JsonNode::asString).contains("KDDI", "NHK");
        JsonNode second = run.lines().get(1);
        assertThat(second.get("entities").get(0).get("text").asString()).isEqualTo("山田太郎");
        assertThat(second.get("entities").get(0).get("kind").asString()).isEqualTo("PERSON");
        assertThat(second.get("dates").get(0).get("date").asString()).isEqualTo("2026-12-12");
        // an operator's tool: neither the site nor the database is started for it
        assertThat(run.stderr()).doesNotContain("Tomcat", "Started", "HikariPool", "Flyway");
    }

    @Test
    void theJsonLinesAreUtf8WhateverTheLocale() throws Exception {
        // as under a service manager, cron or a container: no LANG, the C locale (ASCII)
        var cLocale = new java.util.HashMap<String, String>();
        cLocale.put("LANG", null);
        cLocale.put("LC_CTYPE", null);
        cLocale.put("LC_ALL", "C");
        Run run = run(cLocale, utf8("昨日、東京で会見した。\n\n"), "analyse", "--date=2026-12-06");

        assertThat(run.exit()).as("the empty line refused").isEqualTo(2);
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0).get("dates").get(0).get("text").asString()).isEqualTo("昨日");
        assertThat(run.lines().get(0).get("keywords")).extracting(JsonNode::asString).contains("東京");
        assertThat(run.lines().get(1).get("error").asString()).as("a refusal's Japanese too").contains("空の行です");
        assertThat(run.stdout()).doesNotContain("?");
    }

    @Test
    void aNameOfTheVocabularyCarriesItsEntityIdAfterFolding(@TempDir Path dir) throws Exception {
        Path vocabulary = dir.resolve("entities.tsv");
        Files.writeString(vocabulary, """
                # id, kind, name, aliases
                person-witkoff	PERSON	ウィトコフ	スティーブ・ウィトコフ
                org-alqaeda	ORGANIZATION	アルカイダ
                place-kyiv	PLACE	キーウ	キエフ
                """);
        Run run = run(utf8("ウィットコフ氏はキエフでアル＝カイダについて語った。\n"), "analyse", "--date=2026-12-06",
                "--vocabulary=" + vocabulary);

        assertThat(run.exit()).as(run.stderr()).isZero();
        List<String> known = run.lines().get(0).get("entities").valueStream()
                .filter(e -> !e.get("entity").isNull())
                .map(e -> e.get("text").asString() + "/" + e.get("kind").asString() + "/" + e.get("entity").asString()
                        + "/" + e.get("start").asInt() + "-" + e.get("end").asInt())
                .toList();
        assertThat(known).containsExactly("ウィットコフ/PERSON/person-witkoff/0-6", "キエフ/PLACE/place-kyiv/8-11",
                "アル＝カイダ/ORGANIZATION/org-alqaeda/12-18");
    }

    @Test
    void aVocabularyThatCannotBeReadIsRefused(@TempDir Path dir) throws Exception {
        Path vocabulary = dir.resolve("entities.tsv");
        Files.writeString(vocabulary, "x\tCOMPANY\t東都電力\n");
        Run run = run(utf8("東都電力\n"), "analyse", "--vocabulary=" + vocabulary);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr()).contains("語彙を読めませんでした", "COMPANY");
    }

    @Test
    void offsetsCountCharactersNotUtf16Units() throws Exception {
        Assumptions.assumeTrue(EntityRecognizer.bundled().trained(), "the entity model is built only where the annotated sentences are (../shared/corpora/ner-wikipedia)");
        // 𠮷 (U+20BB7) is two UTF-16 units and one character; CRLF line ends are read too
        Run run = run(utf8("𠮷野家の前でNHKが取材した。\r\n"), "analyse", "--date=2026-12-06");

        JsonNode nhk = run.lines().get(0).get("entities").valueStream()
                .filter(e -> e.get("text").asString().equals("NHK")).findFirst().orElseThrow();
        assertThat(nhk.get("start").asInt()).isEqualTo(6);
        assertThat(nhk.get("end").asInt()).isEqualTo(9);
    }

    @Test
    void badLinesGiveAnErrorInJapaneseAndTheStreamGoesOn() throws Exception {
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        stdin.write(utf8("NHKが報じた。\n"));
        stdin.write(utf8("\n"));
        stdin.write(utf8("   \n"));
        stdin.write(new byte[] {(byte) 0xE6, (byte) 0x97, '\n'}); // a character cut in two
        stdin.write(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', '\n'});
        stdin.write(utf8("あ".repeat(AnalyseCommand.LONGEST_LINE + 1) + "\n"));
        stdin.write(utf8("日本に戻った。")); // the last line may lack its line feed

        Run run = run(stdin.toByteArray(), "analyse", "--date=2026-12-06");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.lines()).hasSize(7);
        assertThat(run.lines().get(0).has("entities")).isTrue();
        assertThat(run.lines().get(1).get("line").asInt()).isEqualTo(2);
        assertThat(run.lines().get(1).get("error").asString()).contains("空の行です");
        assertThat(run.lines().get(2).get("error").asString()).contains("空の行です");
        assertThat(run.lines().get(3).get("error").asString()).contains("UTF-8 として読めない");
        assertThat(run.lines().get(4).get("error").asString()).contains("UTF-8 として読めない");
        assertThat(run.lines().get(5).get("error").asString()).contains("行が長すぎます");
        assertThat(run.lines().get(6).has("entities")).isTrue(); // the stream went on
        if (EntityRecognizer.bundled().trained()) { // without the model the rules alone may not name 日本
            assertThat(run.lines().get(6).get("entities").get(0).get("text").asString()).isEqualTo("日本");
        }
    }

    @Test
    void aBadDateOrAnUnknownArgumentIsRefusedBeforeReading() throws Exception {
        Run badDate = run(utf8("日本\n"), "analyse", "--date=2026-13-01");
        assertThat(badDate.exit()).isEqualTo(64);
        assertThat(badDate.stdout()).isEmpty();
        assertThat(badDate.stderr()).contains("日付は YYYY-MM-DD の形で書いてください");

        Run unknown = run(utf8("日本\n"), "analyse", "--dat=2026-12-01");
        assertThat(unknown.exit()).isEqualTo(64);
        assertThat(unknown.stderr()).contains("Unknown argument: --dat=2026-12-01", "usage:");
    }

    @Test
    void aModelTrainedByTrainEntitiesIsUsedByAnalyse(@TempDir Path dir) throws Exception {
        // a few invented sentences: the model learns that 〜重工 ends an organisation
        StringBuilder annotated = new StringBuilder("[");
        for (int i = 0; i < 20; i++) {
            String name = "ミナト" + (char) ('ア' + i) + "重工";
            String text = "昨年、" + name + "が新工場を建てた。";
            annotated.append(i == 0 ? "" : ",").append("{\"text\":\"").append(text)
                    .append("\",\"entities\":[{\"name\":\"").append(name).append("\",\"span\":[3,")
                    .append(3 + name.length()).append("],\"type\":\"法人名\"}]}");
        }
        Path corpus = Files.writeString(dir.resolve("annotated.json"), annotated.append("]").toString());
        Path model = dir.resolve("model.bin.gz");

        Run trained = run(new byte[0], "train-entities", "--from=" + corpus, "--to=" + model, "--epochs=3");
        assertThat(trained.exit()).as(trained.stderr()).isZero();
        assertThat(trained.stdout()).contains("trained on 20 sentences");

        Run analysed = run(utf8("昨年、ミナトン重工が新工場を建てた。\n"), "analyse", "--model=" + model);
        assertThat(analysed.lines().get(0).get("entities")).extracting(e -> e.get("text").asString())
                .containsExactly("ミナトン重工");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "1, 13", // outside / beginning / inside a name, before decision 0043
        "3, 25", // span weights for six kinds, before decision 0056's organisation types
        "4, 25", // trained before ENAMDICT's names were in the gazetteer (decision 0058)
    })
    void aModelOfAnEarlierVersionIsRefusedByName(int format, int labels, @TempDir Path dir) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream data = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(bytes))) {
            data.writeInt(format);
            data.writeInt(labels);
        }
        Path old = Files.write(dir.resolve("old.bin.gz"), bytes.toByteArray());

        Run run = run(utf8("日本\n"), "analyse", "--model=" + old);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr()).contains("固有表現のモデルを読めませんでした", "not an entity model of this version",
                "train it again with train-entities");
    }

    @Test
    void trainingRefusesAFileThatIsNotAnnotatedSentences(@TempDir Path dir) throws Exception {
        Path notJson = Files.writeString(dir.resolve("bad.json"), "{\"text\": ");
        Run run = run(new byte[0], "train-entities", "--from=" + notJson, "--to=" + dir.resolve("m.bin.gz"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr()).contains("学習データを読めませんでした");
        assertThat(dir.resolve("m.bin.gz")).doesNotExist();

        Run missingModel = run(utf8("日本\n"), "analyse", "--model=" + dir.resolve("none.bin.gz"));
        assertThat(missingModel.exit()).isEqualTo(1);
        assertThat(missingModel.stderr()).contains("固有表現のモデルを読めませんでした");
    }
}
