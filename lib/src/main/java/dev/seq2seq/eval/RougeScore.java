package dev.seq2seq.eval;

/**
 * Precision, recall and F1 of one ROUGE variant, each in [0, 1] as rouge-score reports them
 * (multiply by 100 for the percentages papers print).
 *
 * @param precision overlap / hypothesis size
 * @param recall overlap / reference size
 * @param f1 the harmonic mean 2PR / (P + R), 0 when P + R = 0
 */
public record RougeScore(double precision, double recall, double f1) {

    /** All zeros: the score of an empty hypothesis or reference. */
    public static final RougeScore ZERO = new RougeScore(0, 0, 0);

    /**
     * Builds a score from precision and recall (rouge-score's {@code scoring.fmeasure}).
     *
     * @param precision precision in [0, 1]
     * @param recall recall in [0, 1]
     * @return the score, with F1 = 0 if both are 0
     */
    public static RougeScore of(double precision, double recall) {
        double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        return new RougeScore(precision, recall, f1);
    }
}
