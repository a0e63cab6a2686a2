package dev.seq2seq.nn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parameters of a model block by block, as Keras' {@code model.summary()} prints them: each
 * block's path in the tree of DJL blocks (e.g. {@code decoder/attention}), its class, the number of
 * parameters in it and below it, and the shapes of the parameters it holds itself.
 *
 * <p>Blocks without parameters (dropout, activation) are left out. A parameter shared by two blocks
 * (the Transformer's tied target embedding and output projection) is counted once in the total.
 */
public final class ModelSummary {

    /**
     * One block of the summary.
     *
     * @param path the block's path from the model, children joined by {@code /}
     * @param depth 1 for the model's children, 2 for theirs, ..
     * @param type the block's class name
     * @param parameters the number of scalar parameters in the block and its children
     * @param shapes the shapes of the block's own parameters, e.g. {@code weight (256, 512)}; empty
     *     when all of them live in children
     */
    public record Row(String path, int depth, String type, long parameters, String shapes) {}

    private final List<Row> rows;
    private final long total;

    private ModelSummary(List<Row> rows, long total) {
        this.rows = List.copyOf(rows);
        this.total = total;
    }

    /**
     * Summarises an initialised model down to a depth of its block tree.
     *
     * @param model the model, e.g. a {@link dev.seq2seq.model.Seq2SeqModel} after {@code
     *     initialize}
     * @param maxDepth how deep to list blocks: 1 lists the model's children only
     * @return the summary
     * @throws IllegalArgumentException if maxDepth is below 1
     * @throws IllegalStateException if a parameter has no shape yet (the model is not initialised),
     *     naming the parameter
     */
    public static ModelSummary of(Block model, int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1, got " + maxDepth);
        }
        List<Row> rows = new ArrayList<>();
        collect(model, "", 1, maxDepth, rows);
        return new ModelSummary(rows, count(model));
    }

    /**
     * Returns the blocks that hold parameters, depth first, in the order the model declares them.
     *
     * @return the rows
     */
    public List<Row> rows() {
        return rows;
    }

    /**
     * Returns the number of scalar parameters of the model, each shared parameter counted once.
     *
     * @return the total
     */
    public long total() {
        return total;
    }

    /**
     * Returns the summary as a text table, children indented under their parents, and the total.
     *
     * @return the table
     */
    @Override
    public String toString() {
        int width =
                rows.stream()
                        .mapToInt(r -> 2 * (r.depth() - 1) + leaf(r.path()).length())
                        .max()
                        .orElse(5);
        width = Math.max(width, 5);
        int typeWidth = rows.stream().mapToInt(r -> r.type().length()).max().orElse(4);
        typeWidth = Math.max(typeWidth, 4);
        String format = "%-" + width + "s  %-" + typeWidth + "s  %,12d  %s%n";
        StringBuilder table = new StringBuilder();
        table.append(
                String.format(
                        Locale.ROOT,
                        "%-" + width + "s  %-" + typeWidth + "s  %12s  %s%n",
                        "block",
                        "type",
                        "parameters",
                        "own parameter shapes"));
        for (Row r : rows) {
            String name = "  ".repeat(r.depth() - 1) + leaf(r.path());
            table.append(
                    String.format(Locale.ROOT, format, name, r.type(), r.parameters(), r.shapes()));
        }
        table.append(
                String.format(
                        Locale.ROOT,
                        "%-" + width + "s  %-" + typeWidth + "s  %,12d%n",
                        "total",
                        "",
                        total));
        return table.toString();
    }

    private static void collect(
            Block block, String prefix, int depth, int maxDepth, List<Row> rows) {
        for (Pair<String, Block> child : block.getChildren()) {
            long parameters = count(child.getValue());
            if (parameters == 0) {
                continue;
            }
            String path = prefix + childName(child.getKey());
            String shapes =
                    child.getValue().getDirectParameters().stream()
                            .map(p -> p.getKey() + " " + p.getValue().getShape())
                            .collect(Collectors.joining(", "));
            rows.add(
                    new Row(
                            path,
                            depth,
                            child.getValue().getClass().getSimpleName(),
                            parameters,
                            shapes));
            if (depth < maxDepth) {
                collect(child.getValue(), path + "/", depth + 1, maxDepth, rows);
            }
        }
    }

    private static long count(Block block) {
        Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        long sum = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!seen.add(p.getValue())) {
                continue;
            }
            if (p.getValue().getShape() == null) {
                throw new IllegalStateException(
                        "parameter "
                                + p.getKey()
                                + " has no shape: initialise the model before summarising it");
            }
            sum += p.getValue().getShape().size();
        }
        return sum;
    }

    /** DJL names children {@code 01encoder}: the number keeps their order; the name is the rest. */
    private static String childName(String key) {
        return key.replaceFirst("^\\d+", "");
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
