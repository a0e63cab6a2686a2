package dev.seq2seq.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The byte-pair encoding merges of a translation model's two sides: one joint set learned from the
 * source and target words together (the default of Sennrich et al. 2016, which helps names and
 * cognates to be split the same way on both sides), or one set per side.
 *
 * @param source the merges applied to source words
 * @param target the merges applied to target words; the same object as {@code source} when joint
 */
public record SubwordCodes(BpeCodes source, BpeCodes target) {

    /**
     * Learns the merges from the words of the training pairs.
     *
     * @param train the training pairs (only these: validation and test words stay unseen)
     * @param sourceWords splits source sentences into words
     * @param targetWords splits target sentences into words
     * @param settings the number of merges and whether they are separate
     * @return the merges
     * @throws IllegalArgumentException if {@code settings.bpeMerges()} is not positive
     */
    public static SubwordCodes learn(
            List<SentencePair> train,
            SentenceTokenizer sourceWords,
            SentenceTokenizer targetWords,
            DataSettings settings) {
        if (settings.bpeMerges() < 1) {
            throw new IllegalArgumentException(
                    "byte-pair encoding needs at least 1 merge, got " + settings.bpeMerges());
        }
        BpeLearner learner = BpeLearner.builder().setMerges(settings.bpeMerges()).build();
        List<List<String>> source = new ArrayList<>(train.size());
        List<List<String>> target = new ArrayList<>(train.size());
        List<List<String>> both = new ArrayList<>(2 * train.size());
        for (SentencePair pair : train) {
            List<String> s = sourceWords.words(pair.source());
            List<String> t = targetWords.words(pair.target());
            source.add(s);
            target.add(t);
            both.add(s);
            both.add(t);
        }
        if (settings.bpeSeparate()) {
            return new SubwordCodes(
                    learner.learn(BpeLearner.countWords(source)),
                    learner.learn(BpeLearner.countWords(target)));
        }
        BpeCodes joint = learner.learn(BpeLearner.countWords(both));
        return new SubwordCodes(joint, joint);
    }

    /**
     * Checks that vocabularies were built from units these merges produce, so that a model is never
     * used with the merges of another: every unit of each vocabulary (reserved tokens aside) must
     * be a character or the result of one of the side's merges.
     *
     * @param sourceVocabulary the source vocabulary
     * @param targetVocabulary the target vocabulary
     * @throws IllegalArgumentException naming the side and the first unit the merges cannot produce
     */
    public void checkVocabularies(Vocabulary sourceVocabulary, Vocabulary targetVocabulary) {
        check("source", source, sourceVocabulary);
        check("target", target, targetVocabulary);
    }

    private static void check(String side, BpeCodes codes, Vocabulary vocabulary) {
        Set<String> symbols = new HashSet<>();
        for (BpeCodes.Merge merge : codes.merges()) {
            symbols.add(merge.merged());
        }
        List<String> reserved = Vocabulary.reservedTokens();
        for (int id = 0; id < vocabulary.size(); id++) {
            String unit = vocabulary.token(id);
            if (reserved.contains(unit) || producible(unit, codes.endOfWord(), symbols)) {
                continue;
            }
            throw new IllegalArgumentException(
                    String.format(
                            "the %s vocabulary's unit '%s' (id %d) is neither a character nor the"
                                    + " result of a merge of the %s BPE codes (%,d merges): the"
                                    + " vocabulary and the codes come from different runs",
                            side, unit, id, side, codes.size()));
        }
    }

    private static boolean producible(
            String unit, BpeCodes.EndOfWord endOfWord, Set<String> symbols) {
        if (unit.endsWith(BpeEncoder.CONTINUATION)) {
            String symbol = unit.substring(0, unit.length() - BpeEncoder.CONTINUATION.length());
            return oneCharacter(symbol) || symbols.contains(symbol);
        }
        String withMarker = unit + BpeCodes.END_OF_WORD;
        if (endOfWord == BpeCodes.EndOfWord.ATTACHED) {
            return oneCharacter(unit) || symbols.contains(withMarker);
        }
        return oneCharacter(unit) || symbols.contains(unit) || symbols.contains(withMarker);
    }

    private static boolean oneCharacter(String symbol) {
        return symbol.codePointCount(0, symbol.length()) == 1;
    }

    /**
     * Returns whether one set of merges serves both sides.
     *
     * @return true if source and target merges are equal
     */
    public boolean joint() {
        return source.equals(target);
    }

    /**
     * Describes the merges for a log line, e.g. {@code 8,000 joint BPE merges}.
     *
     * @return the number of merges and whether they are joint
     */
    public String describe() {
        return joint()
                ? String.format("%,d joint BPE merges", source.size())
                : String.format(
                        "%,d source and %,d target BPE merges", source.size(), target.size());
    }
}
