package dev.seq2seq.store;

import dev.seq2seq.data.Detokenizer;
import dev.seq2seq.data.SentenceTokenizer;
import dev.seq2seq.data.SubwordCodes;
import dev.seq2seq.data.Truecaser;
import dev.seq2seq.data.Units;
import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.model.Seq2SeqModel;

/**
 * A model with everything needed to use it: its vocabularies, its provenance (which names the
 * languages and the units, and so the tokenizers) and, for a subword model, its byte-pair encoding
 * merges.
 *
 * @param model the initialised model
 * @param sourceVocabulary the source vocabulary
 * @param targetVocabulary the target vocabulary
 * @param provenance where it came from
 * @param subwords the byte-pair encoding merges of a subword model, null for a word model
 * @param truecaser restores the case of the output, null for a model saved without one (its output
 *     stays lower-case)
 */
public record TrainedModel(
        Seq2SeqModel model,
        Vocabulary sourceVocabulary,
        Vocabulary targetVocabulary,
        Provenance provenance,
        SubwordCodes subwords,
        Truecaser truecaser) {

    /**
     * Creates a word model (no byte-pair encoding).
     *
     * @param model the initialised model
     * @param sourceVocabulary the source vocabulary
     * @param targetVocabulary the target vocabulary
     * @param provenance where it came from
     */
    public TrainedModel(
            Seq2SeqModel model,
            Vocabulary sourceVocabulary,
            Vocabulary targetVocabulary,
            Provenance provenance) {
        this(model, sourceVocabulary, targetVocabulary, provenance, null, null);
    }

    /**
     * Returns the tokenizer of the source language, followed by the source merges of a subword
     * model (splitting units outside the source vocabulary back).
     *
     * @return {@code SentenceTokenizer.of(sourceLanguage, source codes or null, sourceVocabulary)}
     */
    public SentenceTokenizer sourceTokenizer() {
        if (provenance.units() == Units.CHARACTERS) {
            return provenance.units().sourceTokenizer(provenance.sourceLanguage());
        }
        return SentenceTokenizer.of(
                provenance.sourceLanguage(),
                subwords == null ? null : subwords.source(),
                sourceVocabulary);
    }

    /**
     * Returns the tokenizer of the target language, followed by the target merges of a subword
     * model (splitting units outside the target vocabulary back).
     *
     * @return {@code SentenceTokenizer.of(targetLanguage, target codes or null, targetVocabulary)}
     */
    public SentenceTokenizer targetTokenizer() {
        if (provenance.units() == Units.CHARACTERS) {
            return provenance.units().targetTokenizer(provenance.targetLanguage());
        }
        return SentenceTokenizer.of(
                provenance.targetLanguage(),
                subwords == null ? null : subwords.target(),
                targetVocabulary);
    }

    /**
     * Returns the detokenizer of the model's output, which rejoins subword units first and restores
     * case if the model has a truecaser.
     *
     * @return the target language's detokenizer
     */
    public Detokenizer detokenizer() {
        if (provenance.units() == Units.CHARACTERS) {
            return Detokenizer.spaced();
        }
        return new Detokenizer(provenance.targetLanguage(), subwords != null, truecaser);
    }
}
