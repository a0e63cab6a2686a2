package dev.seq2seq.eval;

/**
 * A score over the sentences whose source length falls in one bucket.
 *
 * @param bucket the bucket label, e.g. {@code 5-6} or {@code 9+}
 * @param sentences the number of sentences in the bucket
 * @param score the corpus score over them (0-100), NaN when the bucket is empty
 */
public record LengthBucketScore(String bucket, int sentences, double score) {}
