package dev.seq2seq.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;

import java.util.Collection;

/**
 * Gradient clipping by global norm (Pascanu, Mikolov and Bengio 2013, "On the difficulty of
 * training recurrent neural networks", algorithm 1), as PyTorch's {@code clip_grad_norm_}: when the
 * L2 norm of all gradients taken together exceeds a threshold, every gradient is scaled by the same
 * factor so that the global norm equals the threshold. The direction of the update is kept; only
 * its length is capped. DJL's {@code Optimizer.optClipGrad} instead clips each gradient element to
 * a range, which changes the direction.
 *
 * <p>Call it between {@code backward} and the optimizer step, e.g. {@code
 * clipByGlobalNorm(model.getBlock().getParameters(), 1.0)} before {@code trainer.step()}. The
 * gradients are scaled in place: on PyTorch, {@code getGradient()} returns a new handle to the
 * parameter's own {@code .grad} tensor, so the optimizer reads the clipped values (DJL's own {@code
 * zeroGradients} relies on the same in-place write; the test checks an SGD step).
 */
public final class GradientClipping {

    private GradientClipping() {}

    /**
     * Clips the gradients of a block's parameters; see {@link #clipByGlobalNorm(Collection,
     * double)}.
     *
     * @param parameters the parameters, e.g. {@code block.getParameters()}
     * @param maxNorm the largest allowed global norm, finite and &gt; 0
     * @return the global norm before clipping
     * @throws IllegalArgumentException if {@code maxNorm} is not finite and positive
     */
    public static double clipByGlobalNorm(ParameterList parameters, double maxNorm) {
        return clipByGlobalNorm(parameters.values(), maxNorm);
    }

    /**
     * Scales all gradients in place by {@code maxNorm / norm} when the global norm {@code norm =
     * sqrt(Σ_p Σ_i grad_p[i]²)} exceeds {@code maxNorm}; leaves them unchanged otherwise.
     * Parameters that are frozen, uninitialised or have no gradient are skipped. When the norm is
     * NaN or infinite the gradients are left unchanged and the norm is returned, so that the caller
     * can skip the update.
     *
     * @param parameters the parameters whose gradients to clip
     * @param maxNorm the largest allowed global norm, finite and &gt; 0
     * @return the global norm before clipping (0 when no parameter has a gradient)
     * @throws IllegalArgumentException if {@code maxNorm} is not finite and positive
     */
    public static double clipByGlobalNorm(Collection<Parameter> parameters, double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("maxNorm must be finite and > 0, got " + maxNorm);
        }
        try (NDScope ignored = new NDScope()) {
            NDList gradients = gradients(parameters);
            double norm = globalNorm(gradients);
            if (norm > maxNorm && Double.isFinite(norm)) {
                float scale = (float) (maxNorm / norm);
                for (NDArray gradient : gradients) {
                    gradient.muli(scale);
                }
            }
            return norm;
        }
    }

    /**
     * Returns the global L2 norm of the parameters' gradients without changing them, e.g. to log
     * it.
     *
     * @param parameters the parameters
     * @return {@code sqrt(Σ_p Σ_i grad_p[i]²)}, 0 when no parameter has a gradient
     */
    public static double globalNorm(Collection<Parameter> parameters) {
        try (NDScope ignored = new NDScope()) {
            return globalNorm(gradients(parameters));
        }
    }

    /** Returns the gradients; the new handles are closed by the caller's scope. */
    private static NDList gradients(Collection<Parameter> parameters) {
        NDList gradients = new NDList();
        for (Parameter parameter : parameters) {
            if (parameter.requiresGradient() && parameter.isInitialized()) {
                NDArray array = parameter.getArray();
                if (array.hasGradient()) {
                    gradients.add(array.getGradient());
                }
            }
        }
        return gradients;
    }

    /** Sums squares on the device and copies one number to the host. */
    private static double globalNorm(NDList gradients) {
        if (gradients.isEmpty()) {
            return 0;
        }
        NDList squares = new NDList(gradients.size());
        for (NDArray gradient : gradients) {
            squares.add(gradient.square().sum().toType(DataType.FLOAT64, false)); // ()
        }
        return Math.sqrt(NDArrays.stack(squares).sum().getDouble()); // one copy
    }
}
