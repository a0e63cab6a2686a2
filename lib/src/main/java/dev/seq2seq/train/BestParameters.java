package dev.seq2seq.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;

import dev.seq2seq.model.Seq2SeqModel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The parameters of a model's best epoch so far, kept as the bytes of DJL's parameter format (not
 * as arrays, so they hold no engine memory), and restored into the model at the end of training.
 */
final class BestParameters {

    private final Seq2SeqModel model;
    private byte[] saved;

    BestParameters(Seq2SeqModel model) {
        this.model = model;
    }

    /** Copies the model's current parameters, replacing the previous copy. */
    void save() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream stream = new DataOutputStream(bytes)) {
            model.saveParameters(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        saved = bytes.toByteArray();
    }

    /**
     * Loads the saved copy back into the model; does nothing if none was saved.
     *
     * @param manager the manager that owns the model's parameters
     * @throws IllegalStateException if the copy cannot be read back
     */
    void restore(NDManager manager) {
        if (saved == null) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
            model.loadParameters(manager, in);
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("cannot restore the best parameters", e);
        }
    }
}
