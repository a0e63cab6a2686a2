package dev.seq2seq.results;

import ai.djl.util.Preconditions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * Who recorded a result, and when: the notebook, the date (UTC) and the commit checked out when it
 * ran, so that a recorded number can be traced to the code that made it.
 *
 * @param notebook the notebook's number, e.g. {@code 04}
 * @param date the day it ran, ISO-8601, e.g. {@code 2026-12-07}
 * @param commit the short commit hash, followed by {@code +changes} when files differed from it, or
 *     {@code unknown} outside a git checkout
 */
public record Origin(String notebook, String date, String commit) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if a field is missing
     */
    public Origin {
        Preconditions.checkArgument(
                notebook != null && !notebook.isBlank() && date != null && commit != null,
                "an origin needs a notebook, a date and a commit, got "
                        + notebook
                        + ", "
                        + date
                        + ", "
                        + commit);
    }

    /**
     * The origin of a result recorded now, by the given notebook, in the current checkout.
     *
     * @param notebook the notebook's number, e.g. {@code 04}
     * @return the origin with today's date and {@code git}'s view of the working folder
     */
    public static Origin now(String notebook) {
        return new Origin(notebook, LocalDate.now(ZoneOffset.UTC).toString(), currentCommit());
    }

    /**
     * Describes the origin for a reader.
     *
     * @return e.g. {@code notebook 04 on 2026-12-07 (commit 0f38b0e)}
     */
    public String describe() {
        return "notebook " + notebook + " on " + date + " (commit " + commit + ")";
    }

    private static String currentCommit() {
        String head = git("rev-parse", "--short", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        String changes = git("status", "--porcelain", "--untracked-files=no");
        return changes.isEmpty() ? head : head + "+changes";
    }

    /** Runs git in the working folder; returns its trimmed output, or "" if it fails. */
    private static String git(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return "";
            }
            return out.strip();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
