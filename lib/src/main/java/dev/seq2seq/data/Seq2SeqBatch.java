package dev.seq2seq.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.util.Preconditions;

import java.util.ArrayList;
import java.util.List;

/**
 * A padded batch of sentence pairs: a DJL {@link Batch} whose data are the source ids and lengths
 * and whose labels are the decoder's input and output ids and the target lengths.
 *
 * <p>Shapes (B: batch, S: source steps, T: target steps), all {@code int64}, padded with {@link
 * Vocabulary#PAD_ID}:
 *
 * <ul>
 *   <li>{@link #source()} (B, S): source ids followed by {@code <eos>};
 *   <li>{@link #sourceLengths()} (B): the number of valid source steps, {@code <eos>} included;
 *   <li>{@link #targetInput()} (B, T): {@code <bos>} followed by the target ids (teacher forcing);
 *   <li>{@link #targetOutput()} (B, T): the target ids followed by {@code <eos>};
 *   <li>{@link #targetLengths()} (B): the number of valid target steps.
 * </ul>
 *
 * <p>The tensors live in the batch's own sub-manager: {@link #close()} frees them.
 */
public final class Seq2SeqBatch extends Batch {

    private final List<Integer> pairIndices;

    private Seq2SeqBatch(
            NDManager manager,
            NDList data,
            NDList labels,
            List<Integer> pairIndices,
            long progress,
            long progressTotal) {
        super(
                manager,
                data,
                labels,
                pairIndices.size(),
                null,
                null,
                progress,
                progressTotal,
                pairIndices);
        this.pairIndices = List.copyOf(pairIndices);
    }

    /**
     * Pads encoded pairs into a batch, with one host-to-device copy per tensor.
     *
     * @param parent the manager whose sub-manager will own the tensors
     * @param pairs the pairs, at least one
     * @param progress the 1-based number of this batch in its epoch
     * @param progressTotal the number of batches in the epoch
     * @return the batch
     * @throws IllegalArgumentException if {@code pairs} is empty
     */
    public static Seq2SeqBatch create(
            NDManager parent, List<EncodedPair> pairs, long progress, long progressTotal) {
        Preconditions.checkArgument(!pairs.isEmpty(), "a batch needs at least one pair");
        int b = pairs.size();
        int s = 0;
        int t = 0;
        for (EncodedPair pair : pairs) {
            s = Math.max(s, pair.sourceLength() + 1);
            t = Math.max(t, pair.targetLength() + 1);
        }
        long[] source = new long[b * s];
        long[] targetIn = new long[b * t];
        long[] targetOut = new long[b * t];
        long[] sourceLengths = new long[b];
        long[] targetLengths = new long[b];
        List<Integer> indices = new ArrayList<>(b);
        for (int row = 0; row < b; row++) {
            EncodedPair pair = pairs.get(row);
            int[] x = pair.source();
            int[] y = pair.target();
            for (int i = 0; i < x.length; i++) {
                source[row * s + i] = x[i];
            }
            source[row * s + x.length] = Vocabulary.EOS_ID;
            targetIn[row * t] = Vocabulary.BOS_ID;
            for (int i = 0; i < y.length; i++) {
                targetIn[row * t + i + 1] = y[i];
                targetOut[row * t + i] = y[i];
            }
            targetOut[row * t + y.length] = Vocabulary.EOS_ID;
            sourceLengths[row] = x.length + 1L;
            targetLengths[row] = y.length + 1L;
            indices.add(pair.index());
        }
        NDManager manager = parent.newSubManager();
        NDList data =
                new NDList(
                        manager.create(source, new Shape(b, s)),
                        manager.create(sourceLengths, new Shape(b)));
        NDList labels =
                new NDList(
                        manager.create(targetIn, new Shape(b, t)),
                        manager.create(targetOut, new Shape(b, t)),
                        manager.create(targetLengths, new Shape(b)));
        return new Seq2SeqBatch(manager, data, labels, indices, progress, progressTotal);
    }

    /**
     * Returns the source ids followed by {@code <eos>}, padded.
     *
     * @return (B, S) int64
     */
    public NDArray source() {
        return getData().get(0);
    }

    /**
     * Returns the valid source lengths, {@code <eos>} included.
     *
     * @return (B) int64
     */
    public NDArray sourceLengths() {
        return getData().get(1);
    }

    /**
     * Returns the decoder inputs: {@code <bos>} then the target ids, padded.
     *
     * @return (B, T) int64
     */
    public NDArray targetInput() {
        return getLabels().get(0);
    }

    /**
     * Returns the decoder outputs: the target ids then {@code <eos>}, padded.
     *
     * @return (B, T) int64
     */
    public NDArray targetOutput() {
        return getLabels().get(1);
    }

    /**
     * Returns the valid target lengths, {@code <eos>} included.
     *
     * @return (B) int64
     */
    public NDArray targetLengths() {
        return getLabels().get(2);
    }

    /**
     * Returns, for each row, the index of its pair in the list the dataset was encoded from.
     *
     * @return B indices
     */
    public List<Integer> pairIndices() {
        return pairIndices;
    }
}
