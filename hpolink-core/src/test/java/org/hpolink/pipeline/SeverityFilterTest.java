package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hpolink.corpus.Finding;
import org.hpolink.extract.lexical.LexicalFixtures;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.SeverityTerms;
import org.hpolink.ontology.SynonymScope;
import org.hpolink.ontology.Term;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

class SeverityFilterTest {

    private static final HpoId ID = HpoId.of("HP:0001249");
    private static final HpoId ID_MILD = HpoId.of("HP:0001256");
    private static final HpoId ID_MODERATE = HpoId.of("HP:0002342");
    private static final HpoId ID_SEVERE = HpoId.of("HP:0010864");
    private static final HpoId GDD = HpoId.of("HP:0001263");
    private static final HpoId GDD_SEVERE = HpoId.of("HP:0011344");
    private static final HpoId PERSONALITY = HpoId.of("HP:0012075");
    private static final HpoId BORDERLINE_PERSONALITY = HpoId.of("HP:0012076");
    private static final HpoId SCOLIOSIS = HpoId.of("HP:0002650");
    private static final HpoId SEVERE_SCOLIOSIS_UNRELATED = HpoId.of("HP:0002751");

    private static final Hpo HPO = LexicalFixtures.smallHpo("severity",
            Term.builder(ID).label("Intellectual disability").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(ID_MILD).label("Intellectual disability, mild").parent(ID).build(),
            Term.builder(ID_MODERATE).label("Intellectual disability, moderate").synonym("Moderate mental retardation", SynonymScope.EXACT)
                    .parent(ID).build(),
            Term.builder(ID_SEVERE).label("Intellectual disability, severe").parent(ID).build(),
            Term.builder(GDD).label("Global developmental delay").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(GDD_SEVERE).label("Severe global developmental delay").parent(GDD).build(),
            Term.builder(PERSONALITY).label("Personality disorder").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(BORDERLINE_PERSONALITY).label("Borderline personality disorder").parent(PERSONALITY).build(),
            Term.builder(SCOLIOSIS).label("Scoliosis").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            // Named like a severity of scoliosis, but not a descendant of it: not a severity term.
            Term.builder(SEVERE_SCOLIOSIS_UNRELATED).label("Severe scoliosis").parent(HpoId.PHENOTYPIC_ABNORMALITY).build());

    private static final SeverityTerms TERMS = SeverityTerms.of(HPO);
    private final SeverityFilter filter = new SeverityFilter(TERMS);

    @Test
    void severityTermsAreFoundFromNamesAndTheGraph() {
        assertEquals(5, TERMS.size());
        assertEquals(ID_MODERATE, TERMS.atSeverity(ID, "Moderate").orElseThrow());
        assertEquals(GDD_SEVERE, TERMS.atSeverity(GDD, "severe").orElseThrow());
        assertEquals(ID, TERMS.generalOf(ID_SEVERE).orElseThrow());
        assertEquals(PERSONALITY, TERMS.generalOf(BORDERLINE_PERSONALITY).orElseThrow());
        assertFalse(TERMS.hasSeverities(SCOLIOSIS), "Severe scoliosis is not under Scoliosis in this release");
        assertTrue(TERMS.atSeverity(ID, "profound").isEmpty());
    }

    @Test
    void aSeverityBeforeAGeneralFindingNamesTheTermAtThatSeverity() {
        String text = "She has moderate intellectual disability.";
        assertEquals(List.of(Finding.key(ID_MODERATE, Span.of(8, 40))), apply(text, Finding.key(ID, Span.of(17, 40))));
    }

    @Test
    void aRangeNamesItsFirstSeverity() {
        String text = "mild-to-moderate intellectual disability; moderate to severe intellectual disability";
        assertEquals(List.of(Finding.key(ID_MILD, Span.of(0, 40)), Finding.key(ID_MODERATE, Span.of(42, 84))),
                apply(text, Finding.key(ID, Span.of(17, 40)), Finding.key(ID, Span.of(61, 84))));
    }

    @Test
    void aFindingAtTheLastSeverityOfARangeMovesToTheFirst() {
        String text = "Males have mild-to-severe intellectual disability.";
        assertEquals(List.of(Finding.key(ID_MILD, Span.of(11, 49))), apply(text, Finding.key(ID_SEVERE, Span.of(19, 49))));
    }

    @Test
    void findingsWithoutASeverityBeforeThemAndTermsWithoutSeveritiesStayAsTheyAre() {
        Finding general = Finding.key(ID, Span.of(8, 31));
        Finding atSeverity = Finding.key(ID_SEVERE, Span.of(0, 30));
        Finding scoliosis = Finding.key(SCOLIOSIS, Span.of(7, 16));
        assertEquals(List.of(general), apply("She has intellectual disability, mild.", general));
        assertEquals(List.of(atSeverity), apply("Severe intellectual disability", atSeverity));
        assertEquals(List.of(scoliosis), apply("severe scoliosis", scoliosis));
        Finding delay = Finding.key(GDD, Span.of(9, 35));
        assertEquals(List.of(delay), apply("mildness global developmental delay", delay), "a severity is a whole word");
    }

    @Test
    void aSeveritySaidOfAGeneralFindingAfterItNamesTheTermAtThatSeverity() {
        String text = "Intellectual disability is usually moderate. Intellectual disability ranges from mild to severe.";
        assertEquals(List.of(Finding.key(ID_MODERATE, Span.of(0, 43)), Finding.key(ID_MILD, Span.of(45, 85))),
                apply(text, Finding.key(ID, Span.of(0, 23)), Finding.key(ID, Span.of(45, 68))));
        Finding general = Finding.key(ID, Span.of(0, 23));
        assertEquals(List.of(general), apply("Intellectual disability is common.", general));
        assertEquals(List.of(general), apply("Intellectual disability, severe seizures.", general), "no copula: another finding's");
    }

    @Test
    void twoFindingsThatBecomeOneAreKeptOnce() {
        String text = "mild-to-severe intellectual disability";
        assertEquals(List.of(Finding.key(ID_MILD, Span.of(0, 38))),
                apply(text, Finding.key(ID_SEVERE, Span.of(8, 38)), Finding.key(ID, Span.of(15, 38))));
    }

    @Test
    void theSeverityMayComeBeforeThePhraseAfterALentHeader() {
        String text = "NEURO: severe developmental delay";
        assertEquals(List.of(Finding.key(GDD_SEVERE, Span.parse("0-5,7-33"))), apply(text, Finding.key(GDD, Span.parse("0-5,14-33"))));
    }

    private List<Finding> apply(String text, Finding... findings) {
        List<ScoredFinding> scored = List.of(findings).stream().map(f -> new ScoredFinding(f, 1, "lexical")).toList();
        return ScoredFinding.findings(filter.apply(Observation.of("x", text), scored));
    }
}
