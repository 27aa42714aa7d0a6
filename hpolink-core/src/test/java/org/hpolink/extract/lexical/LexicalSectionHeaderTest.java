package org.hpolink.extract.lexical;

import static org.hpolink.corpus.Bc8Fixtures.annotated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.extract.Mention;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.SynonymScope;
import org.hpolink.ontology.Term;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/**
 * Sections whose header annotators never borrow: once {@link LexicalModel#SECTION_EVIDENCE} key findings of a
 * section all left the header out, no finding of that section borrows it, although an HPO name would take it
 * ({@code HANDS} + {@code clinodactyly} -> "Hand clinodactyly").
 */
class LexicalSectionHeaderTest {

    private static final HpoId HAND = HpoId.of("HP:0001155");
    private static final HpoId CLINODACTYLY = HpoId.of("HP:0030084");
    private static final HpoId FINGER_CLINODACTYLY = HpoId.of("HP:0040019");
    private static final HpoId SHORT_FINGER = HpoId.of("HP:0009381");

    private static final Hpo HPO = LexicalFixtures.smallHpo("sections",
            Term.builder(HAND).label("Abnormality of the hand").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(CLINODACTYLY).label("Clinodactyly").parent(HAND).build(),
            Term.builder(FINGER_CLINODACTYLY).label("Finger clinodactyly").parent(CLINODACTYLY)
                    .synonym("Hand clinodactyly", SynonymScope.EXACT).build(),
            Term.builder(SHORT_FINGER).label("Short finger").parent(HAND).build());

    /** {@code findings} observations "HANDS: short fingers", none borrowing the header. */
    private static LexicalModel trainedOn(int findings) {
        List<AnnotatedObservation> observations = new ArrayList<>();
        for (int i = 0; i < findings; i++) {
            observations.add(annotated("h" + i, "HANDS: short fingers", Finding.key(SHORT_FINGER, Span.parse("7-20"))));
        }
        return new LexicalTrainer(LexicalFixtures.CONFIG).train(new Corpus("train.tsv", "", observations), HPO, "all");
    }

    private static List<Mention> extract(LexicalModel model) {
        return new LexicalMentionExtractor(model).extract(Observation.of("x", "HANDS: clinodactyly"));
    }

    @Test
    void aSectionWhoseHeaderWasNeverBorrowedLendsItToNoFinding() {
        LexicalModel model = trainedOn(LexicalModel.SECTION_EVIDENCE);
        assertFalse(model.borrowsHeader("HANDS"));
        assertTrue(model.borrowsHeader("EARS"), "a section the training file does not have may lend its header");

        List<Mention> mentions = extract(model);
        assertEquals(1, mentions.size(), mentions.toString());
        assertEquals(CLINODACTYLY, mentions.get(0).id().orElseThrow());
        assertEquals(Span.parse("7-19"), mentions.get(0).span());
    }

    @Test
    void tooLittleEvidenceKeepsTheHeaderBorrowable() {
        LexicalModel model = trainedOn(LexicalModel.SECTION_EVIDENCE - 1);
        assertTrue(model.borrowsHeader("HANDS"));

        List<Mention> mentions = extract(model);
        assertEquals(1, mentions.size(), mentions.toString());
        assertEquals(FINGER_CLINODACTYLY, mentions.get(0).id().orElseThrow());
        assertEquals(Span.parse("0-5,7-19"), mentions.get(0).span());
    }
}
