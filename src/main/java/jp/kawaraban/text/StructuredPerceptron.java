package jp.kawaraban.text;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A linear labeller of names: one weight per (observation, label) and per (label, next label)
 * at the characters, and one weight per (span observation, kind) for each name as a whole; the
 * best names found by Viterbi over segments (a semi-Markov decoder, decision 0054); trained by
 * the averaged structured perceptron (Collins 2002) — a wrong guess moves the weights towards
 * the right names, and the weights kept are their average over all steps, which generalises
 * far better than the last ones. Written here in a few hundred lines rather than pulled in
 * with a machine-learning library (decision 0032).
 *
 * <p>Labels are BIOES over {@link NameKind}s: 0 is outside a name; for a name of kind {@code k},
 * {@code 1 + 4k} begins it, {@code 2 + 4k} continues it, {@code 3 + 4k} ends it and {@code 4 + 4k}
 * is a name of one character. A name that has begun must continue or end with its own kind, and
 * nothing else may continue or end one. With a label of its own, the last character of a name
 * gets weights of its own (decision 0043). A name's score is the sum of its characters' weights
 * for their labels and of the transitions between them, as a per-character labeller scores it,
 * plus the weights of its span's observations ({@link SpanFeatures}: whether the whole string
 * is a name the dictionaries know, its length, the words at its ends…) for its kind; with no
 * span weights the decoder gives the per-character labeller's labels.
 */
final class StructuredPerceptron {

    static final int KINDS = NameKind.values().length;
    static final int LABELS = 1 + 4 * KINDS;
    static final int CONTEXTS = 2;
    private static final int TRANSITIONS = (LABELS + 1) * LABELS;
    /** 5 since ENAMDICT's names (decision 0058): a model trained without their tags would read other observations. */
    private static final int FORMAT = 5;

    /**
     * The span weights' columns are the model's own labels of a whole name, finer than the
     * kinds: an organisation is a company, a political body or another organisation
     * ({@link OrganizationType}), each with a column, so a name's span observations (its last
     * word, the word after it…) are weighed for what it is among the three; a company and a
     * band are named differently. An organisation's span score is the best of its three
     * columns; the characters' labels know only the kinds (decision 0056).
     */
    static final int SUBTYPES = OrganizationType.values().length;
    static final int COLUMNS = KINDS - 1 + SUBTYPES;
    private static final int ORGANIZATION = NameKind.ORGANIZATION.ordinal();

    /** The span weights' column of a name of kind {@code kind} (and type {@code subtype} if it is an organisation). */
    static int column(int kind, int subtype) {
        return kind < ORGANIZATION ? kind : kind == ORGANIZATION ? ORGANIZATION + subtype : kind + SUBTYPES - 1;
    }

    private final Map<String, Integer> index;
    /** {@code LABELS} weights per observation, in the order of {@code index}. */
    private final float[] weights;
    /**
     * {@code transitions[context * (LABELS + 1) * LABELS + from * LABELS + to]}; {@code from == LABELS}
     * is the sentence start. The context is 1 where a word starts (a name seldom starts or ends
     * inside a word Kuromoji found), 0 elsewhere; its bits {@link #NO_BEGIN} and {@link #NO_END}
     * are constraints of the decoding, not weights (decision 0051).
     */
    private final float[] transitions;

    /** {@link #COLUMNS} weights per span observation (decisions 0054, 0056). */
    private final SpanWeights spans;

    private StructuredPerceptron(Map<String, Integer> index, float[] weights, float[] transitions, SpanWeights spans) {
        this.index = index;
        this.weights = weights;
        this.transitions = transitions;
        this.spans = spans;
    }

    static final int BEGIN = 1;
    static final int INSIDE = 2;
    static final int END = 3;
    static final int SINGLE = 4;

    /** The label of a part ({@link #BEGIN}, {@link #INSIDE}, {@link #END}, {@link #SINGLE}) of a name of kind {@code kind}. */
    static int label(int kind, int part) {
        return 4 * kind + part;
    }

    /** The part of a name a label stands for; 0 outside one. */
    static int part(int label) {
        return label == 0 ? 0 : (label - 1) % 4 + 1;
    }

    /** The kind of a name a label belongs to. */
    static int kind(int label) {
        return (label - 1) / 4;
    }

    /** Whether a name is left open after {@code label}: it must go on with its own kind. */
    private static boolean open(int label) {
        return label != LABELS && label != 0 && (part(label) == BEGIN || part(label) == INSIDE);
    }

    /** Bit of a context: no name may begin at this character. */
    static final int NO_BEGIN = 2;
    /** Bit of a context: no name may end at this character. */
    static final int NO_END = 4;

    /** Whether a context's bits forbid label {@code y} at its character ({@link #NO_BEGIN}, {@link #NO_END}). */
    static boolean locked(int context, int y) {
        int part = part(y);
        return (context & NO_BEGIN) != 0 && (part == BEGIN || part == SINGLE)
                || (context & NO_END) != 0 && (part == END || part == SINGLE);
    }

    static boolean allowed(int from, int to) {
        boolean continues = to != 0 && (part(to) == INSIDE || part(to) == END);
        if (open(from)) {
            return continues && kind(from) == kind(to);
        }
        return !continues;
    }

    /** The best labels for one sentence's observations, its contexts and its spans. */
    int[] label(List<List<String>> observations, int[] contexts, SpanFeatures spanFeatures) {
        return decode(ids(observations, index), contexts, spanFeatures, weights, transitions, spans, null);
    }

    private static int[][] ids(List<List<String>> observations, Map<String, Integer> index) {
        int[][] ids = new int[observations.size()][];
        for (int i = 0; i < ids.length; i++) {
            List<String> names = observations.get(i);
            int[] row = new int[names.size()];
            int kept = 0;
            for (String name : names) {
                Integer id = index.get(name);
                if (id != null) {
                    row[kept++] = id;
                }
            }
            ids[i] = java.util.Arrays.copyOf(row, kept);
        }
        return ids;
    }

    /**
     * The best labels by Viterbi over segments (a semi-Markov decoder): a segment is one
     * character outside a name, or a name of one kind from one to {@link #LONGEST_NAME}
     * characters. A name's score is its characters' weights for their labels (begin, inside,
     * end or single) with the transitions between them, as a per-character labeller would give
     * it, plus the weights of its span's observations for its kind; without span weights the
     * best labels are the per-character labeller's.
     */
    private static int[] decode(int[][] ids, int[] contexts, SpanFeatures spanFeatures, float[] weights,
            float[] transitions, SpanWeights spans, int[] subtypes) {
        int n = ids.length;
        if (n == 0) {
            return new int[0];
        }
        double[][] emission = new double[n][LABELS];
        for (int i = 0; i < n; i++) {
            double[] row = emission[i];
            for (int id : ids[i]) {
                int base = id * LABELS;
                for (int y = 0; y < LABELS; y++) {
                    row[y] += weights[base + y];
                }
            }
        }
        // per kind, the running sum of "inside, after inside" over the characters
        double[][] inside = new double[KINDS][n + 1];
        for (int k = 0; k < KINDS; k++) {
            int in = label(k, INSIDE);
            for (int i = 0; i < n; i++) {
                inside[k][i + 1] = inside[k][i] + transitions[(contexts[i] & 1) * TRANSITIONS + in * LABELS + in]
                        + emission[i][in];
            }
        }
        int states = LABELS + 1; // after the last character of a segment: 0, an end, a single; LABELS at the start
        double[] best = new double[(n + 1) * states];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        best[LABELS] = 0;
        int[] backStart = new int[(n + 1) * states];
        int[] backFrom = new int[(n + 1) * states];
        byte[] backSubtype = new byte[(n + 1) * states];
        double[] into = new double[LABELS];
        int[] intoFrom = new int[LABELS];
        long[] keys = new long[SpanFeatures.MOST];
        double[] spanScore = new double[KINDS];
        double[] columns = new double[COLUMNS];
        int subtype = 0;
        for (int j = 0; j < n; j++) {
            int offset = (contexts[j] & 1) * TRANSITIONS;
            // the best way into a segment's first label at j: outside, a name's beginning, a single
            for (int f = 0; f < LABELS; f++) {
                if (f != 0 && part(f) != BEGIN && part(f) != SINGLE) {
                    continue;
                }
                double top = Double.NEGATIVE_INFINITY;
                int from = -1;
                for (int p = 0; p < states; p++) {
                    double before = best[j * states + p];
                    if (before != Double.NEGATIVE_INFINITY) {
                        double score = before + transitions[offset + p * LABELS + f];
                        if (score > top) {
                            top = score;
                            from = p;
                        }
                    }
                }
                into[f] = top;
                intoFrom[f] = from;
            }
            relax(best, backStart, backFrom, (j + 1) * states, into[0] + emission[j][0], j, intoFrom[0], backSubtype, 0);
            if ((contexts[j] & NO_BEGIN) != 0) {
                continue;
            }
            for (int e = j + 1; e <= Math.min(n, j + LONGEST_NAME); e++) {
                if ((contexts[e - 1] & NO_END) != 0) {
                    continue;
                }
                java.util.Arrays.fill(spanScore, 0);
                subtype = 0;
                if (spans.size() > 0) {
                    java.util.Arrays.fill(columns, 0);
                    int count = spanFeatures.of(j, e, keys);
                    for (int q = 0; q < count; q++) {
                        int row = spans.find(keys[q]);
                        if (row >= 0) {
                            for (int k = 0; k < COLUMNS; k++) {
                                columns[k] += spans.weights[row * COLUMNS + k];
                            }
                        }
                    }
                    for (int k = 0; k < KINDS; k++) {
                        spanScore[k] = columns[column(k, 0)];
                    }
                    for (int s = 1; s < SUBTYPES; s++) {
                        if (columns[ORGANIZATION + s] > columns[ORGANIZATION + subtype]) {
                            subtype = s;
                        }
                    }
                    spanScore[ORGANIZATION] = columns[ORGANIZATION + subtype];
                }
                for (int k = 0; k < KINDS; k++) {
                    int last = e == j + 1 ? label(k, SINGLE) : label(k, END);
                    int first = e == j + 1 ? last : label(k, BEGIN);
                    double score = into[first] + emission[j][first] + spanScore[k];
                    if (e == j + 2) {
                        score += transitions[(contexts[j + 1] & 1) * TRANSITIONS + first * LABELS + last] + emission[j + 1][last];
                    } else if (e > j + 2) {
                        int in = label(k, INSIDE);
                        score += transitions[(contexts[j + 1] & 1) * TRANSITIONS + first * LABELS + in] + emission[j + 1][in]
                                + inside[k][e - 1] - inside[k][j + 2]
                                + transitions[(contexts[e - 1] & 1) * TRANSITIONS + in * LABELS + last] + emission[e - 1][last];
                    }
                    relax(best, backStart, backFrom, e * states + last, score, j, intoFrom[first], backSubtype,
                            k == ORGANIZATION ? subtype : 0);
                }
            }
        }
        int state = 0;
        for (int y = 1; y < LABELS; y++) {
            if (best[n * states + y] > best[n * states + state]) {
                state = y;
            }
        }
        int[] labels = new int[n];
        int e = n;
        while (e > 0) {
            int j = backStart[e * states + state];
            if (part(state) == END) {
                int k = kind(state);
                labels[j] = label(k, BEGIN);
                for (int i = j + 1; i < e - 1; i++) {
                    labels[i] = label(k, INSIDE);
                }
            }
            labels[e - 1] = state;
            if (subtypes != null) {
                subtypes[j] = backSubtype[e * states + state];
            }
            state = backFrom[e * states + state];
            e = j;
        }
        return labels;
    }

    private static void relax(double[] best, int[] backStart, int[] backFrom, int at, double score, int start, int from,
            byte[] backSubtype, int subtype) {
        if (score > best[at]) {
            best[at] = score;
            backStart[at] = start;
            backFrom[at] = from;
            backSubtype[at] = (byte) subtype;
        }
    }

    /** The names of a labelling as {start, end, kind, subtype} (the subtype of an organisation, else 0). */
    private static List<int[]> segments(int[] labels, int[] subtypes) {
        List<int[]> found = new ArrayList<>();
        int i = 0;
        while (i < labels.length) {
            if (labels[i] == 0) {
                i++;
                continue;
            }
            int start = i;
            if (part(labels[i]) == BEGIN) {
                while (i + 1 < labels.length && part(labels[i + 1]) == INSIDE) {
                    i++;
                }
                i++;
            }
            i++;
            int kind = kind(labels[start]);
            found.add(new int[] {start, Math.min(i, labels.length), kind, kind == ORGANIZATION ? subtypes[start] : 0});
        }
        return found;
    }

    /**
     * Trains on labelled sentences. Character observations seen only once in the training set
     * are left out: they cannot generalise, and they would double the model's size. A span
     * observation gets a weight when it is first found in a right name the decoder missed or
     * in a wrong one it gave.
     */
    static StructuredPerceptron train(List<List<List<String>>> sentences, List<int[]> contexts,
            List<SpanFeatures> spanFeatures, List<int[]> gold, List<int[]> goldSubtypes, int epochs, long seed) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<List<String>> sentence : sentences) {
            for (List<String> position : sentence) {
                for (String name : position) {
                    counts.merge(name, 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> index = new HashMap<>();
        counts.forEach((name, count) -> {
            if (count >= MIN_COUNT) {
                index.put(name, index.size());
            }
        });
        List<int[][]> ids = new ArrayList<>(sentences.size());
        for (List<List<String>> sentence : sentences) {
            ids.add(ids(sentence, index));
        }
        int size = index.size() * LABELS;
        float[] w = new float[size];
        double[] sum = new double[size]; // the step-weighted updates, for the average
        float[] t = new float[CONTEXTS * TRANSITIONS];
        double[] tSum = new double[t.length];
        SpanWeights spans = new SpanWeights(1 << 16, true);
        long[] keys = new long[SpanFeatures.MOST];
        long step = 1;
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            order.add(s);
        }
        Random random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            java.util.Collections.shuffle(order, random);
            for (int s : order) {
                int[][] x = ids.get(s);
                int[] y = gold.get(s);
                int[] context = contexts.get(s);
                SpanFeatures sp = spanFeatures.get(s);
                int[] ySub = goldSubtypes.get(s);
                int[] guessSub = new int[x.length];
                int[] guess = decode(x, context, sp, w, t, spans, guessSub);
                List<int[]> right = segments(y, ySub);
                List<int[]> given = segments(guess, guessSub);
                if (!java.util.Arrays.equals(guess, y) || !sameNames(right, given)) {
                    for (int i = 0; i < x.length; i++) {
                        int prevGold = (context[i] & 1) * TRANSITIONS + (i == 0 ? LABELS : y[i - 1]) * LABELS;
                        int prevGuess = (context[i] & 1) * TRANSITIONS + (i == 0 ? LABELS : guess[i - 1]) * LABELS;
                        if (y[i] != guess[i]) {
                            for (int id : x[i]) {
                                w[id * LABELS + y[i]] += 1;
                                sum[id * LABELS + y[i]] += step;
                                w[id * LABELS + guess[i]] -= 1;
                                sum[id * LABELS + guess[i]] -= step;
                            }
                        }
                        if (y[i] != guess[i] || prevGold != prevGuess) {
                            t[prevGold + y[i]] += 1;
                            tSum[prevGold + y[i]] += step;
                            t[prevGuess + guess[i]] -= 1;
                            tSum[prevGuess + guess[i]] -= step;
                        }
                    }
                    for (int[] name : right) {
                        if (given.stream().noneMatch(g -> java.util.Arrays.equals(g, name))
                                && name[1] - name[0] <= LONGEST_NAME) {
                            spans.update(sp, name, keys, SPAN_RATE, step);
                        }
                    }
                    for (int[] name : given) {
                        if (right.stream().noneMatch(g -> java.util.Arrays.equals(g, name))) {
                            spans.update(sp, name, keys, -SPAN_RATE, step);
                        }
                    }
                }
                step++;
            }
        }
        float[] averaged = new float[size];
        for (int k = 0; k < size; k++) {
            averaged[k] = (float) (w[k] - sum[k] / step);
        }
        float[] averagedTransitions = new float[t.length];
        for (int k = 0; k < t.length; k++) {
            averagedTransitions[k] = (float) (t[k] - tSum[k] / step);
        }
        return new StructuredPerceptron(index, averaged, averagedTransitions, spans.averaged(step, PRUNED))
                .pruned(PRUNED);
    }

    private static boolean sameNames(List<int[]> a, List<int[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The longest name the decoder gives, in UTF-16 units (16 of the 9,009 annotated names are longer). */
    static final int LONGEST_NAME = 32;

    /** Character observations seen fewer times than this in the training sentences are left out. */
    private static final int MIN_COUNT = 3;

    /**
     * How far one mistake moves a span observation's weight; a character observation's moves
     * by 1. Span observations are few against the some forty of each character a name covers,
     * and the labeller fits the training sentences by its characters' weights within a few
     * passes; with steps three times as long the spans' weights count (decision 0054).
     */
    private static final float SPAN_RATE = 3;

    /** Weights smaller than this are left out of a trained model. */
    private static final float PRUNED = 0.01f;

    /** Without the character observations whose every weight is smaller than {@code below}. */
    private StructuredPerceptron pruned(float below) {
        Map<String, Integer> kept = new HashMap<>();
        List<float[]> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : index.entrySet()) {
            int base = entry.getValue() * LABELS;
            boolean useful = false;
            for (int y = 0; y < LABELS; y++) {
                useful |= Math.abs(weights[base + y]) >= below;
            }
            if (useful) {
                kept.put(entry.getKey(), rows.size());
                rows.add(java.util.Arrays.copyOfRange(weights, base, base + LABELS));
            }
        }
        float[] packed = new float[rows.size() * LABELS];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, packed, r * LABELS, LABELS);
        }
        return new StructuredPerceptron(kept, packed, transitions, spans);
    }

    /** How many observations the model weighs: of characters, then of spans. */
    int observations() {
        return index.size() + spans.size();
    }

    int spanObservations() {
        return spans.size();
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeInt(LABELS);
        for (float v : transitions) {
            out.writeFloat(v);
        }
        out.writeInt(index.size());
        String[] names = new String[index.size()];
        index.forEach((name, id) -> names[id] = name);
        java.util.Arrays.sort(names); // the same model always gives the same file
        for (String name : names) {
            out.writeUTF(name);
            int base = index.get(name) * LABELS;
            for (int y = 0; y < LABELS; y++) {
                out.writeFloat(weights[base + y]);
            }
        }
        spans.write(out);
    }

    static StructuredPerceptron read(DataInputStream in) throws IOException {
        int format = in.readInt();
        int labels = in.readInt();
        if (format != FORMAT || labels != LABELS) {
            throw new IOException("not an entity model of this version (format " + format + ", " + labels
                    + " labels; this version reads format " + FORMAT + "): train it again with train-entities");
        }
        float[] transitions = new float[CONTEXTS * TRANSITIONS];
        for (int k = 0; k < transitions.length; k++) {
            transitions[k] = in.readFloat();
        }
        int size = in.readInt();
        Map<String, Integer> index = new HashMap<>(size * 2);
        float[] weights = new float[size * LABELS];
        for (int id = 0; id < size; id++) {
            index.put(in.readUTF(), id);
            for (int y = 0; y < LABELS; y++) {
                weights[id * LABELS + y] = in.readFloat();
            }
        }
        return new StructuredPerceptron(index, weights, transitions, SpanWeights.read(in));
    }

    /**
     * The weights of span observations: a 64-bit key ({@link SpanFeatures}) to {@link #COLUMNS}
     * weights, in an open-addressing table that grows as training finds keys.
     */
    static final class SpanWeights {

        private long[] keys;
        private int[] rows;
        private int size;
        float[] weights;
        /** The step-weighted updates while training, for the average; null in a trained model. */
        private double[] sums;

        SpanWeights(int capacity, boolean training) {
            int slots = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) * 2;
            keys = new long[slots];
            rows = new int[slots];
            weights = new float[capacity * COLUMNS];
            sums = training ? new double[capacity * COLUMNS] : null;
        }

        int size() {
            return size;
        }

        /** The row of {@code key}, or -1. */
        int find(long key) {
            int mask = keys.length - 1;
            for (int slot = (int) (key ^ key >>> 32) & mask; ; slot = slot + 1 & mask) {
                long k = keys[slot];
                if (k == key) {
                    return rows[slot];
                }
                if (k == 0) {
                    return -1;
                }
            }
        }

        /** The row of {@code key}, made if it has none. */
        private int add(long key) {
            int row = find(key);
            if (row >= 0) {
                return row;
            }
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            place(key, size);
            if ((size + 1) * COLUMNS > weights.length) {
                weights = java.util.Arrays.copyOf(weights, weights.length * 2);
                if (sums != null) {
                    sums = java.util.Arrays.copyOf(sums, sums.length * 2);
                }
            }
            return size++;
        }

        private void place(long key, int row) {
            int mask = keys.length - 1;
            int slot = (int) (key ^ key >>> 32) & mask;
            while (keys[slot] != 0) {
                slot = slot + 1 & mask;
            }
            keys[slot] = key;
            rows[slot] = row;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldRows = rows;
            keys = new long[oldKeys.length * 2];
            rows = new int[oldKeys.length * 2];
            for (int s = 0; s < oldKeys.length; s++) {
                if (oldKeys[s] != 0) {
                    place(oldKeys[s], oldRows[s]);
                }
            }
        }

        /** Moves the weights of a name's span observations for its kind by {@code by}. */
        void update(SpanFeatures features, int[] name, long[] buffer, float by, long step) {
            int count = features.of(name[0], name[1], buffer);
            for (int q = 0; q < count; q++) {
                int at = add(buffer[q]) * COLUMNS + column(name[2], name[3]);
                weights[at] += by;
                sums[at] += by * (double) step;
            }
        }

        /** The averaged weights, without the observations whose every weight is smaller than {@code below}. */
        SpanWeights averaged(long step, float below) {
            long[] kept = new long[size];
            float[] rowsKept = new float[size * COLUMNS];
            int count = 0;
            for (int s = 0; s < keys.length; s++) {
                if (keys[s] == 0) {
                    continue;
                }
                int row = rows[s];
                boolean useful = false;
                for (int k = 0; k < COLUMNS; k++) {
                    float v = (float) (weights[row * COLUMNS + k] - sums[row * COLUMNS + k] / step);
                    rowsKept[count * COLUMNS + k] = v;
                    useful |= Math.abs(v) >= below;
                }
                if (useful) {
                    kept[count++] = keys[s];
                }
            }
            return of(java.util.Arrays.copyOf(kept, count), java.util.Arrays.copyOf(rowsKept, count * COLUMNS));
        }

        private static SpanWeights of(long[] keys, float[] rowWeights) {
            SpanWeights table = new SpanWeights(Math.max(1, keys.length), false);
            for (int r = 0; r < keys.length; r++) {
                table.place(keys[r], r);
            }
            table.size = keys.length;
            System.arraycopy(rowWeights, 0, table.weights, 0, keys.length * COLUMNS);
            return table;
        }

        void write(DataOutputStream out) throws IOException {
            long[] sorted = new long[size];
            int count = 0;
            for (long key : keys) {
                if (key != 0) {
                    sorted[count++] = key;
                }
            }
            java.util.Arrays.sort(sorted); // the same model always gives the same file
            out.writeInt(size);
            for (long key : sorted) {
                out.writeLong(key);
                int row = find(key);
                for (int k = 0; k < COLUMNS; k++) {
                    out.writeFloat(weights[row * COLUMNS + k]);
                }
            }
        }

        static SpanWeights read(DataInputStream in) throws IOException {
            int size = in.readInt();
            long[] keys = new long[size];
            float[] rowWeights = new float[size * COLUMNS];
            for (int r = 0; r < size; r++) {
                keys[r] = in.readLong();
                for (int k = 0; k < COLUMNS; k++) {
                    rowWeights[r * COLUMNS + k] = in.readFloat();
                }
            }
            return of(keys, rowWeights);
        }
    }
}
