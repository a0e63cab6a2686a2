package dev.seq2seq.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.decode.Translation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** {@link BatchingTranslator} around a {@link FakeDecoder} that can hold the worker. */
class BatchingTranslatorTest {

    private final FakeDecoder decoder = new FakeDecoder();

    private BatchingTranslator translator(int window, int maxBatch, int capacity) {
        return BatchingTranslator.builder()
                .setDecoder(decoder)
                .optWindowMillis(window)
                .optMaxBatch(maxBatch)
                .optQueueCapacity(capacity)
                .build();
    }

    private static String text(CompletableFuture<List<List<Translation>>> f, int i)
            throws Exception {
        return f.get(10, TimeUnit.SECONDS).get(i).get(0).text();
    }

    @Test
    void requestsWaitingTogetherAreDecodedInOneCallEachGettingItsOwn() throws Exception {
        try (BatchingTranslator batching = translator(0, 64, 16)) {
            decoder.hold();
            CompletableFuture<List<List<Translation>>> first =
                    batching.submit(List.of("a"), SearchSettings.GREEDY);
            decoder.awaitCall(); // the worker is busy with the first request
            var b = batching.submit(List.of("b c", "d"), SearchSettings.GREEDY);
            var c = batching.submit(List.of("e"), SearchSettings.GREEDY);
            var d = batching.submit(List.of("f g h"), SearchSettings.GREEDY);
            decoder.release();
            assertEquals("A", text(first, 0));
            assertEquals("B C", text(b, 0));
            assertEquals("D", text(b, 1));
            assertEquals("E", text(c, 0));
            assertEquals("F G H", text(d, 0));
            assertEquals(List.of(1, 4), decoder.callSizes);
            assertEquals(2, batching.decodeCalls());
            assertEquals(5, batching.sentencesDecoded());
        }
    }

    @Test
    void requestsWithOtherSearchSettingsAreDecodedSeparately() throws Exception {
        SearchSettings beam = new SearchSettings(3, 0.6, 2);
        try (BatchingTranslator batching = translator(0, 64, 16)) {
            decoder.hold();
            batching.submit(List.of("a"), SearchSettings.GREEDY);
            decoder.awaitCall();
            var b = batching.submit(List.of("b"), SearchSettings.GREEDY);
            var c = batching.submit(List.of("c"), beam);
            var d = batching.submit(List.of("d"), SearchSettings.GREEDY);
            decoder.release();
            assertEquals("B", text(b, 0));
            assertEquals("C", text(c, 0));
            assertEquals("D", text(d, 0));
            assertEquals(List.of(1, 2, 1), decoder.callSizes);
            assertEquals(beam, decoder.callSettings.get(2));
        }
    }

    @Test
    void maxBatchOfOneDecodesEachRequestAlone() throws Exception {
        try (BatchingTranslator batching = translator(0, 1, 16)) {
            decoder.hold();
            batching.submit(List.of("a"), SearchSettings.GREEDY);
            decoder.awaitCall();
            var b = batching.submit(List.of("b"), SearchSettings.GREEDY);
            var c = batching.submit(List.of("c"), SearchSettings.GREEDY);
            decoder.release();
            assertEquals("B", text(b, 0));
            assertEquals("C", text(c, 0));
            assertEquals(List.of(1, 1, 1), decoder.callSizes);
        }
    }

    @Test
    void aFullQueueRefusesTheRequestAndAcceptsAgainOnceDrained() throws Exception {
        try (BatchingTranslator batching = translator(0, 64, 1)) {
            decoder.hold();
            batching.submit(List.of("a"), SearchSettings.GREEDY);
            decoder.awaitCall();
            var b = batching.submit(List.of("b"), SearchSettings.GREEDY);
            QueueFullException e =
                    assertThrows(
                            QueueFullException.class,
                            () -> batching.submit(List.of("c"), SearchSettings.GREEDY));
            assertTrue(e.getMessage().contains("1 requests are already waiting"), e.getMessage());
            decoder.release();
            assertEquals("B", text(b, 0));
            assertEquals("D", text(batching.submit(List.of("d"), SearchSettings.GREEDY), 0));
        }
    }

    @Test
    void aFailedBatchFailsItsRequestsAndTheNextOneWorks() throws Exception {
        try (BatchingTranslator batching = translator(0, 64, 4)) {
            var bad = batching.submit(List.of("fail"), SearchSettings.GREEDY);
            ExecutionException e =
                    assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IllegalStateException);
            assertEquals("OK", text(batching.submit(List.of("ok"), SearchSettings.GREEDY), 0));
        }
    }

    @Test
    void cancelledRequestsAreNotDecoded() throws Exception {
        try (BatchingTranslator batching = translator(0, 64, 4)) {
            decoder.hold();
            batching.submit(List.of("a"), SearchSettings.GREEDY);
            decoder.awaitCall();
            batching.submit(List.of("b"), SearchSettings.GREEDY).cancel(false);
            var c = batching.submit(List.of("c"), SearchSettings.GREEDY);
            decoder.release();
            assertEquals("C", text(c, 0));
            assertEquals(List.of(1, 1), decoder.callSizes);
        }
    }

    @Test
    void closeFinishesQueuedRequestsThenRefusesNewOnes() throws Exception {
        BatchingTranslator batching = translator(0, 64, 4);
        decoder.hold();
        batching.submit(List.of("a"), SearchSettings.GREEDY);
        decoder.awaitCall();
        var b = batching.submit(List.of("b"), SearchSettings.GREEDY);
        Thread closer = new Thread(batching::close);
        closer.start();
        decoder.release();
        closer.join(10_000);
        assertEquals("B", text(b, 0));
        assertThrows(
                IllegalStateException.class,
                () -> batching.submit(List.of("c"), SearchSettings.GREEDY));
    }

    @Test
    void buildNamesTheWrongValue() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                BatchingTranslator.builder()
                                        .setDecoder(decoder)
                                        .optMaxBatch(0)
                                        .build());
        assertTrue(e.getMessage().contains("max batch"), e.getMessage());
    }
}
