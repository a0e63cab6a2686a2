package dev.seq2seq.train;

import ai.djl.util.Preconditions;

import java.util.Random;

/**
 * The probability ε_i of feeding the decoder the ground-truth previous token (teacher forcing)
 * rather than its own prediction at training step i, after scheduled sampling (Bengio, Vinyals,
 * Jaitly and Shazeer 2015, "Scheduled Sampling for Sequence Prediction with Recurrent Neural
 * Networks"; their exponential decay is left out). The step i counts whatever the caller chooses
 * (batches or epochs), the same unit as the schedule's parameters.
 *
 * <p>A schedule reads and writes a one-line spec, for configs and command lines:
 *
 * <ul>
 *   <li>{@code constant:P}: ε_i = P;
 *   <li>{@code linear:START:END:STEPS}: from START at i = 0 to END at i = STEPS, linearly, then
 *       END;
 *   <li>{@code inverse-sigmoid:K}: ε_i = K / (K + exp(i / K)), with K &ge; 1 (larger K decays
 *       later).
 * </ul>
 */
public sealed interface TeacherForcingSchedule {

    /**
     * Returns the probability of teacher forcing at a step.
     *
     * @param step the step i &ge; 0
     * @return ε_i in [0, 1]
     * @throws IllegalArgumentException if {@code step} is negative
     */
    double ratio(long step);

    /**
     * Draws whether to teacher-force at a step: true with probability {@link #ratio}.
     *
     * @param step the step i &ge; 0
     * @param random the source of randomness, seeded by the caller
     * @return true to feed the ground-truth token, false to feed the model's prediction
     * @throws IllegalArgumentException if {@code step} is negative
     */
    default boolean teacherForce(long step, Random random) {
        return random.nextDouble() < ratio(step);
    }

    /**
     * Returns ε_i = p at every step (p = 1: always teacher forcing, the usual training).
     *
     * @param p the probability in [0, 1]
     * @return the schedule
     * @throws IllegalArgumentException if {@code p} is outside [0, 1]
     */
    static TeacherForcingSchedule constant(double p) {
        return new Constant(p);
    }

    /**
     * Returns a schedule going linearly from {@code start} at step 0 to {@code end} at step {@code
     * steps}, then staying at {@code end} (decreasing when end &lt; start).
     *
     * @param start ε_0 in [0, 1]
     * @param end the final ε in [0, 1]
     * @param steps the number of steps of the ramp, &ge; 1
     * @return the schedule
     * @throws IllegalArgumentException if a probability is outside [0, 1] or {@code steps < 1}
     */
    static TeacherForcingSchedule linear(double start, double end, long steps) {
        return new Linear(start, end, steps);
    }

    /**
     * Returns the inverse sigmoid decay ε_i = k / (k + exp(i / k)): ε_0 = k / (k + 1), then a slow
     * start, a fall around i ≈ k·ln k, and a tail towards 0.
     *
     * @param k the decay constant, finite and &ge; 1
     * @return the schedule
     * @throws IllegalArgumentException if {@code k} is not finite or &lt; 1
     */
    static TeacherForcingSchedule inverseSigmoid(double k) {
        return new InverseSigmoid(k);
    }

    /**
     * Parses a spec such as {@code "constant:1.0"}, {@code "linear:1.0:0.5:10000"} or {@code
     * "inverse-sigmoid:2000"}; the inverse of {@code toString()}.
     *
     * @param spec the spec
     * @return the schedule
     * @throws IllegalArgumentException naming the spec and what is wrong with it
     */
    static TeacherForcingSchedule parse(String spec) {
        String[] parts = spec.strip().split(":", -1);
        String kind = parts[0];
        try {
            switch (kind) {
                case "constant":
                    arity(parts, 1);
                    return constant(number(parts[1], "P"));
                case "linear":
                    arity(parts, 3);
                    double start = number(parts[1], "START");
                    double end = number(parts[2], "END");
                    return linear(start, end, wholeNumber(parts[3], "STEPS"));
                case "inverse-sigmoid":
                    arity(parts, 1);
                    return inverseSigmoid(number(parts[1], "K"));
                default:
                    throw new IllegalArgumentException("unknown kind '" + kind + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "bad teacher forcing schedule '"
                            + spec
                            + "': "
                            + e.getMessage()
                            + "; expected constant:P, linear:START:END:STEPS or"
                            + " inverse-sigmoid:K",
                    e);
        }
    }

    private static void arity(String[] parts, int expected) {
        Preconditions.checkArgument(
                parts.length - 1 == expected,
                parts[0] + " takes " + expected + " value(s), got " + (parts.length - 1));
    }

    private static double number(String text, String name) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: '" + text + "'");
        }
    }

    private static long wholeNumber(String text, String name) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a whole number: '" + text + "'");
        }
    }

    private static void checkStep(long step) {
        Preconditions.checkArgument(step >= 0, "step must be >= 0, got " + step);
    }

    private static void checkProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + p);
        }
    }

    /** Writes whole numbers without ".0" (2000, not 2000.0). */
    private static String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15
                ? Long.toString((long) x)
                : Double.toString(x);
    }

    /**
     * ε_i = p.
     *
     * @param p the probability in [0, 1]
     */
    record Constant(double p) implements TeacherForcingSchedule {
        /**
         * Checks the values.
         *
         * @throws IllegalArgumentException if p is outside [0, 1]
         */
        public Constant {
            checkProbability("P", p);
        }

        @Override
        public double ratio(long step) {
            checkStep(step);
            return p;
        }

        @Override
        public String toString() {
            return "constant:" + p;
        }
    }

    /**
     * ε_i = start + (end − start) · min(i, steps) / steps.
     *
     * @param start ε_0
     * @param end ε at and after {@code steps}
     * @param steps the length of the ramp
     */
    record Linear(double start, double end, long steps) implements TeacherForcingSchedule {
        /**
         * Checks the values.
         *
         * @throws IllegalArgumentException if a probability is outside [0, 1] or steps &lt; 1
         */
        public Linear {
            checkProbability("START", start);
            checkProbability("END", end);
            Preconditions.checkArgument(steps >= 1, "STEPS must be >= 1, got " + steps);
        }

        @Override
        public double ratio(long step) {
            checkStep(step);
            return start + (end - start) * ((double) Math.min(step, steps) / steps);
        }

        @Override
        public String toString() {
            return "linear:" + start + ":" + end + ":" + steps;
        }
    }

    /**
     * ε_i = k / (k + exp(i / k)).
     *
     * @param k the decay constant
     */
    record InverseSigmoid(double k) implements TeacherForcingSchedule {
        /**
         * Checks the values.
         *
         * @throws IllegalArgumentException if k is not finite or &lt; 1
         */
        public InverseSigmoid {
            if (!(k >= 1) || Double.isInfinite(k)) {
                throw new IllegalArgumentException("K must be finite and >= 1, got " + k);
            }
        }

        @Override
        public double ratio(long step) {
            checkStep(step);
            return k / (k + Math.exp(step / k));
        }

        @Override
        public String toString() {
            return "inverse-sigmoid:" + format(k);
        }
    }
}
