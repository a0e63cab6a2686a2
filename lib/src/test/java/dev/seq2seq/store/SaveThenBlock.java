package dev.seq2seq.store;

import ai.djl.ndarray.NDManager;

import java.nio.file.Path;

/**
 * A child process for {@link InterruptedSaveTest}: saves a run of one epoch (seed 1), then starts a
 * second save (two epochs, seed 2) and blocks at the given {@link AtomicFolder.Stage}, printing
 * {@code BLOCKED}, until it is killed.
 */
public final class SaveThenBlock {

    private SaveThenBlock() {}

    /**
     * Runs the saves.
     *
     * @param args the folder and the stage to block at
     */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        AtomicFolder.Stage stage = AtomicFolder.Stage.valueOf(args[1]);
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingRunFolder.save(folder, SmallRuns.run(manager, 1, 1));
            System.out.println("SAVED FIRST");
            AtomicFolder.hook =
                    reached -> {
                        if (reached == stage) {
                            System.out.println("BLOCKED");
                            System.out.flush();
                            try {
                                Thread.sleep(Long.MAX_VALUE);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    };
            TrainingRunFolder.save(folder, SmallRuns.run(manager, 2, 2));
        }
    }
}
