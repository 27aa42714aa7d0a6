package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hpolink.corpus.AnnotatedDocument;
import org.hpolink.corpus.DocumentFinding;
import org.hpolink.corpus.GoldDocument;
import org.hpolink.corpus.GoldFolderReader;
import org.hpolink.corpus.GoldMention;
import org.hpolink.eval.Counts;
import org.hpolink.eval.DocumentError;
import org.hpolink.eval.DocumentEvaluation;
import org.hpolink.eval.DocumentScorer;
import org.hpolink.format.JsonLinesFindingsReader;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.Term;
import org.hpolink.pipeline.DocumentAnnotator;
import org.hpolink.pipeline.OpenPipeline;
import org.hpolink.pipeline.ParallelPipeline;
import org.hpolink.pipeline.Profile;

import picocli.CommandLine.Model.CommandSpec;

/** {@code evaluate --corpus DIR [--pred FILE]}: document annotations scored against a gold folder, with the errors. */
final class DocumentEvaluationRun {

    private final CommandSpec spec;
    private final HpoOption hpo;
    private final NormalizerOption normalizer;
    private final GridModelOption grid;
    private final LlmOption llm;

    DocumentEvaluationRun(CommandSpec spec, HpoOption hpo, NormalizerOption normalizer, GridModelOption grid, LlmOption llm) {
        this.spec = spec;
        this.hpo = hpo;
        this.normalizer = normalizer;
        this.grid = grid;
        this.llm = llm;
    }

    /**
     * Scores the predictions of {@code predictions}, or those of the pipeline {@code model} names, against the gold set
     * {@code corpus}, and prints the scores (and the errors when asked).
     */
    int run(Path corpus, Path predictions, String model, Profile profile, boolean listErrors, PrintWriter out) throws IOException {
        Hpo ontology = hpo.read();
        List<GoldDocument> gold = new GoldFolderReader(ontology::isKnown).read(corpus);
        Map<String, List<DocumentFinding>> predicted;
        String source;
        if (predictions != null) {
            predicted = JsonLinesFindingsReader.read(predictions);
            source = predictions.toString();
        } else {
            predicted = new LinkedHashMap<>();
            int threads = Runtime.getRuntime().availableProcessors();
            try (OpenPipeline pipeline = ModelOption.pipeline(model, spec, ontology, normalizer, grid, llm, threads, profile);
                 ParallelPipeline parallel = new ParallelPipeline(pipeline.pipeline(), threads)) {
                DocumentAnnotator annotator = new DocumentAnnotator(parallel, ontology, profile, parallel);
                for (AnnotatedDocument document : annotator.annotate(gold.stream().map(GoldDocument::document).toList())) {
                    predicted.put(document.id(), document.findings());
                }
                source = pipeline.description();
            }
        }
        DocumentEvaluation evaluation = DocumentScorer.score(gold, predicted, ontology, source);

        List<GoldMention> mentions = gold.stream().flatMap(d -> d.mentions().stream()).toList();
        out.printf(Locale.ROOT, "gold:        %s (%,d documents, %,d mentions, %,d of them negated and left out; HPO %s)%n", corpus, gold.size(),
                mentions.size(), mentions.stream().filter(GoldMention::negated).count(), ontology.release());
        out.printf(Locale.ROOT, "predictions: %s (the patient's findings: present and historical)%n", source);
        long problems = mentions.stream().filter(m -> m.problem().isPresent()).count();
        if (problems > 0) {
            out.printf(Locale.ROOT, "note: %,d gold mentions have offsets that do not cover the text written beside them%s%n", problems,
                    listErrors ? " (listed below)" : " (listed with --errors)");
        }
        out.println();
        out.println("level              precision  recall      F1     TP     FP     FN");
        row(out, "document (ids)", evaluation.documentLevel());
        row(out, "mention, overlap", evaluation.mentionOverlap());
        row(out, "mention, exact", evaluation.mentionExact());
        if (listErrors) {
            printErrors(out, gold, evaluation, ontology);
        }
        out.flush();
        return 0;
    }

    private static void row(PrintWriter out, String level, Counts counts) {
        out.printf(Locale.ROOT, "%-18s %9.4f %7.4f %7.4f %6d %6d %6d%n", level, counts.precision(), counts.recall(), counts.f1(),
                counts.tp(), counts.fp(), counts.fn());
    }

    private static void printErrors(PrintWriter out, List<GoldDocument> gold, DocumentEvaluation evaluation, Hpo ontology) {
        for (DocumentError.Kind kind : DocumentError.Kind.values()) {
            List<DocumentError> errors = evaluation.errors().stream().filter(e -> e.kind() == kind)
                    .sorted(Comparator.comparing(DocumentError::document).thenComparing(DocumentError::id)).toList();
            out.println();
            out.printf(Locale.ROOT, "%s (%,d)%n", kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), errors.size());
            for (DocumentError error : errors) {
                String label = ontology.term(error.id()).map(Term::label).orElse("?");
                out.printf(Locale.ROOT, "  %-10s %s %-40s %-12s \"%s\"%n", error.document(), error.id(), label, error.where(),
                        error.text().replace('\n', ' '));
            }
        }
        out.println();
        out.println("gold mentions whose offsets do not cover their text");
        for (GoldDocument document : gold) {
            for (GoldMention mention : document.mentions()) {
                mention.problem().ifPresent(problem -> out.printf(Locale.ROOT, "  %s line %d: %s%n", document.id(), mention.line(), problem));
            }
        }
    }
}
