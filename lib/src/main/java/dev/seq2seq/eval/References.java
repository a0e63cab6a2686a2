package dev.seq2seq.eval;

import ai.djl.util.Preconditions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reference layouts for the corpus metrics. The metrics take references <em>per segment</em>: for
 * each hypothesis, the list of its references. sacreBLEU's Python API takes <em>reference
 * streams</em> instead (one list per reference set, each as long as the corpus); {@link
 * #fromStreams} converts.
 *
 * <p>An empty string is a real reference of length 0 (sacreBLEU ≥ 2.2); a missing one (Python's
 * {@code None}) is written {@code null} in a stream and dropped, so segments may have different
 * numbers of references ({@code nrefs:var} in the signature).
 */
public final class References {

    private References() {}

    /**
     * Transposes reference streams into references per segment, dropping {@code null} entries.
     *
     * @param streams one list per reference set, each with one entry per segment
     * @return for each segment, its non-null references in stream order
     * @throws IllegalArgumentException if there is no stream, a stream is null, or the streams
     *     differ in length (naming both lengths)
     */
    public static List<List<String>> fromStreams(List<? extends List<String>> streams) {
        Preconditions.checkArgument(
                streams != null && !streams.isEmpty(), "need at least one reference stream");
        for (int s = 0; s < streams.size(); s++) {
            Preconditions.checkArgument(
                    streams.get(s) != null, "reference stream " + s + " is null");
            Preconditions.checkArgument(
                    streams.get(s).size() == streams.get(0).size(),
                    "reference stream "
                            + s
                            + " has "
                            + streams.get(s).size()
                            + " segments but stream 0 has "
                            + streams.get(0).size());
        }
        List<List<String>> perSegment = new ArrayList<>(streams.get(0).size());
        for (int i = 0; i < streams.get(0).size(); i++) {
            List<String> references = new ArrayList<>(streams.size());
            for (List<String> stream : streams) {
                if (stream.get(i) != null) {
                    references.add(stream.get(i));
                }
            }
            perSegment.add(List.copyOf(references));
        }
        return perSegment;
    }

    /**
     * Checks a corpus: as many reference lists as hypotheses, no nulls, at least one reference per
     * segment.
     *
     * @throws IllegalArgumentException naming the counts or the segment at fault
     */
    static void check(List<String> hypotheses, List<? extends List<String>> references) {
        Preconditions.checkArgument(
                hypotheses != null && references != null,
                "hypotheses and references must not be null, got "
                        + (hypotheses == null ? "null" : hypotheses.size() + " hypotheses")
                        + " and "
                        + (references == null ? "null" : references.size() + " reference lists"));
        if (hypotheses.size() != references.size()) {
            throw new IllegalArgumentException(
                    "hypotheses and references differ in count: "
                            + hypotheses.size()
                            + " hypotheses but "
                            + references.size()
                            + " reference lists (one list per segment; see References.fromStreams)");
        }
        for (int i = 0; i < hypotheses.size(); i++) {
            Preconditions.checkArgument(hypotheses.get(i) != null, "hypothesis " + i + " is null");
            checkSegment(i, references.get(i));
        }
    }

    /** Checks the references of one segment. */
    static void checkSegment(int segment, List<String> references) {
        Preconditions.checkArgument(
                references != null && !references.isEmpty(),
                "segment " + segment + " has no reference (got " + references + ")");
        for (String reference : references) {
            if (reference == null) {
                throw new IllegalArgumentException(
                        "segment "
                                + segment
                                + " has a null reference; drop missing references"
                                + " (References.fromStreams does)");
            }
        }
    }

    /**
     * Returns the {@code nrefs} signature field: the number of references per segment if all
     * segments have the same number, {@code var} otherwise, 0 for an empty corpus.
     */
    static String nrefs(List<? extends List<String>> references) {
        Set<Integer> counts = new HashSet<>();
        for (List<String> segment : references) {
            counts.add(segment.size());
        }
        if (counts.isEmpty()) {
            return "0";
        }
        return counts.size() == 1 ? String.valueOf(counts.iterator().next()) : "var";
    }
}
