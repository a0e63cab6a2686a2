package dev.seq2seq.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text of a {@link Roofline}, on the fixtures of {@link RooflineTest}. */
class RooflineTableTest {

    private static Roofline roofline() {
        return RooflineTest.roofline();
    }

    private static ModelFlops twoSteps() {
        return RooflineTest.twoSteps();
    }

    @Test
    void theTableListsEveryBlockTheModelHasWithSharesSummingToOneHundred() {
        String table = roofline().format();
        double shares = 0;
        for (ModelFlops.BlockFlops block : twoSteps().blocks()) {
            Matcher m =
                    Pattern.compile("(?m)^  " + block.block().label() + " .* ([0-9.]+)%$")
                            .matcher(table);
            assertEquals(block.total() > 0, m.find(), block.block().label() + " in\n" + table);
            shares += block.total() > 0 ? Double.parseDouble(m.group(1)) : 0;
        }
        assertEquals(100, shares, 0.5, table);
        assertTrue(table.contains("time per step:  forward 150.0 ms (36%)"), table);
        assertTrue(table.contains("square 2048x2048 (peak)"), table);
        assertTrue(table.contains("output projection"), table);
        Matcher ratio = Pattern.compile("achieved / peak: ([0-9.]+)").matcher(table);
        assertTrue(ratio.find(), table);
        assertEquals(roofline().ratio(), Double.parseDouble(ratio.group(1)), 0.0005);
        assertEquals(table, roofline().toString());
    }

    @Test
    void theThreeTablesAreTheWholeInOrderEachWithItsOwnRows() {
        Roofline roofline = roofline();
        assertEquals(
                roofline.format(),
                roofline.formatFlops() + roofline.formatTime() + roofline.formatRates());
        assertTrue(roofline.formatFlops().contains("  total "), roofline.formatFlops());
        assertFalse(roofline.formatFlops().contains("time per step"), roofline.formatFlops());
        assertTrue(roofline.formatTime().startsWith("time per step:"), roofline.formatTime());
        assertFalse(roofline.formatTime().contains("(peak)"), roofline.formatTime());
        assertTrue(
                roofline.formatRates().startsWith("matrix multiply in this JVM"),
                roofline.formatRates());
        assertTrue(roofline.formatRates().contains("achieved / peak"), roofline.formatRates());
    }

    @Test
    void perTokenColumnsAreTheBlocksFlopsOverTheRealTargetTokens() {
        String table = roofline().format();
        ModelFlops flops = twoSteps();
        String total =
                String.format(
                        java.util.Locale.ROOT, "%.3f", flops.perTargetToken(flops.total()) / 1e6);
        assertTrue(
                table.matches("(?s).*\\n  total .* " + Pattern.quote(total) + " +100\\.0%\\n.*"),
                table);
    }

    @Test
    void theForwardSplitGivesEachPartsTimeShareAndTheOutputProjectionsRate() {
        Roofline roofline =
                new Roofline(
                        twoSteps(),
                        RooflineTest.seconds(0.3, 0.5),
                        RooflineTest.rate(MatrixProduct.square(2048), 150),
                        List.of(),
                        RooflineTest.parts());
        double expected = roofline.outputProjectionGflops();
        String table = RooflineTable.of(roofline);
        assertTrue(table.contains("within the forward"), table);
        assertTrue(table.matches("(?s).*\\n    encoder +25\\.00 +17% +- +-\\n.*"), table);
        assertTrue(table.matches("(?s).*\\n    decoder +75\\.00 +50% +- +-\\n.*"), table);
        String rate = String.format(java.util.Locale.ROOT, "%.1f", expected);
        assertTrue(
                table.matches(
                        "(?s).*\\n    output projection +30\\.00 +20% +"
                                + Pattern.quote(rate)
                                + " .*"),
                table);
        assertTrue(table.matches("(?s).*\\n    loss +20\\.00 +13% .*"), table);
        assertTrue(!RooflineTable.of(roofline()).contains("within the forward"), "not split");
    }
}
