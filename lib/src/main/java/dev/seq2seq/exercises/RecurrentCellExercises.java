package dev.seq2seq.exercises;

import ai.djl.util.Preconditions;

import dev.seq2seq.nn.CellType;
import dev.seq2seq.nn.GradientFlow;

import java.util.List;

/** The exercises of notebook 02, recurrent cells. */
final class RecurrentCellExercises {

    private RecurrentCellExercises() {}

    static List<Exercise> all() {
        return List.of(
                new Exercise(
                        "02.1",
                        "smallestBias",
                        "",
                        "run GradientFlow.norms(CellType.LSTM, 64, 40, 16, 1f, bias, 3) for bias = 0,"
                                + " 1, 2, ... and compare the last norm with the first.",
                        (answer, given) -> Answers.equalsWhole(answer, smallestForgetBias())),
                new Exercise(
                        "02.2",
                        "gruParameters",
                        "",
                        "a GRU has three gates, each with an (H, E) input matrix, an (H, H) recurrent"
                                + " matrix and two bias vectors of H (PyTorch's convention).",
                        (answer, given) -> Answers.equalsWhole(answer, gruParameters(128, 64))),
                new Exercise(
                        "02.3",
                        "rnnDistance",
                        "",
                        "norms.get(\"RNN\")[d] is the norm at distance d; find the first d whose"
                                + " norm is below 0.01 times the norm at d = 0.",
                        (answer, given) ->
                                Answers.equalsWhole(
                                        answer, firstBelowOnePercent((double[]) given))));
    }

    /** 02.1: the smallest integer forget bias keeping 1% of the gradient over 39 steps. */
    static long smallestForgetBias() {
        for (int bias = 0; bias <= 10; bias++) {
            double[] n = GradientFlow.norms(CellType.LSTM, 64, 40, 16, 1f, bias, 3);
            if (n[39] >= 0.01 * n[0]) {
                return bias;
            }
        }
        throw new IllegalStateException("no forget bias up to 10 keeps 1% of the gradient");
    }

    /** 02.2: one layer, one direction, two bias vectors per gate. */
    static long gruParameters(long e, long h) {
        return 3 * (h * e + h * h + 2 * h);
    }

    /** 02.3: the first distance whose norm is below 1% of the norm at distance 0. */
    static long firstBelowOnePercent(double[] norms) {
        Preconditions.checkArgument(norms != null, "exercise 02.3 needs norms.get(\"RNN\")");
        for (int d = 0; d < norms.length; d++) {
            if (norms[d] < 0.01 * norms[0]) {
                return d;
            }
        }
        return -1;
    }
}
