package dev.seq2seq.decode;

/**
 * Watches the search of one sentence in {@link BeamSearch}, for teaching and debugging: the beam
 * tells it each continuation it looked at and, later, each hypothesis it completed. The search does
 * not depend on what the observer does; {@link SearchTreeRecorder} turns the calls into a {@link
 * SearchTree}.
 *
 * <p>Every prefix has an id, numbered in the order the beam looks at them within the sentence: the
 * root {@code <bos>} is 0, and at each step the best 2K continuations (K beam size) get the next
 * ids, best first.
 */
interface BeamObserver {

    /** An observer that ignores everything. */
    BeamObserver NONE =
            new BeamObserver() {
                @Override
                public void considered(
                        int id, int parent, int token, double logProbSum, CandidateStatus status) {}

                @Override
                public void completed(int id, CandidateStatus status, double score) {}
            };

    /**
     * A continuation the beam looked at in this step.
     *
     * @param id its id, one more than the previous one
     * @param parent the id of the live prefix it extends
     * @param token the token it adds
     * @param logProbSum {@code log P(y_1..y_t | x)} of the extended prefix
     * @param status {@link CandidateStatus#LIVE}, {@link CandidateStatus#FINISHED} or {@link
     *     CandidateStatus#PRUNED}
     */
    void considered(int id, int parent, int token, double logProbSum, CandidateStatus status);

    /**
     * A hypothesis left the beam complete and was scored (whether or not it ends up among the
     * n-best).
     *
     * @param id the id of its last prefix
     * @param status {@link CandidateStatus#FINISHED} ({@code <eos>}) or {@link CandidateStatus#CUT}
     *     (the maximum length)
     * @param score its final score ({@link BeamScoring#score})
     */
    void completed(int id, CandidateStatus status, double score);
}
