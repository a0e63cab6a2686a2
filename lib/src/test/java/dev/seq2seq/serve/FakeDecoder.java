package dev.seq2seq.serve;

import dev.seq2seq.decode.Hypothesis;
import dev.seq2seq.decode.Translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A {@link BatchDecoder} without a model: "translates" a sentence to its upper case, records the
 * size and settings of every call, and can hold its calls until released (for tests of queueing,
 * batching and time limits).
 */
final class FakeDecoder implements BatchDecoder {

    final List<Integer> callSizes = new CopyOnWriteArrayList<>();
    final List<SearchSettings> callSettings = new CopyOnWriteArrayList<>();
    private final Semaphore entered = new Semaphore(0);
    private volatile CountDownLatch gate = new CountDownLatch(0);

    /** Makes every call wait until {@link #release}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    /** Lets held and later calls through. */
    void release() {
        gate.countDown();
    }

    /** Waits until a call has started. */
    void awaitCall() throws InterruptedException {
        if (!entered.tryAcquire(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the decoder was not called");
        }
    }

    @Override
    public List<List<Translation>> decode(List<String> sentences, SearchSettings settings) {
        callSizes.add(sentences.size());
        callSettings.add(settings);
        entered.release();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sentences.contains("fail")) {
            throw new IllegalStateException("decoder failure");
        }
        List<List<Translation>> out = new ArrayList<>();
        for (String s : sentences) {
            out.add(List.of(translation(s)));
        }
        return out;
    }

    static Translation translation(String source) {
        List<String> words = List.of(source.toUpperCase(Locale.ROOT).split(" "));
        Hypothesis h = new Hypothesis(new int[words.size()], -1.5, new float[1], null, true);
        return new Translation(source, List.of(), words, String.join(" ", words), h);
    }
}
