package org.hpolink.assertion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hpolink.text.Document;
import org.hpolink.text.DocumentSegmenter;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/**
 * Cues of the standard list that literature uses often: words that look like a negation and are none, and the words
 * that end a cue's scope. (The blind test set, {@link AssertionTestSetTest}, measures the list as a whole.)
 */
class AssertionAnnotatorTest {

    private static final AssertionAnnotator ANNOTATOR = AssertionAnnotator.standard();

    /** The assertion of the first occurrence of {@code finding} in {@code text}. */
    private static Assertion assertionOf(String text, String finding) {
        int start = text.indexOf(finding);
        return ANNOTATOR.assertionOf(new DocumentSegmenter().segment(new Document("d", text)), Span.of(start, start + finding.length()));
    }

    @Test
    void alternativesAndAssociationsAreNotNegations() {
        assertEquals(Assertion.PRESENT, assertionOf("Males have intellectual disability with or without nystagmus.", "nystagmus"));
        assertEquals(Assertion.PRESENT, assertionOf("XLID ± nystagmus phenotype", "nystagmus"));
        assertEquals(Assertion.PRESENT, assertionOf("Type II may or may not include skeletal dysplasia.", "skeletal dysplasia"));
        assertEquals(Assertion.PRESENT, assertionOf("Cataracts are not associated with the severity of the neutropenia.", "neutropenia"));
        assertEquals(Assertion.PRESENT, assertionOf("Without treatment, progression to visual loss may occur.", "visual loss"));
    }

    @Test
    void theNegationsThemselvesStillNegate() {
        assertEquals(Assertion.NEGATED, assertionOf("He has no nystagmus.", "nystagmus"));
        assertEquals(Assertion.NEGATED, assertionOf("Seen without nystagmus.", "nystagmus"));
        assertEquals(Assertion.NEGATED, assertionOf("Pt seen w/o nystagmus.", "nystagmus"));
        assertEquals(Assertion.HYPOTHETICAL, assertionOf("R/O nystagmus.", "nystagmus"));
        assertEquals(Assertion.NEGATED, assertionOf("Psychomotor regression is not typical, the seizures worsen.", "Psychomotor regression"));
    }

    @Test
    void theRelativesAReportDescribesAreItsPatients() {
        assertEquals(Assertion.PRESENT, assertionOf("We report two brothers with severe psychomotor retardation.", "psychomotor retardation"));
        assertEquals(Assertion.PRESENT, assertionOf("Here we describe three sisters with cataracts.", "cataracts"));
        assertEquals(Assertion.FAMILY, assertionOf("He has two brothers with autism.", "autism"));
        assertEquals(Assertion.FAMILY, assertionOf("We report a boy whose two brothers had cataracts.", "cataracts"));
    }

    @Test
    void unlessEndsAScope() {
        assertEquals(Assertion.PRESENT, assertionOf("No cardiac disease unless spinal cord compression develops.", "spinal cord compression"));
        assertEquals(Assertion.NEGATED, assertionOf("No cardiac disease unless spinal cord compression develops.", "cardiac disease"));
    }

    @Test
    void aCueInsideAnotherFindingGovernsNothing() {
        String text = "Marked hypotonia and absent reflexes. Reflexes were absent.";
        Span hypotonia = Span.of(7, 16);
        Span absentReflexes = Span.of(21, 36);
        Span reflexes = Span.of(38, 46);
        AssertionAnnotator.DocumentAssertions asserted = ANNOTATOR.forDocument(new DocumentSegmenter().segment(new Document("d", text)),
                List.of(hypotonia, absentReflexes, reflexes));

        assertEquals(Assertion.PRESENT, asserted.assertionOf(hypotonia), "absent belongs to absent reflexes");
        assertEquals(Assertion.PRESENT, asserted.assertionOf(absentReflexes));
        assertEquals(Assertion.NEGATED, asserted.assertionOf(reflexes), "absent after its finding, in no finding, still negates");
        // Where absent reflexes is no finding, its absent is a cue as before.
        assertEquals(Assertion.NEGATED, assertionOf(text, "hypotonia"));
    }

    @Test
    void affectedSibsOfTheLiteratureAreThePatients() {
        assertEquals(Assertion.PRESENT, assertionOf("Two sibs had sensorineural deafness.", "deafness"));
        assertEquals(Assertion.PRESENT, assertionOf("The affected siblings had seizures.", "seizures"));
        assertEquals(Assertion.FAMILY, assertionOf("His affected brother had seizures.", "seizures"));
        assertEquals(Assertion.FAMILY, assertionOf("His brother had seizures.", "seizures"));
    }
}
