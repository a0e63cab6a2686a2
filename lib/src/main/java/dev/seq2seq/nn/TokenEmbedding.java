package dev.seq2seq.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A learned lookup table from token ids to vectors: row {@code i} of a (V, E) weight matrix is the
 * embedding of token {@code i}. Input: ids of any shape (..., int64); output: (..., E).
 */
public final class TokenEmbedding extends AbstractBlock {

    private final int vocabularySize;
    private final int embeddingSize;
    private final Parameter weight;

    /**
     * Creates an embedding table.
     *
     * @param vocabularySize V, the number of token ids
     * @param embeddingSize E, the vector size
     * @throws IllegalArgumentException if a size is not positive
     */
    public TokenEmbedding(int vocabularySize, int embeddingSize) {
        if (vocabularySize < 1 || embeddingSize < 1) {
            throw new IllegalArgumentException(
                    "embedding sizes must be positive: V="
                            + vocabularySize
                            + ", E="
                            + embeddingSize);
        }
        this.vocabularySize = vocabularySize;
        this.embeddingSize = embeddingSize;
        this.weight =
                addParameter(
                        Parameter.builder()
                                .setName("weight")
                                .setType(Parameter.Type.WEIGHT)
                                .optShape(new Shape(vocabularySize, embeddingSize))
                                .build());
    }

    /**
     * Returns E.
     *
     * @return the embedding size
     */
    public int embeddingSize() {
        return embeddingSize;
    }

    /**
     * Returns V.
     *
     * @return the vocabulary size
     */
    public int vocabularySize() {
        return vocabularySize;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray ids = inputs.head();
        if (ids.getDataType() != DataType.INT64 && ids.getDataType() != DataType.INT32) {
            throw new IllegalArgumentException(
                    "token ids must be int32 or int64, got " + ids.getDataType());
        }
        NDArray table = parameterStore.getValue(weight, ids.getDevice(), training);
        return Embedding.embedding(ids, table, SparseFormat.DENSE); // (..., E)
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(embeddingSize)};
    }
}
