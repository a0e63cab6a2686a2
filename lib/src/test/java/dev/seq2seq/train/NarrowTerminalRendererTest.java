package dev.seq2seq.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import me.tongfei.progressbar.ProgressState;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Duration;

class NarrowTerminalRendererTest {

    private final NarrowTerminalRenderer renderer = new NarrowTerminalRenderer(" batches");

    /** The library's state after 412 of 790 batches, with a training epoch's message. */
    private static ProgressState state() throws ReflectiveOperationException {
        Constructor<ProgressState> c =
                ProgressState.class.getDeclaredConstructor(
                        String.class, long.class, long.class, Duration.class);
        c.setAccessible(true);
        ProgressState state = c.newInstance("epoch 3", 790L, 0L, Duration.ZERO);
        Method stepTo = ProgressState.class.getDeclaredMethod("stepTo", long.class);
        stepTo.setAccessible(true);
        stepTo.invoke(state, 412L);
        Method message = ProgressState.class.getDeclaredMethod("setExtraMessage", String.class);
        message.setAccessible(true);
        message.invoke(state, "6,557 tok/s, loss 3.120");
        return state;
    }

    @Test
    void aNarrowTerminalKeepsTheCountTheTimeToGoAndTheRateBeforeTheBar() throws Exception {
        ProgressState state = state();
        String whole = renderer.compact(state);
        assertTrue(
                whole.matches("epoch 3 52% 412/790 eta \\d+:\\d\\d 6,557 tok/s, loss 3\\.120"),
                whole);
        String forty = renderer.render(state, 39); // a 40-column terminal
        assertTrue(forty.length() <= 39, forty);
        assertTrue(forty.matches("epoch 3 52% 412/790 eta \\d+:\\d\\d 6,557 tok.*"), forty);
        assertEquals(whole, renderer.render(state, 78), "79 columns show the whole line");
    }

    @Test
    void anEightyColumnTerminalGetsTheLibrarysBar() throws Exception {
        String line = renderer.render(state(), 79);
        assertTrue(line.startsWith("epoch 3  52% [") && line.contains("] 412/790 batches"), line);
        assertTrue(line.length() <= 79, line);
    }
}
