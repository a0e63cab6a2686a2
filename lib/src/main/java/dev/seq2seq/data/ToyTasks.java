package dev.seq2seq.data;

import ai.djl.util.Preconditions;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Synthetic sequence-to-sequence tasks for quick experiments and tests. Each returns sentence pairs
 * of space-separated tokens, so the same pipeline as for real data applies (use {@link
 * SentenceTokenizer#whitespace()}).
 *
 * <ul>
 *   <li>{@link #copy}: the target is the source ({@code d a c -> d a c});
 *   <li>{@link #reverse}: the target is the source reversed ({@code d a c -> c a d});
 *   <li>{@link #dates}: a date written in one of several human formats becomes ISO 8601, one
 *       character per token ({@code 21 november 2026 -> 2 0 2 6 - 1 1 - 2 1}).
 * </ul>
 */
public final class ToyTasks {

    private static final String[] DATE_FORMATS = {
        "d MMMM yyyy", "MMMM d , yyyy", "d/M/yyyy", "MMM d yyyy", "d MMM yyyy", "EEEE d MMMM yyyy"
    };

    private ToyTasks() {}

    /**
     * Generates copy-task pairs over the symbols {@code a, b, c, ...}.
     *
     * @param size the number of pairs
     * @param symbols the alphabet size, 1 to 26
     * @param minLength the shortest sequence, at least 1
     * @param maxLength the longest sequence
     * @param seed the random seed
     * @return the pairs
     * @throws IllegalArgumentException if a size or length is out of range
     */
    public static List<SentencePair> copy(
            int size, int symbols, int minLength, int maxLength, long seed) {
        return symbolTask(size, symbols, minLength, maxLength, seed, false);
    }

    /**
     * Generates reverse-task pairs over the symbols {@code a, b, c, ...}.
     *
     * @param size the number of pairs
     * @param symbols the alphabet size, 1 to 26
     * @param minLength the shortest sequence, at least 1
     * @param maxLength the longest sequence
     * @param seed the random seed
     * @return the pairs
     * @throws IllegalArgumentException if a size or length is out of range
     */
    public static List<SentencePair> reverse(
            int size, int symbols, int minLength, int maxLength, long seed) {
        return symbolTask(size, symbols, minLength, maxLength, seed, true);
    }

    /**
     * Generates date-normalisation pairs: dates from 1950-01-01 to 2049-12-31 in English formats
     * such as {@code 21 november 2026}, {@code nov 21 2026}, {@code 21/11/2026} or {@code saturday
     * 21 november 2026}, each mapped to its ISO form one character per token.
     *
     * @param size the number of pairs
     * @param seed the random seed
     * @return the pairs
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public static List<SentencePair> dates(int size, long seed) {
        checkSize(size);
        Random random = new Random(seed);
        long first = LocalDate.of(1950, 1, 1).toEpochDay();
        long days = LocalDate.of(2049, 12, 31).toEpochDay() - first + 1;
        List<SentencePair> pairs = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            LocalDate date = LocalDate.ofEpochDay(first + (long) (random.nextDouble() * days));
            String format = DATE_FORMATS[random.nextInt(DATE_FORMATS.length)];
            String source = format(date, format).toLowerCase(Locale.ENGLISH);
            String target = String.join(" ", date.toString().split(""));
            pairs.add(new SentencePair(source, target, i + 1));
        }
        return pairs;
    }

    /**
     * Returns the pairs of {@code test} whose source does not occur in {@code train}: a random toy
     * task repeats short sequences (there are only 1,000 of length 3 over 10 symbols), so a test
     * set drawn from the same generator must drop them to measure generalisation rather than
     * memory.
     *
     * @param test candidate test pairs
     * @param train the training pairs
     * @return the test pairs with unseen sources, in order
     */
    public static List<SentencePair> unseen(List<SentencePair> test, List<SentencePair> train) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        train.forEach(p -> seen.add(p.source()));
        return test.stream().filter(p -> !seen.contains(p.source())).toList();
    }

    private static String format(LocalDate date, String pattern) {
        String month = date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String shortMonth = date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        String weekday = date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return pattern.replace("EEEE", weekday)
                .replace("MMMM", month)
                .replace("MMM", shortMonth)
                .replace("yyyy", String.valueOf(date.getYear()))
                .replace("d/M", date.getDayOfMonth() + "/" + date.getMonthValue())
                .replaceFirst("\\bd\\b", String.valueOf(date.getDayOfMonth()));
    }

    private static List<SentencePair> symbolTask(
            int size, int symbols, int minLength, int maxLength, long seed, boolean reverse) {
        checkSize(size);
        Preconditions.checkArgument(
                symbols >= 1 && symbols <= 26 && minLength >= 1 && maxLength >= minLength,
                "need 1 <= symbols <= 26 and 1 <= minLength <= maxLength, got symbols="
                        + symbols
                        + ", lengths "
                        + minLength
                        + ".."
                        + maxLength);
        Random random = new Random(seed);
        List<SentencePair> pairs = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int length = minLength + random.nextInt(maxLength - minLength + 1);
            String[] tokens = new String[length];
            for (int j = 0; j < length; j++) {
                tokens[j] = String.valueOf((char) ('a' + random.nextInt(symbols)));
            }
            String source = String.join(" ", tokens);
            if (reverse) {
                for (int j = 0; j < length / 2; j++) {
                    String tmp = tokens[j];
                    tokens[j] = tokens[length - 1 - j];
                    tokens[length - 1 - j] = tmp;
                }
            }
            pairs.add(new SentencePair(source, String.join(" ", tokens), i + 1));
        }
        return pairs;
    }

    private static void checkSize(int size) {
        Preconditions.checkArgument(size >= 1, "size must be positive, got " + size);
    }
}
