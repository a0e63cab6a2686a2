package dev.seq2seq;

import ai.djl.util.Preconditions;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How much work the notebooks do: {@link #QUICK} for CI (small slices of the real corpus, few
 * epochs, the whole series in minutes) or {@link #FULL} for the real tutorial run.
 *
 * <p>Both profiles use the same real data; they differ only in how much of it is used and for how
 * long models train. A notebook chooses it in its first cell after the setup, {@code
 * Profile.select(profileChoice)}: {@code "quick"} or {@code "full"} written there wins; {@code
 * null} reads the environment variable {@code SEQ2SEQ_PROFILE} ({@code quick} or {@code full},
 * default {@code full}), which {@code bin/run} and {@code bin/test} set.
 */
public enum Profile {
    /** Small slices and few epochs: the notebook series runs in minutes (CI). */
    QUICK(20_000),
    /** The whole corpus and full training: the real tutorial run. */
    FULL(Integer.MAX_VALUE);

    /** The environment variable that selects the profile. */
    public static final String ENVIRONMENT_VARIABLE = "SEQ2SEQ_PROFILE";

    private final int maxPairs;

    Profile(int maxPairs) {
        this.maxPairs = maxPairs;
    }

    /**
     * Returns the profile named by {@code SEQ2SEQ_PROFILE}, or {@link #FULL} when it is unset.
     *
     * @return the current profile
     * @throws IllegalArgumentException if the variable holds anything but {@code quick} or {@code
     *     full}
     */
    public static Profile current() {
        return parse(System.getenv(ENVIRONMENT_VARIABLE));
    }

    /**
     * Returns the profile a notebook's first cell chose, or the environment's when it chose none.
     *
     * @param choice {@code "quick"} or {@code "full"} (any case), or {@code null} for {@link
     *     #current()}
     * @return the profile
     * @throws IllegalArgumentException if the choice, or the variable when the choice is {@code
     *     null}, names no profile
     */
    public static Profile select(String choice) {
        if (choice == null) {
            return current();
        }
        Preconditions.checkArgument(
                !choice.isBlank(),
                "profileChoice is blank: write \"quick\" or \"full\", or null for "
                        + ENVIRONMENT_VARIABLE);
        return parse(choice);
    }

    /**
     * Says which profile runs, where the choice came from, and how to switch, for a notebook's
     * first cell.
     *
     * @param choice what the cell chose, as given to {@link #select}
     * @return one line, e.g. {@code profile: full (SEQ2SEQ_PROFILE is unset) ...}
     */
    public String describe(String choice) {
        String variable = System.getenv(ENVIRONMENT_VARIABLE);
        String source =
                choice != null
                        ? "chosen in this cell"
                        : variable == null || variable.isBlank()
                                ? ENVIRONMENT_VARIABLE + " is unset"
                                : "from " + ENVIRONMENT_VARIABLE + "=" + variable.strip();
        Profile other = this == QUICK ? FULL : QUICK;
        return String.format(
                "profile: %s (%s): %s. To run the %s profile, set profileChoice = \"%s\" above.",
                this, source, what(), other, other);
    }

    private String what() {
        return this == QUICK
                ? "small slices of the same corpus and few epochs, minutes per notebook"
                : "the whole corpus and full training, as in the committed outputs";
    }

    /**
     * Parses a profile name.
     *
     * @param name {@code quick} or {@code full} (any case), or {@code null} / blank for {@link
     *     #FULL}
     * @return the profile
     * @throws IllegalArgumentException for any other name, naming the accepted values
     */
    public static Profile parse(String name) {
        if (name == null || name.isBlank()) {
            return FULL;
        }
        switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "quick":
                return QUICK;
            case "full":
                return FULL;
            default:
                throw new IllegalArgumentException(
                        ENVIRONMENT_VARIABLE
                                + "='"
                                + name
                                + "' is not a profile: use quick or full");
        }
    }

    /**
     * Returns the largest number of sentence pairs a notebook reads from the corpus.
     *
     * @return a pair count ({@link Integer#MAX_VALUE} for the whole corpus)
     */
    public int maxPairs() {
        return maxPairs;
    }

    /**
     * Returns the folder of the models' results records ({@code results.ModelRecord}), relative to
     * the notebooks' folder, where notebooks run: {@code results} for {@link #FULL}, committed with
     * the notebooks so that one opened alone can compare with models it did not train; {@code
     * ../build/results} for {@link #QUICK}, which is not committed.
     *
     * @return the folder
     */
    public Path resultsFolder() {
        return this == FULL ? Path.of("results") : Path.of("..", "build", "results");
    }

    /**
     * Picks the value for this profile.
     *
     * @param quick the value under {@link #QUICK}
     * @param full the value under {@link #FULL}
     * @param <T> the value type
     * @return {@code quick} or {@code full}
     */
    public <T> T choose(T quick, T full) {
        return this == QUICK ? quick : full;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
