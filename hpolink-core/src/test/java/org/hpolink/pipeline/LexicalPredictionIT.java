package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpolink.RealDataFolder;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.PredictedFinding;
import org.hpolink.corpus.Submission;
import org.hpolink.corpus.SubmissionReader;
import org.hpolink.corpus.SubmissionWriter;
import org.hpolink.extract.lexical.LexicalConfig;
import org.hpolink.extract.lexical.LexicalModel;
import org.hpolink.extract.lexical.LexicalModelIO;
import org.hpolink.extract.lexical.LexicalTrainer;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoJsonReader;
import org.hpolink.text.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lexical pipeline trained on the whole BC8 training file annotates every observation of it; the submission
 * it writes passes the official validation, and a model bundle read back predicts the same.
 */
class LexicalPredictionIT {

    @TempDir
    Path folder;

    @Test
    void predictionsOfAllTrainingObservationsMakeAValidSubmissionAndAReloadedModelPredictsTheSame() throws IOException {
        Hpo hpo = new HpoJsonReader().read(RealDataFolder.hpoFile());
        Corpus corpus = new Bc8CorpusReader(hpo::isKnown).read(RealDataFolder.trainFile());
        LexicalModel model = new LexicalTrainer(LexicalConfig.defaults()).train(corpus, hpo, "all");
        List<Observation> observations = corpus.observations().stream().map(AnnotatedObservation::observation).toList();

        Map<String, List<Finding>> predicted = annotate(ExtractionPipeline.lexical(model, hpo), observations);
        Path file = folder.resolve("predictions.tsv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new SubmissionWriter().write(out, observations, o -> predicted.get(o.id()));
        }
        Submission submission = new SubmissionReader().read(file, corpus);

        assertTrue(submission.withSpans());
        assertEquals(observations.stream().map(Observation::id).toList(), List.copyOf(submission.findingsByObservation().keySet()));
        int keyFindings = 0;
        for (Observation observation : observations) {
            List<Finding> keys = Submission.submittedFindings(observation, predicted.get(observation.id()));
            assertEquals(keys.stream().map(Finding::id).toList(),
                    submission.findings(observation.id()).stream().map(PredictedFinding::id).toList(), observation.id());
            assertEquals(keys.stream().map(Finding::span).toList(),
                    submission.findings(observation.id()).stream().map(p -> p.span().orElseThrow()).toList(), observation.id());
            keyFindings += keys.size();
        }
        assertTrue(keyFindings > corpus.size() / 2, "the model finds something: " + keyFindings + " key findings in " + corpus.size() + " observations");

        Path bundle = folder.resolve("model");
        LexicalModelIO.write(model, bundle);
        LexicalModel reloaded = LexicalModelIO.read(bundle);
        assertEquals(model.provenance(), reloaded.provenance());
        assertEquals(predicted, annotate(ExtractionPipeline.lexical(reloaded, hpo), observations));
    }

    private static Map<String, List<Finding>> annotate(Pipeline pipeline, List<Observation> observations) {
        Map<String, List<Finding>> findings = new LinkedHashMap<>();
        observations.forEach(o -> findings.put(o.id(), pipeline.annotate(o)));
        return findings;
    }
}
