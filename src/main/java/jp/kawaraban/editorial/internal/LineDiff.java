package jp.kawaraban.editorial.internal;

import java.util.ArrayList;
import java.util.List;

import jp.kawaraban.editorial.DiffLine;

/**
 * A line-by-line comparison (longest common subsequence). Articles are short — tens of
 * lines — so the quadratic table is small; past {@link #MAX_LINES} the texts are shown as
 * removed and added whole rather than risk a large table.
 */
public final class LineDiff {

    static final int MAX_LINES = 3000;

    private LineDiff() {
    }

    public static List<DiffLine> between(List<String> before, List<String> after) {
        int n = before.size();
        int m = after.size();
        List<DiffLine> lines = new ArrayList<>();
        if (n > MAX_LINES || m > MAX_LINES) {
            before.forEach(line -> lines.add(new DiffLine(DiffLine.Kind.REMOVED, line)));
            after.forEach(line -> lines.add(new DiffLine(DiffLine.Kind.ADDED, line)));
            return lines;
        }
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (before.get(i).equals(after.get(j))) {
                lines.add(new DiffLine(DiffLine.Kind.SAME, before.get(i)));
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new DiffLine(DiffLine.Kind.REMOVED, before.get(i++)));
            } else {
                lines.add(new DiffLine(DiffLine.Kind.ADDED, after.get(j++)));
            }
        }
        while (i < n) {
            lines.add(new DiffLine(DiffLine.Kind.REMOVED, before.get(i++)));
        }
        while (j < m) {
            lines.add(new DiffLine(DiffLine.Kind.ADDED, after.get(j++)));
        }
        return lines;
    }
}
