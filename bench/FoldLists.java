import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jp.kawaraban.text.KatakanaFolding;

/**
 * The fold of whichever build is on the class path, over word lists: for a list whose name has
 * "variant" in it, how many pairs get one key (recall); for the others, how many do (false
 * merges), pairs joined by a separator counted apart. For counting a build that predates
 * KatakanaFoldingMeasureTest's lists (decision 0047's "before"):
 *
 *   java -cp BUILD/target/classes:LIBRARIES bench/FoldLists.java bench/lists/fold-*.tsv src/test/resources/text/*pairs.tsv
 */
public class FoldLists {

    public static void main(String[] lists) throws Exception {
        for (String list : lists) {
            boolean variants = Path.of(list).getFileName().toString().contains("variant");
            int pairs = 0;
            int merged = 0;
            int separated = 0;
            int separatedMerged = 0;
            List<String> odd = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(list))) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] pair = line.split("\t");
                boolean oneKey = KatakanaFolding.fold(pair[0]).equals(KatakanaFolding.fold(pair[1]));
                if (!variants && (pair[0] + pair[1]).matches(".*[・＝= ].*")) {
                    separated++;
                    separatedMerged += oneKey ? 1 : 0;
                    continue;
                }
                pairs++;
                merged += oneKey ? 1 : 0;
                if (oneKey != variants) {
                    odd.add(pair[0] + "/" + pair[1]);
                }
            }
            System.out.printf("%-28s %s %d/%d%s %s%n", Path.of(list).getFileName(), variants ? "recall" : "merges",
                    merged, pairs, variants ? "" : " (separators " + separatedMerged + "/" + separated + ")", odd);
        }
    }
}
