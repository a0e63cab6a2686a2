package dev.seq2seq.serve;

/**
 * The body of every error answer: {@code {"error": "..."}}.
 *
 * @param error one line naming the problem
 */
public record ErrorResponse(String error) {}
