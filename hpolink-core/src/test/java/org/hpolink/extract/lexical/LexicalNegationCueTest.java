package org.hpolink.extract.lexical;

import static org.hpolink.extract.lexical.LexicalFixtures.CLINODACTYLY;
import static org.hpolink.extract.lexical.LexicalFixtures.EPICANTHUS;
import static org.hpolink.extract.lexical.LexicalFixtures.HOODED_EYELID;
import static org.hpolink.extract.lexical.LexicalFixtures.SYNOPHRYS;
import static org.hpolink.extract.lexical.LexicalFixtures.annotated;
import static org.hpolink.extract.lexical.LexicalFixtures.key;
import static org.hpolink.extract.lexical.LexicalFixtures.normal;
import static org.hpolink.extract.lexical.LexicalFixtures.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.extract.Mention;
import org.hpolink.text.Observation;
import org.junit.jupiter.api.Test;

/**
 * A word that only keeps company with a negation cue is not a cue: in {@code no clinodactyly appreciated} the
 * normal finding is explained by {@code no}, which also explains {@code no hooding}, so {@code appreciated} must not
 * negate {@code clinodactyly appreciated}.
 */
class LexicalNegationCueTest {

    private static final String NO_CLINODACTYLY = "HANDS: no clinodactyly appreciated";
    private static final String NO_EPICANTHUS = "EYES: no epicanthus appreciated";
    private static final String NO_SYNOPHRYS = "FACE: no synophrys appreciated";
    private static final String NO_HOODING = "EYES: no hooding";
    private static final String CLINODACTYLY_TEXT = "HANDS: clinodactyly";

    private static final LexicalModel MODEL = LexicalFixtures.train(new Corpus("train.tsv", "", List.of(
            annotated("n1", NO_CLINODACTYLY, normal(CLINODACTYLY, span(NO_CLINODACTYLY, "no clinodactyly"))),
            annotated("n2", NO_EPICANTHUS, normal(EPICANTHUS, span(NO_EPICANTHUS, "no epicanthus"))),
            annotated("n3", NO_SYNOPHRYS, normal(SYNOPHRYS, span(NO_SYNOPHRYS, "no synophrys"))),
            annotated("n4", NO_HOODING, normal(HOODED_EYELID, span(NO_HOODING, "no hooding"))),
            annotated("k1", CLINODACTYLY_TEXT, key(CLINODACTYLY, span(CLINODACTYLY_TEXT, "clinodactyly"))))));

    @Test
    void theCueIsTheWordThatExplainsTheNormalFindings() {
        assertTrue(MODEL.preNegationCues().contains("no"), MODEL.preNegationCues().toString());
        assertFalse(MODEL.postNegationCues().contains("appreciated"), MODEL.postNegationCues().toString());
    }

    @Test
    void itsCompanionAloneDoesNotNegate() {
        List<Mention> mentions = new LexicalMentionExtractor(MODEL).extract(Observation.of("x", "HANDS: clinodactyly appreciated"));
        assertEquals(1, mentions.size(), mentions.toString());
        assertEquals(CLINODACTYLY, mentions.get(0).id().orElseThrow());
        assertEquals(FindingStatus.KEY, mentions.get(0).status());
    }

    @Test
    void theCueStillNegates() {
        assertTrue(new LexicalMentionExtractor(MODEL).extract(Observation.of("x", "HANDS: no clinodactyly")).stream()
                .noneMatch(m -> m.status() == FindingStatus.KEY), "a normal finding is not key");
    }
}
