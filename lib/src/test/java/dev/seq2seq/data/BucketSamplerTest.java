package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

class BucketSamplerTest {

    private static List<EncodedPair> pairs(int n) {
        Random random = new Random(3);
        List<EncodedPair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pairs.add(
                    new EncodedPair(
                            new int[1 + random.nextInt(20)], new int[1 + random.nextInt(20)], i));
        }
        return pairs;
    }

    private static BucketSampler sampler(int poolBatches) {
        return BucketSampler.builder()
                .setBatchSize(32)
                .optSeed(5)
                .optPoolBatches(poolBatches)
                .build();
    }

    @Test
    void everyPairAppearsExactlyOncePerEpoch() {
        List<EncodedPair> pairs = pairs(1000);
        List<List<Integer>> plan = sampler(10).batches(pairs, 0);
        List<Integer> all = new ArrayList<>();
        plan.forEach(all::addAll);
        all.sort(null);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            expected.add(i);
        }
        assertEquals(expected, all);
        assertTrue(plan.stream().allMatch(b -> b.size() <= 32));
    }

    @Test
    void shuffleDependsOnSeedAndEpochOnly() {
        List<EncodedPair> pairs = pairs(500);
        assertEquals(sampler(10).batches(pairs, 3), sampler(10).batches(pairs, 3));
        assertNotEquals(sampler(10).batches(pairs, 3), sampler(10).batches(pairs, 4));
    }

    @Test
    void bucketingWastesLessPaddingThanRandomBatches() {
        List<EncodedPair> pairs = pairs(5000);
        double random = BucketSampler.paddingFraction(pairs, sampler(1).batches(pairs, 0));
        double bucketed = BucketSampler.paddingFraction(pairs, sampler(50).batches(pairs, 0));
        assertTrue(bucketed < random / 2, "bucketed " + bucketed + " vs random " + random);
    }

    @Test
    void withoutShuffleBatchesFollowTheDataOrder() {
        List<List<Integer>> plan =
                BucketSampler.builder()
                        .setBatchSize(4)
                        .optShuffle(false)
                        .build()
                        .batches(pairs(10), 0);
        assertEquals(List.of(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7), List.of(8, 9)), plan);
    }

    @Test
    void batchSizeIsRequired() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> BucketSampler.builder().build());
        assertTrue(e.getMessage().contains("setBatchSize"));
    }
}
