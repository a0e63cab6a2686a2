package dev.seq2seq.cli;

import ai.djl.ndarray.NDManager;

import dev.seq2seq.data.CorpusSplit;
import dev.seq2seq.data.DataSettings;
import dev.seq2seq.data.ParallelCorpus;
import dev.seq2seq.data.ReferenceGroup;
import dev.seq2seq.data.TranslationData;
import dev.seq2seq.data.TsvCorpusReader;
import dev.seq2seq.data.Units;
import dev.seq2seq.decode.Translation;
import dev.seq2seq.decode.Translator;
import dev.seq2seq.eval.EvaluationSummary;
import dev.seq2seq.eval.PairedBootstrap;
import dev.seq2seq.eval.PronunciationEvaluation;
import dev.seq2seq.eval.Rouge;
import dev.seq2seq.eval.SentenceStatistics;
import dev.seq2seq.eval.TestSetEvaluation;
import dev.seq2seq.store.TrainedModel;
import dev.seq2seq.store.TrainingRun;
import dev.seq2seq.store.TrainingRunFolder;
import dev.seq2seq.train.Progress;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code seq2seq evaluate}: translates a corpus's source side and scores it against its targets.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Translates the source side of a TSV corpus and prints BLEU, chrF and ROUGE; for a",
            "spelling-to-sound model (train --units chars), the word and phoneme error rates.",
            "Pairs are grouped by source sentence, so every translation of a sentence is a reference.",
            "--split test evaluates on the test split that train and the notebooks hold out,",
            "prepared with the data settings the model recorded in training.json; the scores of a",
            "held-out split are kept in the model folder (evaluation-test.json), where serve's",
            "provenance shows them."
        })
final class EvaluateCommand implements Callable<Integer> {

    @ParentCommand Main main;

    /** Which pairs of the corpus to evaluate on. */
    enum Split {
        ALL,
        VALID,
        TEST
    }

    private static final int CHUNK = 256;

    @Mixin ModelFolder model = new ModelFolder();

    @Option(names = "--data", required = true, description = "the TSV corpus")
    Path data;

    @Option(names = "--split", description = "ALL, VALID or TEST (default: ${DEFAULT-VALUE})")
    Split split = Split.ALL;

    @Option(names = "--hypotheses", description = "also write the translations here, one per line")
    Path hypotheses;

    @Mixin SearchOptions search = new SearchOptions();

    /** The SHA-256 of the corpus read by {@link #groups}. */
    private String corpusSha256;

    @Override
    public Integer call() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainingRun run = TrainingRunFolder.load(model.folder(), manager);
            TrainedModel trained = run.trained();
            List<ReferenceGroup> groups = groups(run.settings().data());
            Translator translator = search.translator(trained);
            List<Translation> translations = new ArrayList<>(groups.size());
            try (Progress progress =
                    Progress.builder()
                            .setTask("translating")
                            .setTotal(groups.size())
                            .optUnit("sentences")
                            .optOutput(main.out())
                            .build()) {
                for (int start = 0; start < groups.size(); start += CHUNK) {
                    List<String> sources =
                            groups.subList(start, Math.min(groups.size(), start + CHUNK)).stream()
                                    .map(ReferenceGroup::source)
                                    .toList();
                    translations.addAll(translator.translate(sources));
                    progress.stepBy(sources.size());
                }
            }
            if (trained.provenance().units() == Units.CHARACTERS) {
                printPronunciationErrors(PronunciationEvaluation.score(translations, groups));
                writeHypotheses(translations.stream().map(Translation::text).toList());
                return 0;
            }
            TestSetEvaluation evaluation =
                    TestSetEvaluation.score(
                            translations, groups, trained.provenance().targetLanguage());
            List<String> hyps = evaluation.hypotheses();
            List<List<String>> refs = evaluation.references();
            main.out()
                    .printf(
                            "%,d source sentences, %,d references, %s search%n",
                            groups.size(),
                            refs.stream().mapToInt(List::size).sum(),
                            search.describe());
            main.out().println(evaluation.caseSensitiveBleu().toSignedString(2));
            main.out().println(evaluation.bleu().toSignedString(2));
            main.out().println(evaluation.chrf().toSignedString(2));
            main.out().println(Rouge.corpusScores(hyps, refs));
            record(evaluation, trained);
            writeHypotheses(hyps);
        }
        return 0;
    }

    /**
     * Prints a spelling-to-sound model's word and phoneme error rates, each with its 95% bootstrap
     * interval (1,000 resamples of the words).
     */
    private void printPronunciationErrors(PronunciationEvaluation evaluation) {
        int pronunciations =
                evaluation.pronunciations().stream().mapToInt(java.util.List::size).sum();
        main.out()
                .printf(
                        "%,d words, %,d pronunciations, %s search%n",
                        evaluation.words().size(), pronunciations, search.describe());
        main.out().println(evaluation.score());
        PairedBootstrap bootstrap = PairedBootstrap.builder().build();
        PairedBootstrap.Estimate wer =
                bootstrap.interval(SentenceStatistics.wordErrorRate(evaluation.words()));
        PairedBootstrap.Estimate per =
                bootstrap.interval(SentenceStatistics.phonemeErrorRate(evaluation.words()));
        main.out()
                .printf(
                        Locale.ROOT,
                        "bootstrap (1,000 resamples of the words): WER %.2f ± %.2f, PER %.2f ±"
                                + " %.2f%n",
                        wer.mean(),
                        wer.ci(),
                        per.mean(),
                        per.ci());
        if (split != Split.ALL) {
            main.out()
                    .println(
                            "not recorded in the model's folder: evaluation-test.json holds"
                                    + " translation metrics");
        }
    }

    private void writeHypotheses(List<String> lines) throws IOException {
        if (hypotheses != null) {
            Files.write(hypotheses, lines, StandardCharsets.UTF_8);
            main.out().println("wrote " + hypotheses);
        }
    }

    /**
     * Keeps a held-out split's scores in the model's folder (see {@link EvaluationSummary}) when
     * the split was cut from the corpus the model was trained on; says why not otherwise.
     */
    private void record(TestSetEvaluation evaluation, TrainedModel trained) {
        if (split == Split.ALL) {
            return;
        }
        if (!corpusSha256.equals(trained.provenance().dataSha256())) {
            main.out()
                    .println(
                            "not recorded in the model's folder: "
                                    + data
                                    + " is not the corpus the model was trained on");
            return;
        }
        String name = split.name().toLowerCase(Locale.ROOT);
        Path file =
                EvaluationSummary.of(evaluation, name, search.describe(), corpusSha256)
                        .save(model.folder());
        main.out().println("recorded in " + file);
    }

    /** The split's reference groups; notes the corpus hash for {@link #record}. */
    private List<ReferenceGroup> groups(DataSettings settings) {
        if (split == Split.ALL) {
            ParallelCorpus corpus = TsvCorpusReader.readDefault(data);
            corpusSha256 = corpus.sha256();
            return CorpusSplit.references(corpus.pairs());
        }
        TranslationData prepared =
                TranslationData.builder().setFile(data).optSettings(settings).build();
        corpusSha256 = prepared.corpus().sha256();
        return CorpusSplit.references(
                split == Split.TEST ? prepared.split().test() : prepared.split().valid());
    }
}
