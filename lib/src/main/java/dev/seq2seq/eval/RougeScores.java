package dev.seq2seq.eval;

/**
 * The three ROUGE variants of {@link Rouge} for one segment or a corpus.
 *
 * @param rouge1 unigram overlap (ROUGE-1)
 * @param rouge2 bigram overlap (ROUGE-2)
 * @param rougeL longest common subsequence (ROUGE-L, sentence level)
 */
public record RougeScores(RougeScore rouge1, RougeScore rouge2, RougeScore rougeL) {

    /**
     * Formats the F1 values as percentages, e.g. {@code ROUGE-1 = 51.16 ROUGE-2 = 39.02 ROUGE-L =
     * 51.16}.
     *
     * @return the F1 summary
     */
    @Override
    public String toString() {
        return "ROUGE-1 = "
                + PythonText.fixed(100 * rouge1.f1(), 2)
                + " ROUGE-2 = "
                + PythonText.fixed(100 * rouge2.f1(), 2)
                + " ROUGE-L = "
                + PythonText.fixed(100 * rougeL.f1(), 2);
    }
}
