package org.hpolink.extract.lexical;

import static org.hpolink.corpus.Bc8Fixtures.annotated;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.SynonymScope;
import org.hpolink.ontology.Term;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/**
 * A finding's words read across {@code with}, {@code and} or {@code or} borrow a word of the next phrase: in
 * {@code short nose with anteverted nares}, {@code nose with anteverted} (an Anteverted nose) and
 * {@code anteverted nares} are two readings of one finding, and annotators mark the second.
 */
class LexicalCoordinatorBridgeTest {

    private static final HpoId ANTEVERTED_NARES = HpoId.of("HP:0000463");
    private static final HpoId SHORT_NOSE = HpoId.of("HP:0003196");

    private static final Hpo HPO = LexicalFixtures.smallHpo("nose",
            Term.builder(ANTEVERTED_NARES).label("Anteverted nares").parent(HpoId.PHENOTYPIC_ABNORMALITY)
                    .synonym("Anteverted nose", SynonymScope.EXACT).build(),
            Term.builder(SHORT_NOSE).label("Short nose").parent(HpoId.PHENOTYPIC_ABNORMALITY).build());

    private static final LexicalModel MODEL = new LexicalTrainer(LexicalFixtures.CONFIG).train(new Corpus("train.tsv", "", List.of(
            annotated("a1", "NOSE: anteverted nares", Finding.key(ANTEVERTED_NARES, Span.parse("6-22"))),
            annotated("a2", "NOSE: anteverted nose", Finding.key(ANTEVERTED_NARES, Span.parse("6-21"))),
            annotated("s1", "NOSE: short nose", Finding.key(SHORT_NOSE, Span.parse("6-16"))))), HPO, "all");

    private static List<String> extract(String text) {
        return new LexicalMentionExtractor(MODEL).extract(Observation.of("x", text)).stream()
                .map(m -> m.span() + " " + m.id().orElseThrow()).toList();
    }

    @Test
    void theReadingWithinOnePhraseWinsOverTheOneAcrossWith() {
        // "NOSE: short nose with anteverted nares": short nose 6-16, with 17-21, anteverted nares 22-38
        assertEquals(List.of("6-16 " + SHORT_NOSE, "22-38 " + ANTEVERTED_NARES), extract("NOSE: short nose with anteverted nares"));
    }

    @Test
    void aReadingAcrossWithStaysWhenNothingElseReadsTheFinding() {
        // "NOSE: nose with anteverted tip" has no anteverted nares: nose 6-10, anteverted 16-26
        assertEquals(List.of("6-26 " + ANTEVERTED_NARES), extract("NOSE: nose with anteverted tip"));
    }
}
