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
 * A linear sequence labeller: one weight per (observation, label) and per (label, next label),
 * the best label sequence found by Viterbi, trained by the averaged structured perceptron
 * (Collins 2002) — a wrong guess moves the weights towards the right sequence, and the
 * weights kept are their average over all steps, which generalises far better than the last
 * ones. Written here in a few hundred lines rather than pulled in with a machine-learning
 * library (decision 0032).
 *
 * <p>Labels are BIOES over {@link NameKind}s: 0 is outside a name; for a name of kind {@code k},
 * {@code 1 + 4k} begins it, {@code 2 + 4k} continues it, {@code 3 + 4k} ends it and {@code 4 + 4k}
 * is a name of one character. A name that has begun must continue or end with its own kind, and
 * nothing else may continue or end one. With a label of its own, the last character of a name
 * gets weights of its own: where a name ends is what the model gets wrong most after misses
 * and kinds (decision 0043).
 */
final class StructuredPerceptron {

    static final int KINDS = NameKind.values().length;
    static final int LABELS = 1 + 4 * KINDS;
    static final int CONTEXTS = 2;
    private static final int TRANSITIONS = (LABELS + 1) * LABELS;
    private static final int FORMAT = 2;

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

    private StructuredPerceptron(Map<String, Integer> index, float[] weights, float[] transitions) {
        this.index = index;
        this.weights = weights;
        this.transitions = transitions;
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

    /** The best labels for one sentence's observations. */
    int[] label(List<List<String>> observations, int[] contexts) {
        return viterbi(ids(observations, index), contexts, weights, transitions);
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

    private static int[] viterbi(int[][] ids, int[] contexts, float[] weights, float[] transitions) {
        int n = ids.length;
        if (n == 0) {
            return new int[0];
        }
        double[][] best = new double[n][LABELS];
        int[][] back = new int[n][LABELS];
        double[] emission = new double[LABELS];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(emission, 0);
            for (int id : ids[i]) {
                int base = id * LABELS;
                for (int y = 0; y < LABELS; y++) {
                    emission[y] += weights[base + y];
                }
            }
            int offset = (contexts[i] & 1) * TRANSITIONS;
            for (int y = 0; y < LABELS; y++) {
                double top = Double.NEGATIVE_INFINITY;
                int from = -1;
                if (locked(contexts[i], y)) {
                    best[i][y] = top;
                    back[i][y] = from;
                    continue;
                }
                if (i == 0) {
                    if (allowed(LABELS, y)) {
                        top = transitions[offset + LABELS * LABELS + y];
                        from = LABELS;
                    }
                } else {
                    for (int p = 0; p < LABELS; p++) {
                        if (allowed(p, y) && best[i - 1][p] != Double.NEGATIVE_INFINITY) {
                            double score = best[i - 1][p] + transitions[offset + p * LABELS + y];
                            if (score > top) {
                                top = score;
                                from = p;
                            }
                        }
                    }
                }
                best[i][y] = top == Double.NEGATIVE_INFINITY ? top : top + emission[y];
                back[i][y] = from;
            }
        }
        int[] labels = new int[n];
        int last = 0;
        for (int y = 1; y < LABELS; y++) {
            if (!open(y) && best[n - 1][y] > best[n - 1][last]) { // a sentence does not end inside a name
                last = y;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            labels[i] = last;
            last = back[i][last];
        }
        return labels;
    }

    /**
     * Trains on labelled sentences. Observations seen only once in the training set are left
     * out: they cannot generalise, and they would double the model's size.
     */
    static StructuredPerceptron train(List<List<List<String>>> sentences, List<int[]> contexts, List<int[]> gold,
            int epochs, long seed) {
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
            if (count >= 2) {
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
                int[] guess = viterbi(x, context, w, t);
                if (!java.util.Arrays.equals(guess, y)) {
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
        return new StructuredPerceptron(index, averaged, averagedTransitions).pruned(0.01f);
    }

    /** Without the observations whose every weight is smaller than {@code below}. */
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
        return new StructuredPerceptron(kept, packed, transitions);
    }

    int observations() {
        return index.size();
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
    }

    static StructuredPerceptron read(DataInputStream in) throws IOException {
        int format = in.readInt();
        int labels = in.readInt();
        if (format != FORMAT || labels != LABELS) {
            throw new IOException("not an entity model of this version (format " + format + ", " + labels + " labels)");
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
        return new StructuredPerceptron(index, weights, transitions);
    }
}
