package dev.seq2seq.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

class CorpusSplitTest {

    private static final ParallelCorpus CORPUS =
            TsvCorpusReader.readDefault(Path.of("../datasets/eng-fra.tsv"));

    private static Set<String> sources(List<SentencePair> pairs) {
        return pairs.stream().map(p -> p.source().strip()).collect(Collectors.toSet());
    }

    @Test
    void noSourceSentenceIsInTwoSplits() {
        CorpusSplit split = CorpusSplit.bySource(CORPUS.pairs(), 0.05, 0.05, 7);
        Set<String> train = sources(split.train());
        Set<String> valid = sources(split.valid());
        Set<String> test = sources(split.test());
        assertTrue(train.stream().noneMatch(valid::contains));
        assertTrue(train.stream().noneMatch(test::contains));
        assertTrue(valid.stream().noneMatch(test::contains));
        assertEquals(
                CORPUS.size(), split.train().size() + split.valid().size() + split.test().size());
        assertEquals(Math.round(48_197 * 0.05), test.size());
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        CorpusSplit a = CorpusSplit.bySource(CORPUS.pairs(), 0.1, 0.1, 1);
        assertEquals(a, CorpusSplit.bySource(CORPUS.pairs(), 0.1, 0.1, 1));
        assertTrue(!a.test().equals(CorpusSplit.bySource(CORPUS.pairs(), 0.1, 0.1, 2).test()));
    }

    @Test
    void testReferencesKeepEveryTranslation() {
        CorpusSplit split = CorpusSplit.bySource(CORPUS.pairs(), 0.05, 0.05, 7);
        List<ReferenceGroup> groups = CorpusSplit.references(split.test());
        assertEquals(sources(split.test()).size(), groups.size());
        assertEquals(
                split.test().size(), groups.stream().mapToInt(g -> g.references().size()).sum());
        assertTrue(groups.stream().anyMatch(g -> g.references().size() > 1));
        Set<String> seen = new HashSet<>();
        groups.forEach(g -> assertTrue(seen.add(g.source())));
    }

    @Test
    void badFractionsAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> CorpusSplit.bySource(CORPUS.pairs(), 0.5, 0.5, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> CorpusSplit.bySource(CORPUS.pairs(), -0.1, 0.1, 1));
    }
}
