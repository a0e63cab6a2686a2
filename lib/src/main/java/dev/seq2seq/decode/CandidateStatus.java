package dev.seq2seq.decode;

/**
 * What became of a continuation that {@link BeamSearch} looked at: one of the best 2K extensions of
 * a sentence's live hypotheses at one step (K beam size).
 */
public enum CandidateStatus {
    /** One of the K hypotheses extended at the next step. */
    LIVE,
    /** An {@code <eos>} within the first K: a complete hypothesis. */
    FINISHED,
    /** Live when the maximum length was reached: finalised without {@code <eos>}. */
    CUT,
    /** Ranked too low to stay in the beam. */
    PRUNED
}
