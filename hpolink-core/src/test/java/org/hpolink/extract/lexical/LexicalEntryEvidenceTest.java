package org.hpolink.extract.lexical;

import static org.hpolink.corpus.Bc8Fixtures.annotated;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.Term;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/**
 * An entry that only an HPO name gave is not rejected on one training text where annotators left it unmarked: that
 * is no evidence against the label. Two such texts are.
 */
class LexicalEntryEvidenceTest {

    private static final HpoId HEPATOMEGALY = HpoId.of("HP:0002240");
    private static final HpoId SPLENOMEGALY = HpoId.of("HP:0001744");

    private static final Hpo HPO = LexicalFixtures.smallHpo("organs",
            Term.builder(HEPATOMEGALY).label("Hepatomegaly").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(SPLENOMEGALY).label("Splenomegaly").parent(HpoId.PHENOTYPIC_ABNORMALITY).build());

    private static LexicalModel trainedWithUnmarked(int unmarked) {
        List<AnnotatedObservation> observations = new ArrayList<>();
        observations.add(annotated("s1", "ABDOMEN: splenomegaly", Finding.key(SPLENOMEGALY, Span.parse("9-21"))));
        for (int i = 0; i < unmarked; i++) {
            observations.add(annotated("u" + i, "ABDOMEN: hepatomegaly per report"));
        }
        return new LexicalTrainer(LexicalFixtures.CONFIG).train(new Corpus("train.tsv", "", observations), HPO, "all");
    }

    private static List<HpoId> ids(LexicalModel model, String text) {
        return new LexicalMentionExtractor(model).extract(Observation.of("x", text)).stream().map(m -> m.id().orElseThrow()).toList();
    }

    @Test
    void oneUnmarkedTextDoesNotRejectAnHpoLabel() {
        assertEquals(List.of(HEPATOMEGALY), ids(trainedWithUnmarked(1), "ABDOMEN: hepatomegaly"));
    }

    @Test
    void twoUnmarkedTextsDo() {
        assertEquals(List.of(), ids(trainedWithUnmarked(2), "ABDOMEN: hepatomegaly"));
    }
}
