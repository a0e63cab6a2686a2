package dev.seq2seq.nn.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import dev.seq2seq.Shapes;
import dev.seq2seq.attention.MaskedSoftmax;
import dev.seq2seq.nn.EncodedSource;
import dev.seq2seq.nn.Seq2SeqConfig;
import dev.seq2seq.nn.SourceEncoder;

import java.util.ArrayList;
import java.util.List;

/**
 * The Transformer's encoder (Vaswani et al. 2017, section 3.1): a {@link TransformerStack} (token
 * embeddings scaled by √D plus the positional encoding, dropout, and with pre-norm a final layer
 * norm) of N {@link TransformerEncoderLayer}s.
 *
 * <p>As a {@link SourceEncoder} it returns the memory (B, S, D), set to 0 at padded positions, the
 * source lengths, no bridged state (the Transformer decoder has no recurrent state to initialise),
 * and as summary the mean of the memory over each sentence's valid positions (B, D), which the
 * Transformer decoder does not use.
 *
 * <p>{@code forward(NDList(source (B, S), sourceLengths (B)))} returns {@code NDList(memory (B, S,
 * D))}. Shapes: B batch, S source steps, D model size, h heads.
 */
public final class TransformerEncoder extends TransformerStack<TransformerEncoderLayer>
        implements SourceEncoder {

    /**
     * What the encoder computes, with every layer's self-attention weights for the notebooks.
     *
     * @param memory the top layer's output (B, S, D), 0 at padding
     * @param selfWeights per layer, the self-attention weights of every head (B, h, S, S)
     */
    public record Encoding(NDArray memory, List<NDArray> selfWeights) {}

    /**
     * Creates the encoder of a Transformer configuration.
     *
     * @param config the configuration; its architecture must be TRANSFORMER
     * @throws IllegalArgumentException if the configuration is not a Transformer's
     */
    public TransformerEncoder(Seq2SeqConfig config) {
        super(
                config,
                config.sourceVocabularySize(),
                settings(config).encoderLayers(),
                TransformerEncoderLayer::new);
    }

    /**
     * Encodes a batch, keeping every layer's self-attention weights.
     *
     * @param ps the parameter store
     * @param source source ids (B, S) int64
     * @param sourceLengths valid lengths (B) int64, each in [1, S]
     * @param training whether in training mode (dropout)
     * @return the memory and the weights
     * @throws IllegalArgumentException if a shape or length is wrong, naming expected and actual
     */
    public Encoding run(
            ParameterStore ps, NDArray source, NDArray sourceLengths, boolean training) {
        Shapes.check("source", source, "B, S", Shapes.ANY, Shapes.ANY);
        long b = source.getShape().get(0);
        long s = source.getShape().get(1);
        Shapes.check("sourceLengths", sourceLengths, "B", b);
        NDArray x = embed(ps, source, 0, training); // (B, S, D)
        NDArray bias = AttentionMask.paddingBias(sourceLengths, s, x.getDataType()); // (B,1,1,S)
        List<NDArray> weights = new ArrayList<>();
        for (TransformerEncoderLayer layer : layers) {
            TransformerEncoderLayer.Output o = layer.run(ps, x, bias, training);
            x = o.output();
            weights.add(o.weights());
        }
        x = normalize(ps, x, training);
        NDArray valid = MaskedSoftmax.mask(sourceLengths, s).toType(x.getDataType(), false);
        return new Encoding(x.mul(valid.expandDims(2)), List.copyOf(weights)); // (B, S, D)
    }

    @Override
    public EncodedSource encode(
            ParameterStore ps, NDArray source, NDArray sourceLengths, boolean training) {
        NDArray memory = run(ps, source, sourceLengths, training).memory(); // (B, S, D)
        NDArray counts = sourceLengths.toType(memory.getDataType(), false).expandDims(1); // (B,1)
        NDArray summary = memory.sum(new int[] {1}).div(counts); // (B, D), the masked mean
        return new EncodedSource(memory, sourceLengths, new NDList(), summary);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(run(ps, inputs.get(0), inputs.get(1), training).memory());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(modelSize)};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = new Shape(1, 1, modelSize);
        initializeStack(manager, dataType, x, new Shape(1, 1, 1, 1));
    }
}
