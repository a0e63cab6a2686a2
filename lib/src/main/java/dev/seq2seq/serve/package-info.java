/**
 * Serving a trained model over HTTP: {@link dev.seq2seq.serve.TranslationServer} (Javalin) answers
 * {@code POST /translate}, {@code GET /health} and a small page at {@code GET /}; {@link
 * dev.seq2seq.serve.BatchingTranslator} decodes requests that arrive together in one batched
 * search, on one worker thread that owns the model.
 *
 * <p>Uses {@code data}, {@code decode} and {@code train}; only {@code cli} uses this package.
 */
package dev.seq2seq.serve;
