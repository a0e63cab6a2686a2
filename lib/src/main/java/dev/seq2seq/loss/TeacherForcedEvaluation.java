package dev.seq2seq.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;

import dev.seq2seq.data.BucketSampler;
import dev.seq2seq.data.EncodedPair;
import dev.seq2seq.data.Seq2SeqBatch;
import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.model.Seq2SeqModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The teacher-forced evaluation of a model, the library's one loop for it: at every target position
 * the decoder is fed the reference prefix ({@code <bos>} then the reference tokens), without
 * dropout or gradients, and its logits are scored against the reference token. It gives the loss
 * (mean negative log-likelihood per token), the perplexity and the token accuracy, as {@link
 * TokenStats}, and the reference and argmax token id of every position, for an error analysis (e.g.
 * {@code eval.TokenPredictions}, which turns them into Tribuo predictions). The trainer's
 * validation is this evaluation.
 *
 * <p>Positions are the valid target steps, {@code <eos>} included and padding excluded: a pair with
 * n target tokens contributes n + 1 positions, whatever the batch it is padded in, so the results
 * do not depend on the batch size (up to floating-point rounding of the loss).
 *
 * <p>Shapes (B: batch, T: target steps with {@code <eos>}, V: target vocabulary): the model maps
 * {@code <bos>}+target (B, T) to logits (B, T, V); {@link MaskedCrossEntropyLoss#tokenStats} counts
 * the batch's statistics, and the argmax over V, (B, T), gives the first {@code targetLength + 1}
 * predicted ids of each row. Each batch's arrays are freed before the next batch.
 *
 * <p>Empty input (no pair) gives zero tokens, and then, as {@link TokenStats} defines it, NaN loss,
 * perplexity and accuracy.
 */
public final class TeacherForcedEvaluation {

    private final TokenStats stats;
    private final int[] referenceIds;
    private final int[] predictedIds;

    private TeacherForcedEvaluation(TokenStats stats, int[] referenceIds, int[] predictedIds) {
        this.stats = stats;
        this.referenceIds = referenceIds;
        this.predictedIds = predictedIds;
    }

    /**
     * Runs the model teacher-forced over the pairs, in batches of B pairs in their given order.
     *
     * @param model the model, initialised or trained
     * @param manager the manager of the model's parameters (and device); each batch lives in a
     *     sub-manager of it, closed after the batch
     * @param pairs the encoded pairs, e.g. {@code dataset.pairs()}; may be empty
     * @param batchSize B, at least 1
     * @return the statistics and the per-position ids, pair by pair in the given order
     * @throws IllegalArgumentException if B is below 1
     */
    public static TeacherForcedEvaluation of(
            Seq2SeqModel model, NDManager manager, List<EncodedPair> pairs, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        BucketSampler sampler =
                BucketSampler.builder().setBatchSize(batchSize).optShuffle(false).build();
        List<List<Integer>> plan = sampler.batches(pairs, 0);
        ParameterStore ps = new ParameterStore(manager, false);
        TokenStats stats = TokenStats.ZERO;
        int positions = 0;
        for (EncodedPair pair : pairs) {
            positions += pair.targetLength() + 1;
        }
        int[] references = new int[positions];
        int[] predicted = new int[positions];
        int[] start = new int[pairs.size()]; // first position of each pair, in the given order
        for (int i = 1; i < pairs.size(); i++) {
            start[i] = start[i - 1] + pairs.get(i - 1).targetLength() + 1;
        }
        for (int k = 0; k < plan.size(); k++) {
            List<EncodedPair> members = new ArrayList<>();
            for (int i : plan.get(k)) {
                members.add(pairs.get(i));
            }
            try (Seq2SeqBatch batch = Seq2SeqBatch.create(manager, members, k + 1, plan.size())) {
                NDList inputs =
                        new NDList(batch.source(), batch.sourceLengths(), batch.targetInput());
                NDList labels = new NDList(batch.targetOutput(), batch.targetLengths());
                NDList predictions = model.forward(ps, inputs, false);
                stats = stats.plus(MaskedCrossEntropyLoss.tokenStats(labels, predictions));
                NDArray logits = predictions.head(); // (B, T, V)
                long t = logits.getShape().get(1);
                long[] argmax = logits.argMax(2).toType(DataType.INT64, false).toLongArray(); // B·T
                for (int row = 0; row < members.size(); row++) {
                    int[] target = members.get(row).target();
                    int at = start[plan.get(k).get(row)];
                    for (int i = 0; i <= target.length; i++) {
                        references[at + i] = i < target.length ? target[i] : Vocabulary.EOS_ID;
                        predicted[at + i] = (int) argmax[(int) (row * t + i)];
                    }
                }
            }
        }
        return new TeacherForcedEvaluation(stats, references, predicted);
    }

    /**
     * Returns the summed statistics over all valid target positions.
     *
     * @return the summed NLL, the number of positions and the number predicted correctly
     */
    public TokenStats stats() {
        return stats;
    }

    /**
     * Returns the number of valid target positions, {@code <eos>} included.
     *
     * @return the token count, the length of {@link #referenceIds()}
     */
    public long tokens() {
        return stats.tokens();
    }

    /**
     * Returns the loss: the mean negative log-likelihood per token (unsmoothed cross-entropy).
     *
     * @return the mean NLL in nats, NaN when there are no tokens
     */
    public double meanNll() {
        return stats.meanNll();
    }

    /**
     * Returns the perplexity {@code exp(meanNll())}.
     *
     * @return the perplexity, NaN when there are no tokens
     */
    public double perplexity() {
        return stats.perplexity();
    }

    /**
     * Returns the token accuracy, the fraction of positions whose argmax is the reference.
     *
     * @return the accuracy in [0, 1], NaN when there are no tokens
     */
    public double accuracy() {
        return stats.accuracy();
    }

    /**
     * Returns the reference token id of every position.
     *
     * @return a new array of {@link #tokens()} ids, pair by pair in the given order, each pair's
     *     target ids followed by {@link Vocabulary#EOS_ID}
     */
    public int[] referenceIds() {
        return Arrays.copyOf(referenceIds, referenceIds.length);
    }

    /**
     * Returns the argmax token id of every position, aligned with {@link #referenceIds()}.
     *
     * @return a new array of {@link #tokens()} ids
     */
    public int[] predictedIds() {
        return Arrays.copyOf(predictedIds, predictedIds.length);
    }
}
