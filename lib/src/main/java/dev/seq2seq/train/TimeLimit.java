package dev.seq2seq.train;

/** A wall-clock budget for a training run, started when created; 0 minutes means none. */
final class TimeLimit {

    private final long deadline;

    private TimeLimit(long deadline) {
        this.deadline = deadline;
    }

    /**
     * Starts a budget now.
     *
     * @param minutes the budget in minutes, 0 for none
     * @return the running budget
     */
    static TimeLimit ofMinutes(double minutes) {
        return new TimeLimit(
                minutes == 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (minutes * 60e9));
    }

    /**
     * Returns whether the budget is spent.
     *
     * @return true once the deadline has passed
     */
    boolean expired() {
        return System.nanoTime() > deadline;
    }
}
