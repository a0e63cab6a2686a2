package dev.seq2seq.train;

import dev.seq2seq.data.SentenceTokenizer;
import dev.seq2seq.data.Vocabulary;
import dev.seq2seq.nn.Seq2SeqModel;

/**
 * A model with everything needed to use it: its vocabularies and its provenance (which names the
 * languages, and so the tokenizers).
 *
 * @param model the initialised model
 * @param sourceVocabulary the source vocabulary
 * @param targetVocabulary the target vocabulary
 * @param provenance where it came from
 */
public record TrainedModel(
        Seq2SeqModel model,
        Vocabulary sourceVocabulary,
        Vocabulary targetVocabulary,
        Provenance provenance) {

    /**
     * Returns the tokenizer of the source language.
     *
     * @return {@code SentenceTokenizer.of(sourceLanguage)}
     */
    public SentenceTokenizer sourceTokenizer() {
        return SentenceTokenizer.of(provenance.sourceLanguage());
    }

    /**
     * Returns the tokenizer of the target language.
     *
     * @return {@code SentenceTokenizer.of(targetLanguage)}
     */
    public SentenceTokenizer targetTokenizer() {
        return SentenceTokenizer.of(provenance.targetLanguage());
    }
}
