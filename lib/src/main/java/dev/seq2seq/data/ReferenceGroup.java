package dev.seq2seq.data;

import ai.djl.util.Preconditions;

import java.util.List;

/**
 * One source sentence with all of its translations in a split: the references for multi-reference
 * evaluation.
 *
 * @param source the source sentence
 * @param references its translations, in file order (at least one)
 */
public record ReferenceGroup(String source, List<String> references) {

    /**
     * Creates a group; the list is copied.
     *
     * @throws IllegalArgumentException if there is no reference
     */
    public ReferenceGroup {
        references = List.copyOf(references);
        Preconditions.checkArgument(!references.isEmpty(), "no reference for '" + source + "'");
    }
}
