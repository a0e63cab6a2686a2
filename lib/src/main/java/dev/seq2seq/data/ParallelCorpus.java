package dev.seq2seq.data;

import ai.djl.util.Preconditions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * An ordered, immutable list of sentence pairs with the provenance of the file they came from.
 *
 * @param name where the pairs came from (a file path, or a description for generated data)
 * @param sha256 the SHA-256 of the file's bytes as lower-case hex, or {@code ""} for generated data
 * @param pairs the pairs, in file order
 */
public record ParallelCorpus(String name, String sha256, List<SentencePair> pairs) {

    /** Creates a corpus; the list is copied. */
    public ParallelCorpus {
        pairs = List.copyOf(pairs);
    }

    /**
     * Returns the number of sentence pairs.
     *
     * @return the pair count
     */
    public int size() {
        return pairs.size();
    }

    /**
     * Returns the distinct source sentences, in order of first appearance. A source sentence with
     * several translations appears once.
     *
     * @return the distinct source sentences
     */
    public List<String> distinctSources() {
        Set<String> seen = new LinkedHashSet<>();
        for (SentencePair pair : pairs) {
            seen.add(pair.source());
        }
        return List.copyOf(seen);
    }

    /**
     * Returns a seeded random sample of at most {@code maxPairs} pairs, kept in file order. The
     * corpus is sorted by length, so a sample (unlike the first lines) covers every length.
     *
     * @param maxPairs the largest number of pairs to keep
     * @param seed the random seed
     * @return this corpus if it is not larger than {@code maxPairs}, else the sample
     * @throws IllegalArgumentException if {@code maxPairs} is not positive
     */
    public ParallelCorpus sample(int maxPairs, long seed) {
        Preconditions.checkArgument(maxPairs >= 1, "maxPairs must be positive, got " + maxPairs);
        if (maxPairs >= pairs.size()) {
            return this;
        }
        List<Integer> indices = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            indices.add(i);
        }
        Collections.shuffle(indices, new Random(seed));
        List<Integer> kept = new ArrayList<>(indices.subList(0, maxPairs));
        Collections.sort(kept);
        List<SentencePair> sample = new ArrayList<>(maxPairs);
        for (int index : kept) {
            sample.add(pairs.get(index));
        }
        return new ParallelCorpus(name + " (sample of " + maxPairs + ")", sha256, sample);
    }
}
