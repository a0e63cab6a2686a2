/**
 * The notebooks' checked exercises ({@link dev.seq2seq.exercises.Exercises}): each check accepts or
 * rejects a student's answer with a hint, and the expected answer never appears on the notebook's
 * page.
 */
package dev.seq2seq.exercises;
