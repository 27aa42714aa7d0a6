package org.hpolink.server;

import java.util.List;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.extract.lexical.LexicalConfig;
import org.hpolink.extract.lexical.LexicalModel;
import org.hpolink.extract.lexical.LexicalTrainer;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.pipeline.DocumentAnnotator;
import org.hpolink.pipeline.ExtractionPipeline;
import org.hpolink.pipeline.Profile;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;

/** A lexical pipeline over {@link TinyHpo}, trained on a few observations in code, as the service's tests serve it. */
final class TinyService {

    static final Hpo HPO = TinyHpo.build();
    static final LexicalModel MODEL = new LexicalTrainer(LexicalConfig.defaults()).train(new Corpus("tiny.tsv", "0".repeat(64), List.of(
            observation("t1", "EARS: low set, thin helices", key(TinyHpo.LOW_SET_EARS, "0-4,6-13"), key(TinyHpo.THIN_EAR_HELIX, "15-27")),
            observation("t2", "EARS: low set", key(TinyHpo.LOW_SET_EARS, "0-4,6-13")),
            observation("t3", "EYES: epicanthus", key(TinyHpo.EPICANTHUS, "6-16")),
            observation("t4", "EYES: hooded eyelids", key(TinyHpo.HOODED_EYELID, "6-20")),
            observation("t5", "EYES: no epicanthus", Finding.normal(TinyHpo.EPICANTHUS, Span.parse("9-19"))))), HPO, "all");

    private TinyService() {
    }

    private static AnnotatedObservation observation(String id, String text, Finding... findings) {
        return new AnnotatedObservation(Observation.of(id, text), List.of(findings), 2);
    }

    private static Finding key(HpoId id, String span) {
        return Finding.key(id, Span.parse(span));
    }

    static DocumentAnnotator annotator() {
        return new DocumentAnnotator(ExtractionPipeline.lexical(MODEL, HPO), HPO, Profile.NOTES);
    }

    static ServedPipeline served(DocumentAnnotating annotating) {
        return new ServedPipeline("lexical", HPO, annotating, "lexical model", List.of(MODEL.provenance()), "0.1.0-test");
    }

    static ServedPipeline served() {
        return served(annotator()::annotate);
    }
}
