package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.Fold;
import org.hpolink.corpus.Submission;
import org.hpolink.corpus.SubmissionReader;
import org.hpolink.eval.AlignmentReportWriter;
import org.hpolink.eval.AlignmentRow;
import org.hpolink.eval.Bc8Scorer;
import org.hpolink.eval.Counts;
import org.hpolink.eval.Evaluation;
import org.hpolink.eval.ErrorAnalysis;
import org.hpolink.eval.EvaluationTable;
import org.hpolink.eval.Metric;
import org.hpolink.eval.Outcome;
import org.hpolink.eval.Verdict;
import org.hpolink.extract.ExpandingExtractor;
import org.hpolink.extract.MentionExtractor;
import org.hpolink.extract.lexical.LexicalConfig;
import org.hpolink.extract.lexical.LexicalMentionExtractor;
import org.hpolink.extract.lexical.LexicalModel;
import org.hpolink.extract.lexical.LexicalTrainer;
import org.hpolink.extract.llm.ChatClient;
import org.hpolink.extract.llm.LlmMentionExtractor;
import org.hpolink.normalize.BiosynNormalizer;
import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.CrossValidation;
import org.hpolink.pipeline.ExtractionPipeline;
import org.hpolink.pipeline.ExtractorEnsemble;
import org.hpolink.pipeline.GapFillingEnsemble;
import org.hpolink.pipeline.GridFirstEnsemble;
import org.hpolink.pipeline.NormalizedExtractor;
import org.hpolink.pipeline.Profile;
import org.hpolink.pipeline.VotingEnsemble;
import org.hpolink.text.AbbreviationExpander;
import org.hpolink.text.Observation;

import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hpolink evaluate}: scores a BC8 prediction file against an annotated gold file, as the official scorer does,
 * or cross-validates the lexical model on an annotated file.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Score a BC8 prediction file against an annotated gold file, as the official BioCreative VIII Track 3 "
                    + "scorer does (--gold, --pred); or cross-validate a pipeline (--model, default the lexical model) on "
                    + "an annotated file (--cv).",
            "Prints precision, recall, F1 and the counts of normalization, and of exact and overlapping "
                    + "extraction+normalization when the predictions have spans. The gold file's HPO ids must be known "
                    + "to the HPO (primary, alternative or obsolete ids). A file that breaks the BC8 format fails "
                    + "naming the file, line and field.",
            "With --cv K the file is split into K folds by a seeded shuffle; for each fold the model is trained on the "
                    + "others and predicts it. Prints the three F1 scores per fold, their mean, and the scores of all "
                    + "folds' predictions pooled."
        })
final class EvaluateCommand implements Callable<Integer> {

    /** The files of one scoring, which come together. */
    static final class ScoredFiles {

        @Option(names = "--gold", required = true, paramLabel = "FILE",
                description = "The annotated gold file (ObservationID or StringID, Text, HPO Term or Term, "
                        + "Polarity or Negated, Spans); with --pred.")
        private Path gold;
    }

    /** What is scored: a prediction file, or cross-validated predictions. */
    static final class Mode {

        @ArgGroup(exclusive = false, multiplicity = "1")
        private ScoredFiles files;

        @ArgGroup(exclusive = false, multiplicity = "1")
        private CrossValidationOptions cv;

        @Option(names = "--corpus", required = true, paramLabel = "DIR",
                description = "Score documents against the gold set DIR in the corpus/ + ann/ layout, as spec/notes-scoring.md "
                        + "says: document level (distinct ids a document) and mention level (overlapping and exact spans); "
                        + "the predictions are --pred's, or, without it, annotate's with --model.")
        private Path corpus;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Mode mode;

    @Option(names = "--pred", paramLabel = "FILE",
            description = "With --gold: the BC8 prediction file (ObservationID, Text, HPO Term[, Spans]); every gold observation "
                    + "must have a row. With --corpus: annotate's JSON Lines output (annotate --format jsonl); every gold "
                    + "document must have a line.")
    private Path predictions;

    @Mixin
    private NormalizerOption normalizer;

    @Mixin
    private GridModelOption gridModel;

    /** Only for --corpus without --pred, with --model llm or lexical+llm. */
    @Mixin
    private LlmOption llm;

    /** Only for --corpus without --pred: how the documents are annotated. */
    @Mixin
    private ProfileOption profile;

    @Option(names = "--alignment", paramLabel = "FILE",
            description = "Also write every scoring decision (gold finding, prediction, verdict) to FILE as TSV; with "
                    + "--cv, those of the pooled predictions.")
    private Path alignment;

    @Option(names = "--by-section",
            description = "Also print each metric per section (EARS, EYES, ...) of the gold observations.")
    private boolean bySection;

    @Option(names = "--errors",
            description = "Also print the errors sorted by kind (wrong id, missed header segment, normal finding output, "
                    + "boundary...), most frequent first, as a Markdown table.")
    private boolean errors;

    @Mixin
    private HpoOption hpo;

    /** An evaluation with the gold corpus it was scored against (whose normal findings the error analysis needs). */
    private record Scored(Corpus gold, Evaluation evaluation) {
    }

    /** Only for --cv; the mixin's name is checked in {@link #requireCrossValidationFor}. */
    @Mixin(name = "data")
    private TrainingDataOption data;

    /** Only for --cv, as {@link #data}. */
    @Mixin(name = "lexical")
    private LexicalOptions lexical;

    /** Only for --cv, as {@link #data}. */
    @Mixin(name = "renormalization")
    private RenormalizationOption renormalization;

    /** Only for --cv with --model grid or ensemble: the grid model's variant. */
    @Mixin
    private GridOptions gridOptions;

    @Option(names = "--expand-abbreviations",
            description = "With --cv: train and predict on the texts with their abbreviations written out "
                    + "(b/l, DTRs, PF: the reviewed table of AbbreviationExpander), spans mapped back to the original characters.")
    private boolean expandAbbreviations;

    @Option(names = "--corrections-half",
            description = "With --cv and the lexical model: what a curator's corrections are worth. In each fold, half the "
                    + "held-out observations stand for corrections; the other half is scored by a model trained without them "
                    + "and by one trained with them.")
    private boolean correctionsHalf;

    @Option(names = "--model", paramLabel = "NAME",
            description = "With --cv: the pipeline to cross-validate, lexical (the default: it takes seconds), grid (the "
                    + "W2NER-style grid model, ids from the BioSyn normalizer) or ensemble. With grid or "
                    + "ensemble, each fold trains the lexical model, the normalizer and the grid model (about 2 to 3 minutes "
                    + "per fold on 2 cores); with ensemble, a table first compares the lexical, grid, voting, gap-filling and "
                    + "grid-first pipelines on the same folds and models. llm or lexical+llm (with --llm-endpoint and "
                    + "--llm-model): each fold's LLM takes its examples from the fold's training part, and a table compares "
                    + "the lexical model, the LLM and the two together. With --corpus: the pipeline that annotates the "
                    + "documents, as annotate's --model.")
    private String model = ModelOption.LEXICAL;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Scored scored;
        if (gridOptions.isSet() && (mode.cv == null || model.equals(ModelOption.LEXICAL))) {
            throw new ParameterException(spec.commandLine(), "--tune-encoder and --lexicon-hints go with --cv and --model grid or ensemble");
        }
        boolean expandable = model.equals(ModelOption.LEXICAL) || model.equals(ModelOption.GRID) || model.equals(ModelOption.ENSEMBLE);
        if (expandAbbreviations && (mode.cv == null || !expandable || renormalization.isSet() || correctionsHalf)) {
            throw new ParameterException(spec.commandLine(), "--expand-abbreviations goes with --cv and the lexical, grid or ensemble "
                    + "pipeline, without --normalize-below or --corrections-half");
        }
        if (correctionsHalf && (mode.cv == null || !model.equals(ModelOption.LEXICAL))) {
            throw new ParameterException(spec.commandLine(), "--corrections-half goes with --cv and the lexical model");
        }
        if (mode.corpus == null && spec.commandLine().getParseResult().hasMatchedOption("--profile")) {
            throw new ParameterException(spec.commandLine(), "--profile goes with --corpus: it says how the documents are annotated");
        }
        if (mode.corpus == null && (normalizer.isSet() || gridModel.isSet())) {
            throw new ParameterException(spec.commandLine(), (normalizer.isSet() ? "--normalizer-model" : "--grid-model")
                    + " goes with --corpus (without --pred): it names a model of the pipeline that annotates the documents");
        }
        if (llm.isSet() && !(model.equals(ModelOption.LLM) || model.equals(ModelOption.LEXICAL_LLM)) || llm.isSet() && predictions != null) {
            throw new ParameterException(spec.commandLine(), "the --llm- options go with --model llm or lexical+llm, with --cv or --corpus "
                    + "(without --pred)");
        }
        if (mode.corpus != null) {
            requireCrossValidationFor("data", "lexical", "renormalization");
            if (alignment != null || bySection) {
                throw new ParameterException(spec.commandLine(), (alignment != null ? "--alignment" : "--by-section")
                        + " goes with --gold or --cv: it reports BC8 observations");
            }
            return new DocumentEvaluationRun(spec, hpo, normalizer, gridModel, llm).run(mode.corpus, predictions, model, profile.profile(Profile.NOTES), errors, out);
        }
        if ((mode.cv != null) == (predictions != null)) {
            throw new ParameterException(spec.commandLine(), mode.cv != null ? "--pred goes with --gold or --corpus, not --cv"
                    : "--gold needs --pred: the predictions to score");
        }
        if (mode.cv != null) {
            scored = crossValidate(mode.cv, out);
        } else {
            requireCrossValidationFor("data", "lexical", "renormalization");
            if (spec.commandLine().getParseResult().hasMatchedOption("--model")) {
                throw new ParameterException(spec.commandLine(), "--model goes with --cv: it names the pipeline cross-validated");
            }
            scored = scoreFiles(mode.files, out);
        }
        Evaluation evaluation = scored.evaluation();
        out.print(EvaluationTable.metrics(evaluation).text());
        out.printf(Locale.ROOT, "true negatives: %,d (observations where neither gold nor predictions have a key finding; "
                + "not part of P, R or F1)%n", evaluation.trueNegatives());
        if (bySection) {
            for (Metric metric : Metric.values()) {
                if (evaluation.total().get(metric).isPresent()) {
                    out.println();
                    out.print(EvaluationTable.sections(evaluation, metric).text());
                }
            }
        }
        if (errors) {
            out.println();
            out.print(ErrorAnalysis.of(evaluation, scored.gold()).markdown());
        }
        if (alignment != null) {
            try (Writer writer = Files.newBufferedWriter(alignment, StandardCharsets.UTF_8)) {
                AlignmentReportWriter.write(evaluation.rows(), writer);
            }
            out.println();
            out.printf(Locale.ROOT, "alignment report: %s (%,d rows)%n", alignment, evaluation.rows().size());
        }
        out.flush();
        return 0;
    }

    /** The options of these mixins train a model, so they make sense with --cv only. */
    private void requireCrossValidationFor(String... mixins) {
        for (String mixin : mixins) {
            for (OptionSpec option : spec.mixins().get(mixin).options()) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new ParameterException(spec.commandLine(), option.longestName()
                            + " goes with --cv: it sets how the cross-validated model is trained, and --gold/--pred trains none");
                }
            }
        }
    }

    private Scored scoreFiles(ScoredFiles files, PrintWriter out) throws IOException {
        Hpo ontology = hpo.read();
        Corpus gold = new Bc8CorpusReader(ontology::isKnown).read(files.gold);
        Submission predictions = new SubmissionReader().read(this.predictions, gold);
        out.printf(Locale.ROOT, "gold:        %s (%,d observations; HPO %s)%n", gold.source(), gold.size(), ontology.release());
        out.printf(Locale.ROOT, "predictions: %s (%s)%n", predictions.source(),
                predictions.withSpans() ? "with spans" : "no spans: normalization only");
        out.println();
        return new Scored(gold, Bc8Scorer.score(gold, predictions));
    }

    /** Runs the cross-validation, prints the per-fold table, and returns the pooled evaluation. */
    private Scored crossValidate(CrossValidationOptions cv, PrintWriter out) throws IOException {
        cv.check(spec);
        if (model.equals(ModelOption.LLM) || model.equals(ModelOption.LEXICAL_LLM)) {
            return crossValidateLlm(cv, out);
        }
        if (!model.equals(ModelOption.LEXICAL)) {
            return crossValidateLearned(cv, out);
        }
        LexicalConfig config = lexical.config();
        Hpo ontology = hpo.read();
        Corpus corpus = data.read(ontology);
        LexicalTrainer trainer = new LexicalTrainer(config);
        if (correctionsHalf) {
            return correctionsWorth(corpus, ontology, trainer, cv, out);
        }
        CrossValidation.Result result;
        try (ProgressBar bar = Progress.of("cross-validating (folds)", cv.k, spec.commandLine().getErr());
             FoldNormalizers normalizers = new FoldNormalizers(ontology)) {
            result = CrossValidation.run(corpus, cv.k, cv.seed, (part, fold) -> {
                // A fold's model is trained when the fold before it has been scored.
                bar.stepTo(fold.index() - 1L);
                if (expandAbbreviations) {
                    AbbreviationExpander expander = AbbreviationExpander.standard();
                    LexicalModel model = trainer.train(expander.expand(part), ontology, fold.describe());
                    return ExtractionPipeline.of(new ExpandingExtractor(new LexicalMentionExtractor(model), expander), ontology);
                }
                LexicalModel model = trainer.train(part, ontology, fold.describe());
                if (!renormalization.isSet()) {
                    return ExtractionPipeline.lexical(model, ontology);
                }
                BiosynNormalizer normalizer = normalizers.train(part, fold);
                return ExtractionPipeline.of(renormalization.apply(new LexicalMentionExtractor(model), normalizer), ontology);
            });
            bar.stepTo(cv.k);
        }
        printSource(corpus, ontology, "lexical model" + (expandAbbreviations ? ", abbreviations written out" : "") + (renormalization.isSet()
                ? String.format(Locale.ROOT, ", ids of mentions below confidence %s from the BioSyn normalizer", renormalization.threshold()) : ""),
                cv, out);
        return printFolds(corpus, result, out);
    }

    private static List<String> scoreRow(String name, Evaluation evaluation) {
        Counts normalization = evaluation.normalization();
        return List.of(name, score(normalization.precision()), score(normalization.recall()), score(normalization.f1()),
                score(f1(evaluation, Metric.EXACT)));
    }

    /** Scores the held-out halves without and with the other halves as corrections; returns the scores with them. */
    private Scored correctionsWorth(Corpus corpus, Hpo ontology, LexicalTrainer trainer, CrossValidationOptions cv, PrintWriter out) {
        if (renormalization.isSet()) {
            throw new ParameterException(spec.commandLine(), "--corrections-half goes with the lexical model alone");
        }
        CrossValidation.CorrectionsResult result = CrossValidation.correctionsHalf(corpus, cv.k, cv.seed,
                (part, fold) -> ExtractionPipeline.lexical(trainer.train(part, ontology, fold.describe()), ontology));
        printSource(corpus, ontology, "lexical model, half of each fold's held-out observations as corrections", cv, out);
        out.printf(Locale.ROOT, "scored: %,d held-out observations; corrections: the other %,d%n", result.scored().size(), result.corrections());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("lexical model", "normalization P", "R", "F1", "exact F1"));
        rows.add(scoreRow("trained without the corrections", result.without()));
        rows.add(scoreRow("trained with them", result.with()));
        out.print(layOut(rows));
        out.println();
        out.println("pooled predictions with the corrections:");
        return new Scored(result.scored(), result.with());
    }

    /** The models of one fold for the LLM pipelines: the LLM's examples are the fold's training part. */
    private record LlmFold(LexicalMentionExtractor lexical, BiosynNormalizer normalizer, LlmMentionExtractor llm) {
    }

    /**
     * Cross-validates the LLM pipelines, after the lexical model and the LLM alone on the same folds: each fold's
     * examples, lexical model and normalizer come from its training part.
     */
    private Scored crossValidateLlm(CrossValidationOptions cv, PrintWriter out) throws IOException {
        if (renormalization.isSet()) {
            throw new ParameterException(spec.commandLine(), "--normalize-below goes with --model lexical");
        }
        ChatClient client = llm.client();
        GapFillingEnsemble gapFilling = GapFillingEnsemble.DEFAULT;
        Map<String, Function<LlmFold, MentionExtractor>> pipelines = new LinkedHashMap<>();
        pipelines.put("lexical", LlmFold::lexical);
        pipelines.put("LLM, ids from the normalizer", f -> new NormalizedExtractor(f.llm(), f.normalizer(), 0));
        pipelines.put("lexical and LLM (" + gapFilling.toString().replace("grid", "LLM") + ")",
                f -> gapFilling.extractor(f.lexical(), f.llm(), f.normalizer()));
        if (model.equals(ModelOption.LLM)) {
            pipelines.put("LLM, ids from the normalizer", pipelines.remove("LLM, ids from the normalizer"));
        }
        Hpo ontology = hpo.read();
        Corpus corpus = data.read(ontology);
        LexicalTrainer trainer = new LexicalTrainer(lexical.config());
        Map<Integer, LlmFold> folds = new HashMap<>();
        List<CrossValidation.Result> results = new ArrayList<>();
        try (FoldNormalizers normalizers = new FoldNormalizers(ontology);
             ProgressBar bar = Progress.of("cross-validating (folds x pipelines)", (long) cv.k * pipelines.size(), spec.commandLine().getErr())) {
            for (Function<LlmFold, MentionExtractor> pipeline : pipelines.values()) {
                results.add(CrossValidation.run(corpus, cv.k, cv.seed, (part, fold) -> {
                    bar.step();
                    LlmFold models = folds.computeIfAbsent(fold.index(), index -> new LlmFold(
                            new LexicalMentionExtractor(trainer.train(part, ontology, fold.describe())), normalizers.train(part, fold),
                            llm.extractor(client, ontology, part.observations())));
                    return ExtractionPipeline.of(pipeline.apply(models), ontology);
                }));
            }
        }
        List<String> names = List.copyOf(pipelines.keySet());
        printSource(corpus, ontology, names.get(names.size() - 1), cv, out);
        out.println("pipelines compared on the same folds (pooled predictions):");
        out.print(comparisonTable(corpus, cv, names, results));
        out.println();
        LlmMentionExtractor.Stats stats = new LlmMentionExtractor.Stats(0, 0, 0);
        for (LlmFold fold : folds.values()) {
            stats = stats.plus(fold.llm().stats());
        }
        spec.commandLine().getErr().println(LlmOption.summary(stats));
        return printFolds(corpus, results.get(results.size() - 1), out);
    }

    /** A pipeline cross-validated from the models of each fold. */
    private record Variant(String name, Function<FoldModels.Trained, MentionExtractor> extractor) {
    }

    /** Cross-validates the grid or the ensemble pipeline (after the pipelines it is compared with, for the ensemble). */
    private Scored crossValidateLearned(CrossValidationOptions cv, PrintWriter out) throws IOException {
        if (!model.equals(ModelOption.GRID) && !model.equals(ModelOption.ENSEMBLE)) {
            throw new ParameterException(spec.commandLine(), "--model is '" + model + "': expected lexical, grid, ensemble, llm or lexical+llm");
        }
        if (renormalization.isSet()) {
            throw new ParameterException(spec.commandLine(), "--normalize-below goes with --model lexical: the grid and ensemble "
                    + "pipelines set their own");
        }
        out.println("grid model: " + gridOptions.config().asMap());
        Variant grid = new Variant("grid, ids from the normalizer", t -> new NormalizedExtractor(t.grid(), t.normalizer(), 0));
        ExtractorEnsemble chosen = ExtractorEnsemble.DEFAULT;
        List<Variant> variants = new ArrayList<>();
        if (model.equals(ModelOption.GRID)) {
            variants.add(grid);
        } else {
            VotingEnsemble union = VotingEnsemble.UNION;
            VotingEnsemble both = new VotingEnsemble(union.lexicalWeight(), union.gridWeight(), 1, union.lexicalTrustFrom());
            variants.add(new Variant("lexical", FoldModels.Trained::lexical));
            variants.add(new Variant("lexical, ids below " + union.lexicalTrustFrom() + " from the normalizer",
                    t -> new NormalizedExtractor(t.lexical(), t.normalizer(), union.lexicalTrustFrom())));
            variants.add(grid);
            for (ExtractorEnsemble other : List.of(both, union, new GapFillingEnsemble(0.5, 0.8), new GapFillingEnsemble(0.7, 0.8),
                    new GridFirstEnsemble(false, 0.8), new GridFirstEnsemble(true, 0.8), GapFillingEnsemble.DEFAULT)) {
                variants.add(ensemble(other));
            }
            variants.add(ensemble(chosen));
        }
        LexicalConfig config = lexical.config();
        Hpo ontology = hpo.read();
        Corpus corpus = data.read(ontology);
        List<CrossValidation.Result> results = new ArrayList<>();
        try (FoldModels models = new FoldModels(ontology, config, gridOptions.config());
             ProgressBar bar = Progress.of("cross-validating (folds x pipelines)", (long) cv.k * variants.size(), spec.commandLine().getErr())) {
            AbbreviationExpander expander = AbbreviationExpander.standard();
            for (Variant variant : variants) {
                results.add(CrossValidation.run(corpus, cv.k, cv.seed, (part, fold) -> {
                    bar.step();
                    if (expandAbbreviations) {
                        MentionExtractor extractor = variant.extractor().apply(models.of(expander.expand(part), fold));
                        return ExtractionPipeline.of(new ExpandingExtractor(extractor, expander), ontology);
                    }
                    return ExtractionPipeline.of(variant.extractor().apply(models.of(part, fold)), ontology);
                }));
            }
        }
        printSource(corpus, ontology, variants.get(variants.size() - 1).name() + (expandAbbreviations ? ", abbreviations written out" : ""),
                cv, out);
        if (variants.size() > 1) {
            out.println("pipelines compared on the same folds (pooled predictions):");
            out.print(comparisonTable(corpus, cv, variants.stream().map(Variant::name).toList(), results));
            out.println();
        }
        return printFolds(corpus, results.get(results.size() - 1), out);
    }

    /** The lines saying what was cross-validated on what. */
    private static void printSource(Corpus corpus, Hpo ontology, String predictions, CrossValidationOptions cv, PrintWriter out) {
        out.printf(Locale.ROOT, "data:        %s (%,d observations; HPO %s)%n", corpus.source(), corpus.size(), ontology.release());
        out.printf(Locale.ROOT, "predictions: %s, %d-fold cross-validation, seed %d%n", predictions, cv.k, cv.seed);
        out.println();
    }

    /** Prints the per-fold table and introduces the pooled one; returns the pooled evaluation. */
    private static Scored printFolds(Corpus corpus, CrossValidation.Result result, PrintWriter out) {
        out.print(foldTable(result));
        out.println();
        out.println("pooled predictions of all folds:");
        return new Scored(corpus, result.pooled());
    }

    private static Variant ensemble(ExtractorEnsemble ensemble) {
        return new Variant("ensemble (" + ensemble + ")", t -> ensemble.extractor(t.lexical(), t.grid(), t.normalizer()));
    }

    /**
     * One line per pipeline: pooled normalization P, R, F1, exact and overlap F1, exact recall of discontinuous gold, and
     * normalization recall of the gold findings whose wording the fold's training part has among its key findings and
     * of those whose wording it has not (what a lexicon cannot know).
     */
    private static String comparisonTable(Corpus corpus, CrossValidationOptions cv, List<String> pipelines,
            List<CrossValidation.Result> results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("pipeline", "normalization P", "R", "F1", "exact F1", "overlap F1", "exact R, discontinuous",
                "R, seen wording", "R, unseen wording"));
        // The folds CrossValidation.run made: the same split of the same corpus, k and seed.
        List<Set<String>> seenByFold = Fold.split(corpus, cv.k, cv.seed).stream().map(fold -> wordings(fold.train())).toList();
        for (int v = 0; v < pipelines.size(); v++) {
            CrossValidation.Result result = results.get(v);
            Evaluation pooled = result.pooled();
            Counts normalization = pooled.normalization();
            int[] discontinuous = new int[2];
            int[] seen = new int[2];
            int[] unseen = new int[2];
            for (int f = 0; f < result.folds().size(); f++) {
                for (AlignmentRow row : result.folds().get(f).rows()) {
                    if (row.gold().isEmpty()) {
                        continue;
                    }
                    Finding gold = row.gold().get();
                    if (gold.span().isDiscontinuous()) {
                        count(discontinuous, row.verdict() == Verdict.EXACT);
                    }
                    boolean found = row.verdict().outcome(Metric.NORMALIZATION).orElse(null) == Outcome.TRUE_POSITIVE;
                    count(seenByFold.get(f).contains(wording(row.observation(), gold)) ? seen : unseen, found);
                }
            }
            rows.add(List.of(pipelines.get(v), score(normalization.precision()), score(normalization.recall()),
                    score(normalization.f1()), score(f1(pooled, Metric.EXACT)), score(f1(pooled, Metric.OVERLAP)),
                    recall(discontinuous), recall(seen), recall(unseen)));
        }
        return layOut(rows);
    }

    /** The wordings of the key findings of {@code corpus}. */
    private static Set<String> wordings(Corpus corpus) {
        Set<String> wordings = new HashSet<>();
        for (AnnotatedObservation observation : corpus.observations()) {
            observation.keyFindings().forEach(finding -> wordings.add(wording(observation.observation(), finding)));
        }
        return wordings;
    }

    /** A finding's words as written, case and spacing aside. */
    private static String wording(Observation observation, Finding finding) {
        return String.join(" ", finding.span().coveredText(observation.text()).toLowerCase(Locale.ROOT).trim().split("\\s+"));
    }

    /** Adds one gold finding, found or not, to {@code counts} (found, all). */
    private static void count(int[] counts, boolean found) {
        counts[0] += found ? 1 : 0;
        counts[1]++;
    }

    private static String recall(int[] counts) {
        return String.format(Locale.ROOT, "%.4f (%,d of %,d)", counts[0] / (double) Math.max(1, counts[1]), counts[0], counts[1]);
    }

    /** One line per fold with the F1 of each metric, then the pooled and the mean (over folds) F1. */
    private static String foldTable(CrossValidation.Result result) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("fold", "observations"));
        for (Metric metric : Metric.values()) {
            header.add(metric.label() + " F1");
        }
        rows.add(header);
        double[] sums = new double[Metric.values().length];
        for (int f = 0; f < result.folds().size(); f++) {
            Evaluation fold = result.folds().get(f);
            List<String> row = new ArrayList<>(List.of(Integer.toString(f + 1), String.format(Locale.ROOT, "%,d", fold.observations())));
            for (Metric metric : Metric.values()) {
                double f1 = f1(fold, metric);
                sums[metric.ordinal()] += f1;
                row.add(score(f1));
            }
            rows.add(row);
        }
        Evaluation pooled = result.pooled();
        List<String> pooledRow = new ArrayList<>(List.of("pooled", String.format(Locale.ROOT, "%,d", pooled.observations())));
        List<String> meanRow = new ArrayList<>(List.of("mean", ""));
        for (Metric metric : Metric.values()) {
            pooledRow.add(score(f1(pooled, metric)));
            meanRow.add(score(sums[metric.ordinal()] / result.folds().size()));
        }
        rows.add(pooledRow);
        rows.add(meanRow);
        return layOut(rows);
    }

    /** Cross-validated predictions always have spans, so every metric is scored. */
    private static double f1(Evaluation evaluation, Metric metric) {
        return evaluation.total().get(metric).map(Counts::f1).orElseThrow(() -> new IllegalStateException(
                evaluation.predictionSource() + " has no " + metric.label() + " score: expected predictions with spans"));
    }

    private static String score(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** Fixed-width text: the first column left-aligned, the others right-aligned, columns two spaces apart. */
    private static String layOut(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                line.append(String.format(Locale.ROOT, c == 0 ? "%-" + widths[c] + "s" : "  %" + widths[c] + "s", row.get(c)));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
