package dev.seq2seq;

/**
 * The one check the settings records ({@code Seq2SeqConfig}, {@code TransformerSettings}, {@code
 * TrainingConfig}) make of each value: a false condition is an error naming the value.
 */
public final class Checks {

    private Checks() {}

    /**
     * Throws if a setting's value is invalid.
     *
     * @param ok whether the value is valid
     * @param name the setting's name, e.g. {@code hiddenSize}
     * @param value the value, for the message
     * @throws IllegalArgumentException {@code invalid NAME: VALUE} if {@code ok} is false
     */
    public static void check(boolean ok, String name, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid " + name + ": " + value);
        }
    }
}
