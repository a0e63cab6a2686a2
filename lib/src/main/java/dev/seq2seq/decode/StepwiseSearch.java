package dev.seq2seq.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import dev.seq2seq.Shapes;
import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.DecoderState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The decoding loop of every search that keeps one hypothesis per sentence ({@link GreedySearch},
 * {@link Sampler}): starting from {@code <bos>}, each step runs the decoder once for the whole
 * batch and a {@link TokenChooser} picks each unfinished sentence's next token, in batch order,
 * until the sentence emits {@code <eos>} or reaches its {@link MaxLength}. A finished sentence
 * leaves the batch: the state keeps only the rows of unfinished sentences ({@link
 * StateGather#all}), so later steps compute only those, as in {@link BeamSearch}.
 *
 * <p>Memory: the encoder and each step run in their own scope ({@link ScopedStep}); the loop keeps
 * no arrays after it returns. Shapes: B batch, S source steps, V target vocabulary.
 */
final class StepwiseSearch {

    private final Seq2SeqModel model;
    private final MaxLength maxLength;
    private final TokenChooser chooser;

    /**
     * Creates the loop.
     *
     * @param model the trained model
     * @param maxLength the maximum output length
     * @param chooser the policy that picks each next token
     * @throws NullPointerException if an argument is null
     */
    StepwiseSearch(Seq2SeqModel model, MaxLength maxLength, TokenChooser chooser) {
        this.model = Objects.requireNonNull(model, "model");
        this.maxLength = Objects.requireNonNull(maxLength, "maxLength");
        this.chooser = Objects.requireNonNull(chooser, "chooser");
    }

    /**
     * Returns the maximum output length.
     *
     * @return {@code a·|x| + b}
     */
    MaxLength maxLength() {
        return maxLength;
    }

    /**
     * Decodes a batch, one hypothesis per sentence.
     *
     * @param source source ids followed by {@code <eos>}, padded (B, S) int64
     * @param sourceLengths valid lengths (B) int64, {@code <eos>} included
     * @return one hypothesis per sentence, in batch order
     * @throws IllegalArgumentException if a shape is wrong
     */
    List<Hypothesis> search(NDArray source, NDArray sourceLengths) {
        long[] lengths = checkedLengths(source, sourceLengths);
        int b = lengths.length;
        List<Output> outputs = new ArrayList<>(b);
        int maxSteps = 0;
        for (long length : lengths) {
            outputs.add(new Output((int) length, maxLength.of(length)));
            maxSteps = Math.max(maxSteps, maxLength.of(length));
        }
        long[] previous = new long[b]; // the previous token of each row of the state
        Arrays.fill(previous, Vocabulary.BOS_ID);
        int[] sentences = new int[b]; // the sentence of each row of the state
        Arrays.setAll(sentences, i -> i);
        try (NDManager manager = NDManager.subManagerOf(source)) {
            ParameterStore ps = new ParameterStore(manager, false);
            long[] rows = new long[b];
            Arrays.setAll(rows, i -> i);
            DecoderState state = ScopedStep.encode(model, ps, manager, source, sourceLengths, rows);
            for (int t = 0; t < maxSteps && sentences.length > 0; t++) {
                ScopedStep.Result step =
                        ScopedStep.run(model, ps, manager, previous, state, chooser.candidates());
                state = step.state();
                int unfinished = 0;
                for (int r = 0; r < sentences.length; r++) {
                    Output output = outputs.get(sentences[r]);
                    int y = chooser.choose(step.output(), r, t);
                    output.add(y, step.output(), r);
                    previous[r] = y;
                    unfinished += output.done ? 0 : 1;
                }
                if (unfinished < sentences.length) {
                    long[] kept = new long[unfinished];
                    int[] keptSentences = new int[unfinished];
                    long[] keptPrevious = new long[unfinished];
                    for (int r = 0, u = 0; r < sentences.length; r++) {
                        if (!outputs.get(sentences[r]).done) {
                            kept[u] = r;
                            keptSentences[u] = sentences[r];
                            keptPrevious[u++] = previous[r];
                        }
                    }
                    state = unfinished > 0 ? StateGather.all(manager, state, kept) : state;
                    sentences = keptSentences;
                    previous = keptPrevious;
                }
            }
        }
        return outputs.stream().map(Output::hypothesis).toList();
    }

    /**
     * Checks a batch's shapes, as every search does.
     *
     * @param source (B, S)
     * @param sourceLengths (B)
     * @return the lengths on the host (B)
     * @throws IllegalArgumentException naming the input whose shape is wrong
     */
    static long[] checkedLengths(NDArray source, NDArray sourceLengths) {
        Shapes.check("source", source, "B, S", Shapes.ANY, Shapes.ANY);
        Shapes.check("sourceLengths", sourceLengths, "B", source.getShape().get(0));
        return sourceLengths.toLongArray();
    }

    /** The growing output of one sentence. */
    private static final class Output {
        private final int sourceLength;
        private final int limit;
        private final List<Integer> tokens = new ArrayList<>();
        private final List<Float> logProbs = new ArrayList<>();
        private final List<float[]> attention = new ArrayList<>();
        private boolean done;

        Output(int sourceLength, int limit) {
            this.sourceLength = sourceLength;
            this.limit = limit;
        }

        /** Appends token y of row i; finishes on {@code <eos>} or at the maximum length. */
        void add(int y, StepOutput step, int i) {
            logProbs.add(step.logProb(i, y));
            if (step.hasAttention()) {
                attention.add(step.attention(i, sourceLength)); // (S_i)
            }
            if (y == Vocabulary.EOS_ID) {
                done = true;
            } else {
                tokens.add(y);
                done = tokens.size() >= limit;
            }
        }

        Hypothesis hypothesis() {
            int[] ids = tokens.stream().mapToInt(Integer::intValue).toArray();
            float[] lp = new float[logProbs.size()];
            double score = 0;
            for (int t = 0; t < lp.length; t++) {
                lp[t] = logProbs.get(t);
                score += lp[t];
            }
            float[][] weights = attention.isEmpty() ? null : attention.toArray(new float[0][]);
            return new Hypothesis(ids, score, lp, weights, lp.length == ids.length + 1);
        }
    }
}
