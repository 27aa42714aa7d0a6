package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.extract.Mention;
import org.hpolink.normalize.BiosynConfig;
import org.hpolink.normalize.Candidate;
import org.hpolink.normalize.SparseNormalizer;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.Term;
import org.hpolink.pipeline.Encoders;
import org.hpolink.pipeline.GoldMentionEvaluation;
import org.hpolink.text.Observation;
import org.hpolink.text.Section;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;

import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hpolink normalize}: the HPO ids the normalizer (BioSyn, or the sparse one alone) ranks first for one mention,
 * or its accuracy on the gold mentions of an annotated file under cross-validation.
 */
@Command(
        name = "normalize",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:no HPO name is like TEXT, or an error", "2:invalid usage"},
        description = {
            "Rank the HPO ids a mention may stand for (TEXT), or measure how often the right id comes first for the "
                    + "gold mentions of an annotated file (--cv).",
            "The normalizer follows BioSyn: every name (labels, exact and related synonyms of the observable HPO terms, "
                    + "and every key-finding mention of the --data file) scores dense + lambda * sparse, where dense "
                    + "compares the mention's and the name's sentence-encoder vectors through a learned projection and "
                    + "sparse is the TF-IDF cosine of their character 2- and 3-grams; an id scores as its best name. It is "
                    + "the default normalizer (see --normalizer-model), trained on first use. With --sparse only the "
                    + "sparse score ranks, and no model is needed. Prints the --top N ids, best first, with score and "
                    + "label; ties go to the smaller id.",
            "With --cv K the --data file is split into K folds by a seeded shuffle; each fold's key findings are ranked "
                    + "by a normalizer trained on the other folds (for BioSyn, about 40 s per fold on 2 cores). Prints "
                    + "accuracy@1 and accuracy@N over all gold mentions and over those whose text (ignoring case) no "
                    + "training fold holds."
        })
final class NormalizeCommand implements Callable<Integer> {

    private static final int NOTHING_FOUND = 1;

    /** The id of the observation a command-line mention is normalized in, which error messages name. */
    private static final String OBSERVATION_ID = "TEXT";

    /** One mention typed on the command line. */
    static final class OneMention {

        @Parameters(paramLabel = "TEXT", description = "The mention to normalize, such as \"low set ears\".")
        private String text;

        @Option(names = "--section", paramLabel = "S",
                description = "Normalize TEXT as part of the observation \"S: TEXT\", such as --section EARS for \"low set\". "
                        + "Both normalizers rank the mention alone (cross-validation chose that over prefixing the "
                        + "section), so the section only shows in the output.")
        private String section;
    }

    /** What is normalized: one mention, or the gold mentions of the data file. */
    static final class Mode {

        @ArgGroup(exclusive = false, multiplicity = "1")
        private OneMention mention;

        @ArgGroup(exclusive = false, multiplicity = "1")
        private CrossValidationOptions cv;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Mode mode;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5",
            description = "Print the N best ids; with --cv, count a mention as found within N (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--sparse", description = "Rank by the character n-gram score alone, without the encoder or a trained model.")
    private boolean sparse;

    @Option(names = "--full", description = "With --cv: train each fold's normalizer as train --normalizer --full does, "
            + "fine-tuning the encoder itself (about 10 minutes per fold on 2 cores).")
    private boolean full;

    @Mixin
    private EncoderTuningOptions tuning;

    @Mixin
    private NormalizerOption normalizer;

    @Mixin
    private TrainingDataOption data;

    @Mixin
    private HpoOption hpo;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        OptionChecks.requireAtLeast(spec, "--top", top, 1);
        if (full && mode.cv == null) {
            throw new ParameterException(spec.commandLine(),
                    "--full goes with --cv (a fine-tuned normalizer is read with --normalizer-model)");
        }
        tuning.check(spec, full);
        PrintWriter out = spec.commandLine().getOut();
        int exitCode = mode.cv != null ? crossValidate(mode.cv, out) : normalize(mode.mention, out);
        out.flush();
        return exitCode;
    }

    private int normalize(OneMention given, PrintWriter out) throws IOException {
        String text = given.text.strip();
        if (text.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "TEXT is empty: expected a mention such as \"low set ears\"");
        }
        Optional<Section> section = section(given.section);
        // The header, a colon and a space come before the mention, as in BC8 observations.
        String prefix = section.map(s -> s.name() + ": ").orElse("");
        Observation observation = new Observation(OBSERVATION_ID, prefix + text, section);
        Mention mention = new Mention(Span.of(prefix.length(), prefix.length() + text.length()), Optional.empty(), FindingStatus.KEY, 1,
                "command line");

        Hpo ontology = hpo.read();
        List<Candidate> ranked;
        if (sparse) {
            ranked = SparseNormalizer.of(ontology, data.read(ontology)).rank(observation, mention, top);
        } else {
            try (Encoders encoders = new Encoders()) {
                ranked = normalizer.normalizer(ontology, data.file(), encoders).rank(observation, mention, top);
            }
        }
        out.println(observation.text());
        if (ranked.isEmpty()) {
            out.printf("  no name of an HPO term or a training mention shares a character n-gram with '%s'%n", text);
            return NOTHING_FOUND;
        }
        int rankWidth = Integer.toString(ranked.size()).length();
        for (int i = 0; i < ranked.size(); i++) {
            Candidate candidate = ranked.get(i);
            out.printf(Locale.ROOT, "  %" + rankWidth + "d  %s  %.4f  %s%n", i + 1, candidate.id(), candidate.score(), label(ontology, candidate));
        }
        return 0;
    }

    private Optional<Section> section(String given) {
        if (given == null) {
            return Optional.empty();
        }
        String name = given.strip();
        if (name.isEmpty() || name.contains(":")) {
            throw new ParameterException(spec.commandLine(), "--section is '" + given + "': expected a header such as EARS, without the colon");
        }
        return Optional.of(new Section(name, new Segment(0, name.length())));
    }

    /** The training file's ids are checked against the HPO when it is read, so every ranked id has a term. */
    private static String label(Hpo ontology, Candidate candidate) {
        return ontology.term(candidate.id()).map(Term::label).orElseThrow(() -> new IllegalStateException(
                candidate.id() + " is not in HPO " + ontology.release() + ": expected only ids the HPO knows in the dictionary"));
    }

    private int crossValidate(CrossValidationOptions cv, PrintWriter out) throws IOException {
        cv.check(spec);
        if (full && sparse) {
            throw new ParameterException(spec.commandLine(), "--full trains BioSyn normalizers; --sparse ranks without one");
        }
        Hpo ontology = hpo.read();
        Corpus corpus = data.read(ontology);
        GoldMentionEvaluation.Result result;
        String ranking;
        try (ProgressBar bar = Progress.of("cross-validating (folds)", cv.k, spec.commandLine().getErr());
             FoldNormalizers normalizers = new FoldNormalizers(ontology, full ? tuning.full() : BiosynConfig.DEFAULTS)) {
            BiosynConfig config = normalizers.config();
            ranking = sparse ? "sparse" : "BioSyn on " + config.encoder() + (full ? String.format(Locale.ROOT,
                    ", fine-tuned (%d passes at %s)", config.encoderPasses(), config.encoderLearningRate()) : "");
            result = GoldMentionEvaluation.run(corpus, ontology, cv.k, cv.seed, top, (train, fold) -> {
                // A fold's normalizer is built when the fold before it has been ranked.
                bar.stepTo(fold.index() - 1L);
                return sparse ? SparseNormalizer.of(ontology, train) : normalizers.train(train, fold);
            });
            bar.stepTo(cv.k);
        }
        out.printf(Locale.ROOT, "data:       %s (%,d observations; HPO %s)%n", corpus.source(), corpus.size(), ontology.release());
        out.printf(Locale.ROOT, "normalizer: %s, %d-fold cross-validation, seed %d%n", ranking, cv.k, cv.seed);
        out.println();
        out.print(result.describe());
        return 0;
    }
}
