package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hpolink.corpus.Finding;
import org.hpolink.extract.lexical.LexicalFixtures;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.SynonymScope;
import org.hpolink.ontology.Term;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

class WordOrderFilterTest {

    private static final HpoId RIGHT_TO_LEFT = HpoId.of("HP:0001694");
    private static final HpoId LEFT_TO_RIGHT = HpoId.of("HP:0012382");
    private static final HpoId ROD_CONE = HpoId.of("HP:0000510");
    private static final HpoId CONE_ROD = HpoId.of("HP:0000548");
    private static final HpoId SCOLIOSIS = HpoId.of("HP:0002650");

    private static final Hpo HPO = LexicalFixtures.smallHpo("order",
            Term.builder(RIGHT_TO_LEFT).label("Right-to-left shunt").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(LEFT_TO_RIGHT).label("Left-to-right shunt").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(ROD_CONE).label("Rod-cone dystrophy").synonym("Rod cone dystrophy", SynonymScope.EXACT)
                    .parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(CONE_ROD).label("Cone/rod dystrophy").synonym("Cone-rod dystrophy", SynonymScope.EXACT)
                    .parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(SCOLIOSIS).label("Scoliosis").synonym("Scolioses", SynonymScope.EXACT).parent(HpoId.PHENOTYPIC_ABNORMALITY).build());

    private final WordOrderFilter filter = new WordOrderFilter(HPO);

    private HpoId idOf(String text, HpoId found, String span) {
        List<ScoredFinding> findings = List.of(new ScoredFinding(Finding.key(found, Span.parse(span)), 1, "lexical"));
        return filter.apply(Observation.of("x", text), findings).get(0).finding().id();
    }

    @Test
    void theWordsInTheirOrderNameTheTerm() {
        assertEquals(LEFT_TO_RIGHT, idOf("large ASD with left-to-right shunt", RIGHT_TO_LEFT, "15-34"));
        assertEquals(RIGHT_TO_LEFT, idOf("a right to left shunt", LEFT_TO_RIGHT, "2-21"));
        assertEquals(CONE_ROD, idOf("Cone-rod dystrophies.", ROD_CONE, "0-20"), "a plural is the same name");
        assertEquals(ROD_CONE, idOf("Rod-cone dystrophy.", ROD_CONE, "0-18"));
    }

    @Test
    void wordsInNoNamesOrderKeepTheirIdAndOtherTermsAreUntouched() {
        assertEquals(RIGHT_TO_LEFT, idOf("shunt, right to left", RIGHT_TO_LEFT, "0-20"));
        assertEquals(SCOLIOSIS, idOf("Scoliosis", SCOLIOSIS, "0-9"));
    }
}
