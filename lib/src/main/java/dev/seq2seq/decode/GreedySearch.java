package dev.seq2seq.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import dev.seq2seq.Shapes;
import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.nn.DecoderState;
import dev.seq2seq.nn.Seq2SeqModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy search: at each step, every sentence of the batch takes its most likely next token, {@code
 * y_t = argmax p(y | y_<t, x)}, until it emits {@code <eos>} or reaches its maximum length {@code
 * a·|x| + b}. The whole batch advances with one decoder step per time step.
 *
 * <p>Ties go to the lowest token id. Shapes: B batch, S source steps, V target vocabulary.
 */
public final class GreedySearch {

    private final Seq2SeqModel model;
    private final MaxLength maxLength;

    /**
     * Creates a greedy search.
     *
     * @param model the trained model
     * @param lengthRatio a in the maximum output length {@code a·|x| + b}
     * @param lengthOffset b in the maximum output length
     * @throws IllegalArgumentException if {@code a < 0} or {@code b < 1}
     */
    public GreedySearch(Seq2SeqModel model, double lengthRatio, int lengthOffset) {
        this.model = model;
        this.maxLength = new MaxLength(lengthRatio, lengthOffset);
    }

    /**
     * Creates a greedy search with the maximum length {@code 2·|x| + 10}.
     *
     * @param model the trained model
     */
    public GreedySearch(Seq2SeqModel model) {
        this(model, 2.0, 10);
    }

    /**
     * Translates a batch.
     *
     * @param source source ids followed by {@code <eos>}, padded (B, S) int64
     * @param sourceLengths valid lengths (B) int64, {@code <eos>} included
     * @return one hypothesis per sentence, in batch order
     * @throws IllegalArgumentException if a shape is wrong
     */
    public List<Hypothesis> search(NDArray source, NDArray sourceLengths) {
        long b = source.getShape().get(0);
        Shapes.check("sourceLengths", sourceLengths, "B", b);
        long[] lengths = sourceLengths.toLongArray();
        try (NDManager manager = NDManager.subManagerOf(source)) {
            ParameterStore ps = new ParameterStore(manager, false);
            DecoderState state = model.encode(ps, source, sourceLengths, false);
            int rows = (int) b;
            int[] limit = new int[rows];
            int maxSteps = 0;
            for (int i = 0; i < rows; i++) {
                limit[i] = maxLength.of(lengths[i]);
                maxSteps = Math.max(maxSteps, limit[i]);
            }
            List<List<Integer>> tokens = new ArrayList<>();
            List<List<Float>> logProbs = new ArrayList<>();
            List<List<float[]>> attention = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                tokens.add(new ArrayList<>());
                logProbs.add(new ArrayList<>());
                attention.add(new ArrayList<>());
            }
            boolean[] finished = new boolean[rows];
            long[] previous = new long[rows];
            Arrays.fill(previous, Vocabulary.BOS_ID);
            int active = rows;
            int s = 0;
            for (int t = 0; t < maxSteps && active > 0; t++) {
                ScopedStep.Result step = ScopedStep.run(model, ps, manager, previous, state);
                state = step.state();
                int v = step.logProbs().length / rows;
                s = step.attention() == null ? 0 : step.attention().length / rows;
                for (int i = 0; i < rows; i++) {
                    if (finished[i]) {
                        previous[i] = Vocabulary.PAD_ID;
                        continue;
                    }
                    int best = argMax(step.logProbs(), i * v, v);
                    logProbs.get(i).add(step.logProbs()[i * v + best]);
                    if (s > 0) {
                        attention
                                .get(i)
                                .add(
                                        Arrays.copyOfRange(
                                                step.attention(), i * s, i * s + (int) lengths[i]));
                    }
                    if (best == Vocabulary.EOS_ID) {
                        finished[i] = true;
                    } else {
                        tokens.get(i).add(best);
                        finished[i] = tokens.get(i).size() >= limit[i];
                    }
                    if (finished[i]) {
                        active--;
                    }
                    previous[i] = best;
                }
            }
            List<Hypothesis> result = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                result.add(hypothesis(tokens.get(i), logProbs.get(i), attention.get(i), s > 0));
            }
            return result;
        }
    }

    private static Hypothesis hypothesis(
            List<Integer> tokens,
            List<Float> logProbs,
            List<float[]> attention,
            boolean hasAttention) {
        int[] ids = tokens.stream().mapToInt(Integer::intValue).toArray();
        float[] lp = new float[logProbs.size()];
        double score = 0;
        for (int i = 0; i < lp.length; i++) {
            lp[i] = logProbs.get(i);
            score += lp[i];
        }
        boolean finished = lp.length == ids.length + 1;
        float[][] weights = hasAttention ? attention.toArray(new float[0][]) : null;
        return new Hypothesis(ids, score, lp, weights, finished);
    }

    /**
     * Returns the index of the largest value in {@code values[from, from + n)}; ties go to the
     * lowest index.
     */
    static int argMax(float[] values, int from, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) {
            if (values[from + j] > values[from + best]) {
                best = j;
            }
        }
        return best;
    }
}
