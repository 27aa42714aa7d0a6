package org.hpolink.extract.lexical;

import static org.hpolink.corpus.Bc8Fixtures.annotated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.extract.Mention;
import org.hpolink.extract.lexical.LexicalModel.Composition;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.Term;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compositions: two findings of one sentence that annotators write as one term, a child of both. The HPO here has
 * Low-set ears and Posteriorly rotated ears and their common child; the corpus gives the child twice for the two
 * phrases, written apart by a comma, so that no dictionary window can hold both.
 */
class LexicalCompositionTest {

    private static final HpoId EAR = HpoId.of("HP:0000598");
    private static final HpoId LOW_SET = HpoId.of("HP:0000369");
    private static final HpoId ROTATED = HpoId.of("HP:0000358");
    private static final HpoId LOW_SET_ROTATED = HpoId.of("HP:0000368");

    private static final Hpo HPO = LexicalFixtures.smallHpo("composition",
            Term.builder(EAR).label("Abnormality of the ear").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(LOW_SET).label("Low-set ears").parent(EAR).build(),
            Term.builder(ROTATED).label("Posteriorly rotated ears").parent(EAR).build(),
            Term.builder(LOW_SET_ROTATED).label("Low-set, posteriorly rotated ears").parent(LOW_SET).parent(ROTATED).build());

    private static List<AnnotatedObservation> observations() {
        List<AnnotatedObservation> observations = new ArrayList<>();
        observations.add(annotated("c1", "EARS: low set, posteriorly rotated", Finding.key(LOW_SET_ROTATED, Span.parse("6-34"))));
        observations.add(annotated("c2", "EARS: low set, slightly posteriorly rotated", Finding.key(LOW_SET_ROTATED, Span.parse("6-43"))));
        observations.add(annotated("a1", "EARS: low set ears", Finding.key(LOW_SET, Span.parse("6-18"))));
        observations.add(annotated("b1", "EARS: posteriorly rotated ears", Finding.key(ROTATED, Span.parse("6-30"))));
        return observations;
    }

    private static LexicalModel train(List<AnnotatedObservation> observations) {
        return new LexicalTrainer(LexicalFixtures.CONFIG).train(new Corpus("train.tsv", "", observations), HPO, "all");
    }

    private static List<Mention> extract(LexicalModel model, String text) {
        return new LexicalMentionExtractor(model).extract(Observation.of("x", text));
    }

    @Test
    void learnsTheCompositionAndJoinsTheTwoFindingsOfOneSentence() {
        LexicalModel model = train(observations());
        assertEquals(Set.of(new Composition(ROTATED, LOW_SET, LOW_SET_ROTATED)), model.compositions());

        List<Mention> joined = extract(model, "EARS: small, low set, posteriorly rotated");
        assertEquals(1, joined.size(), joined.toString());
        assertEquals(LOW_SET_ROTATED, joined.get(0).id().orElseThrow());
        assertEquals(Span.parse("0-4,13-41"), joined.get(0).span(), "the header once, then both phrases and the comma between");
    }

    @Test
    void findingsOfTwoSentencesStayApart() {
        List<Mention> apart = extract(train(observations()), "EARS: low set ears. Ears posteriorly rotated.");
        assertEquals(List.of(LOW_SET, ROTATED), apart.stream().map(m -> m.id().orElseThrow()).toList());
    }

    /** The notes profile's model keeps the findings apart. */
    @Test
    void withoutCompositionsEachFindingKeepsItsId() {
        LexicalModel model = train(observations()).withoutCompositions();
        assertEquals(Set.of(), model.compositions());
        List<Mention> apart = extract(model, "EARS: small, low set, posteriorly rotated");
        assertEquals(List.of(LOW_SET, ROTATED), apart.stream().map(m -> m.id().orElseThrow()).toList());
    }

    /** Annotators who give both parents in one observation as often as the child do not compose them. */
    @Test
    void noCompositionWhenAnnotatorsKeepThePartsApart() {
        List<AnnotatedObservation> observations = observations();
        observations.add(annotated("ab1", "EARS: low set ears and posteriorly rotated ears",
                Finding.key(LOW_SET, Span.parse("6-18")), Finding.key(ROTATED, Span.parse("23-47"))));
        observations.add(annotated("ab2", "EARS: posteriorly rotated ears, low set ears",
                Finding.key(ROTATED, Span.parse("6-30")), Finding.key(LOW_SET, Span.parse("32-44"))));
        LexicalModel model = train(observations);

        assertEquals(Set.of(), model.compositions());
        // Nor is the composite read by sharing words across the comma: posteriorly rotated heads posteriorly rotated ears.
        List<HpoId> ids = extract(model, "EARS: low set ears, posteriorly rotated ears").stream().map(m -> m.id().orElseThrow()).toList();
        assertFalse(ids.contains(LOW_SET_ROTATED), ids.toString());
        assertTrue(ids.contains(ROTATED), ids.toString());
    }

    @Test
    void compositionsSurviveWritingAndReading(@TempDir Path folder) throws IOException {
        LexicalModel model = train(observations());
        LexicalModelIO.write(model, folder);
        assertEquals(model.compositions(), LexicalModelIO.read(folder).compositions());
    }
}
