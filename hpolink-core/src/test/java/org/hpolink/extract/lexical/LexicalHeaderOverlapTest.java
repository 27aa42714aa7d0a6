package org.hpolink.extract.lexical;

import static org.hpolink.corpus.Bc8Fixtures.annotated;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
 * A phrase that borrows the header gives up its words to a phrase that does not: in {@code CARDIAC: soft systolic
 * murmur}, {@code murmur} belongs to Systolic murmur, so {@code CARDIAC} + {@code murmur} (Heart murmur) is dropped,
 * while {@code CARDIAC: murmur} alone still borrows the header.
 */
class LexicalHeaderOverlapTest {

    private static final HpoId HEART_MURMUR = HpoId.of("HP:0030148");
    private static final HpoId SYSTOLIC_MURMUR = HpoId.of("HP:0031664");

    private static final Hpo HPO = LexicalFixtures.smallHpo("murmurs",
            Term.builder(HEART_MURMUR).label("Heart murmur").parent(HpoId.PHENOTYPIC_ABNORMALITY)
                    .synonym("Cardiac murmur", SynonymScope.EXACT).build(),
            Term.builder(SYSTOLIC_MURMUR).label("Systolic murmur").parent(HEART_MURMUR).build());

    private static final LexicalModel MODEL = new LexicalTrainer(LexicalFixtures.CONFIG).train(new Corpus("train.tsv", "", List.of(
            annotated("m1", "CARDIAC: murmur", Finding.key(HEART_MURMUR, Span.parse("0-7,9-15"))),
            annotated("m2", "CARDIAC: systolic murmur", Finding.key(SYSTOLIC_MURMUR, Span.parse("9-24"))))), HPO, "all");

    private static List<Mention> extract(String text) {
        return new LexicalMentionExtractor(MODEL).extract(Observation.of("x", text));
    }

    @Test
    void theHeaderPhraseGivesUpWordsAnotherPhraseHolds() {
        List<Mention> mentions = extract("CARDIAC: soft systolic murmur");
        assertEquals(1, mentions.size(), mentions.toString());
        assertEquals(SYSTOLIC_MURMUR, mentions.get(0).id().orElseThrow());
        assertEquals(Span.parse("14-29"), mentions.get(0).span());
    }

    @Test
    void aHeaderPhraseAloneStillBorrowsTheHeader() {
        List<Mention> mentions = extract("CARDIAC: loud murmur");
        assertEquals(1, mentions.size(), mentions.toString());
        assertEquals(HEART_MURMUR, mentions.get(0).id().orElseThrow());
        assertEquals(Span.parse("0-7,14-20"), mentions.get(0).span());
    }
}
