package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Submission;
import org.hpolink.corpus.SubmissionReader;
import org.hpolink.eval.AlignmentReportWriter;
import org.hpolink.eval.Bc8Scorer;
import org.hpolink.eval.Evaluation;
import org.hpolink.eval.EvaluationTable;
import org.hpolink.eval.Metric;
import org.hpolink.ontology.Hpo;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hpolink evaluate}: scores a BC8 prediction file against an annotated gold file, as the official scorer does. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Score a BC8 prediction file against an annotated gold file, as the official BioCreative VIII Track 3 "
                    + "scorer does.",
            "Prints precision, recall, F1 and the counts of normalization, and of exact and overlapping "
                    + "extraction+normalization when the predictions have spans. The gold file's HPO ids must be known "
                    + "to the HPO (primary, alternative or obsolete ids). A file that breaks the BC8 format fails "
                    + "naming the file, line and field."
        })
final class EvaluateCommand implements Callable<Integer> {

    /**
     * The files of one scoring, which come together. A group of their own so that another way to get predictions
     * (cross-validating a model) can later be offered as an exclusive alternative.
     */
    static final class ScoredFiles {

        @Option(names = "--gold", required = true, paramLabel = "FILE",
                description = "The annotated gold file (ObservationID or StringID, Text, HPO Term or Term, "
                        + "Polarity or Negated, Spans).")
        private Path gold;

        @Option(names = "--pred", required = true, paramLabel = "FILE",
                description = "The prediction file (ObservationID, Text, HPO Term[, Spans]); every gold observation "
                        + "must have a row.")
        private Path predictions;
    }

    @ArgGroup(exclusive = false, multiplicity = "1")
    private ScoredFiles files;

    @Option(names = "--alignment", paramLabel = "FILE",
            description = "Also write every scoring decision (gold finding, prediction, verdict) to FILE as TSV.")
    private Path alignment;

    @Option(names = "--by-section",
            description = "Also print each metric per section (EARS, EYES, ...) of the gold observations.")
    private boolean bySection;

    @Mixin
    private HpoOption hpo;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Hpo ontology = hpo.read();
        Corpus gold = new Bc8CorpusReader(ontology::isKnown).read(files.gold);
        Submission predictions = new SubmissionReader().read(files.predictions, gold);
        Evaluation evaluation = Bc8Scorer.score(gold, predictions);

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "gold:        %s (%,d observations; HPO %s)%n", gold.source(), gold.size(), ontology.release());
        out.printf(Locale.ROOT, "predictions: %s (%s)%n", predictions.source(),
                predictions.withSpans() ? "with spans" : "no spans: normalization only");
        out.println();
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
}
