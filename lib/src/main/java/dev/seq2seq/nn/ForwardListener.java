package dev.seq2seq.nn;

/**
 * Hears where a forward pass's time goes, as DJL's {@code TrainingListener} hears a trainer's
 * batches: the model calls it at the end of each part of a forward pass, and by default nobody
 * listens ({@link #NONE}). A benchmark attaches one ({@code perf.TrainingClock}) with {@code
 * Seq2SeqModel.setForwardListener} while it times training steps, and detaches it after.
 *
 * <p>The parts, in the order a teacher-forced forward pass runs them:
 *
 * <ul>
 *   <li>{@link Part#ENCODER}: up to the end of {@code Seq2SeqModel.encode}: the source embedding,
 *       the encoder, the bridge and the decoder's initial state (for additive attention, the keys,
 *       projected once per source);
 *   <li>{@link Part#DECODER}: the decoder up to its features, before each call of the output
 *       projection: the target embedding, the recurrence or the layers, attention, the readout (in
 *       scheduled sampling, also the choice of each next input token);
 *   <li>{@link Part#OUTPUT_PROJECTION}: the features' dropout and their projection to vocabulary
 *       scores, {@code (.., F) x (F, V)};
 *   <li>{@link Part#LOSS}: the masked cross-entropy, reported by the training step.
 * </ul>
 *
 * <p>Under teacher forcing the recurrent decoders and the Transformer project all T positions at
 * once, so each part ends once per batch; a step-by-step pass (scheduled sampling, searches) ends
 * the decoder and the output projection once per step. The listener hears every forward pass of the
 * model, on any thread: attach one only while nothing else runs the model.
 */
public interface ForwardListener {

    /** The parts of a forward pass, in the order they run. */
    enum Part {
        ENCODER,
        DECODER,
        OUTPUT_PROJECTION,
        LOSS
    }

    /** The listener that ignores everything: a model's listener unless one is attached. */
    ForwardListener NONE = part -> {};

    /** Called when a forward pass starts, before the encoder: the training step calls it. */
    default void forwardStarted() {}

    /**
     * Called at the end of a part of a forward pass.
     *
     * @param part the part that just ended
     */
    void partEnded(Part part);
}
