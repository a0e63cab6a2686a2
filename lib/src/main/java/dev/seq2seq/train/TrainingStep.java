package dev.seq2seq.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;

import dev.seq2seq.data.Seq2SeqBatch;
import dev.seq2seq.loss.MaskedCrossEntropyLoss;
import dev.seq2seq.loss.TokenStats;
import dev.seq2seq.model.Seq2SeqModel;
import dev.seq2seq.nn.ForwardListener;

/**
 * One optimisation step on one batch, in four phases: forward (teacher forcing or scheduled
 * sampling) with the masked cross-entropy, backward, global-norm clipping, and the Adam update. Its
 * {@link StepListener} hears the start of each step and the end of each phase, so that a benchmark
 * can say where the time goes; within the forward phase, the model's {@link ForwardListener} hears
 * the start of the pass and the end of the loss, as the model tells it the ends of the encoder, the
 * decoder and the output projection. Nobody listens unless a listener is attached.
 */
public final class TrainingStep {

    /** The phases of a step, in order. */
    public enum Phase {
        FORWARD,
        BACKWARD,
        CLIP,
        UPDATE
    }

    private final Seq2SeqModel model;
    private final ParameterStore ps;
    private final Optimizer adam;
    private final MaskedCrossEntropyLoss loss;
    private final double clipNorm;
    private static final NDIndex ALL = new NDIndex("...");

    private volatile StepListener listener = StepListener.NONE;
    private long skipped;
    private long updates;
    private boolean gradientsDirty = true; // until an update has zeroed them
    private double lastNorm = Double.NaN;

    /**
     * Creates the step, with Adam over all of the model's parameters.
     *
     * @param model the initialised model
     * @param manager the manager that owns the parameters
     * @param learningRate the learning-rate schedule, over updates
     * @param labelSmoothing ε of the loss
     * @param clipNorm the maximum global gradient norm, 0 for none
     */
    public TrainingStep(
            Seq2SeqModel model,
            NDManager manager,
            Tracker learningRate,
            float labelSmoothing,
            double clipNorm) {
        this.model = model;
        this.ps = new ParameterStore(manager, false);
        this.adam = Optimizer.adam().optLearningRateTracker(learningRate).build();
        this.loss = MaskedCrossEntropyLoss.builder().optLabelSmoothing(labelSmoothing).build();
        this.clipNorm = clipNorm;
    }

    /**
     * Trains on one batch.
     *
     * @param batch the batch (the caller closes it)
     * @param teacherForcingRatio the probability of feeding the reference token
     * @return the batch's token statistics (before the update)
     */
    public TokenStats run(Seq2SeqBatch batch, double teacherForcingRatio) {
        NDList inputs = new NDList(batch.source(), batch.sourceLengths(), batch.targetInput());
        NDList labels = new NDList(batch.targetOutput(), batch.targetLengths());
        TokenStats stats;
        StepListener heard = listener;
        heard.stepStarted();
        zeroGradients();
        gradientsDirty = true; // until the update below has run
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            MaskedCrossEntropyLoss.Evaluation evaluated;
            ForwardListener listener = model.forwardListener();
            listener.forwardStarted();
            NDList predictions =
                    ScheduledSampling.forward(model, ps, inputs, teacherForcingRatio, true);
            evaluated = loss.evaluateWithStats(labels, predictions);
            listener.partEnded(ForwardListener.Part.LOSS);
            stats = evaluated.stats();
            heard.phaseEnded(Phase.FORWARD);
            collector.backward(evaluated.loss()); // ()
            heard.phaseEnded(Phase.BACKWARD);
        }
        double norm =
                clipNorm > 0
                        ? GradientClipping.clipByGlobalNorm(model.getParameters(), clipNorm)
                        : 0;
        lastNorm = clipNorm > 0 ? norm : Double.NaN;
        heard.phaseEnded(Phase.CLIP);
        if (!Double.isFinite(norm)) {
            skipped++; // an overflow in one batch must not turn every parameter into NaN
            return stats;
        }
        if (updates++ == 0) {
            update(); // creates the optimizer's state, which must outlive the step
        } else {
            try (NDScope ignored = new NDScope()) {
                update(); // frees the gradient views DJL creates for each update
            }
        }
        gradientsDirty = false;
        heard.phaseEnded(Phase.UPDATE);
        return stats;
    }

    /**
     * Returns the global gradient norm of the last step, before clipping.
     *
     * @return the norm, NaN if clipping is off (the norm is then not computed) or before any step
     */
    public double lastGradientNorm() {
        return lastNorm;
    }

    /**
     * Returns how many updates were skipped because the gradient norm was NaN or infinite (checked
     * only when clipping, which computes the norm anyway); the parameters are left as they were.
     *
     * @return the number of skipped updates since creation
     */
    public long skippedUpdates() {
        return skipped;
    }

    /**
     * Applies Adam to every parameter with its gradient. This is what DJL's {@code
     * ParameterStore.updateAllParameters} does through its {@code LocalParameterServer}, minus a
     * copy of every gradient that server makes to sum gradients over several devices (one device
     * here). On PyTorch, DJL's Adam update also sets the gradient to zero once it has read it, so
     * after an update the next step needs no zeroing.
     */
    private void update() {
        for (Pair<String, Parameter> p : model.getParameters()) {
            Parameter parameter = p.getValue();
            NDArray weight = parameter.getArray();
            if (parameter.requiresGradient() && weight.hasGradient()) {
                adam.update(parameter.getId(), weight, weight.getGradient());
            }
        }
    }

    /**
     * Sets this model's gradients to zero, when they may not be: before the first step and after a
     * skipped update (an update zeroes them, see {@link #update}). DJL's {@code
     * GradientCollector.zeroGradients()} is not used: on PyTorch it visits every array of the
     * process and allocates a zero gradient for each parameter of every other model alive (tens of
     * MB per step with a second model loaded).
     */
    private void zeroGradients() {
        if (!gradientsDirty) {
            return;
        }
        try (NDScope ignored = new NDScope()) {
            for (Pair<String, Parameter> p : model.getParameters()) {
                NDArray weight = p.getValue().getArray();
                if (weight.hasGradient()) {
                    NDArray gradient = weight.getGradient();
                    gradient.set(ALL, 0f); // in place; also clears a skipped step's NaN
                }
            }
        }
    }

    /**
     * Attaches a listener that hears the start of every step and the end of each phase, until
     * another replaces it; {@link StepListener#NONE} detaches it.
     *
     * @param listener the listener
     * @throws NullPointerException if listener is null
     */
    public void setStepListener(StepListener listener) {
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
    }
}
