/**
 * Results records: a trained model's metrics, settings and provenance, committed beside the
 * notebooks ({@link dev.seq2seq.results.ModelRecord}), so that a notebook that only compares with
 * another notebook's model runs alone without training it ({@link
 * dev.seq2seq.results.ModelResults}) and says where each number came from ({@link
 * dev.seq2seq.results.Origin}).
 */
package dev.seq2seq.results;
