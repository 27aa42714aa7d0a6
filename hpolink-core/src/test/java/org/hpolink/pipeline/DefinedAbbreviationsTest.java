package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hpolink.assertion.Assertion;
import org.hpolink.corpus.DocumentFinding;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

class DefinedAbbreviationsTest {

    private static final HpoId AUTISM = HpoId.of("HP:0000729");
    private static final HpoId ATRIAL_SEPTAL_DEFECT = HpoId.of("HP:0001631");
    private static final HpoId AORTIC_STENOSIS = HpoId.of("HP:0001650");

    private static DocumentFinding finding(String text, String written, int occurrence, HpoId id, Assertion assertion) {
        int start = -1;
        for (int i = 0; i <= occurrence; i++) {
            start = text.indexOf(written, start + 1);
        }
        return new DocumentFinding(id, id.toString(), Span.of(start, start + written.length()), assertion, 0.5, "lexical");
    }

    private static List<String> described(String text, List<DocumentFinding> findings) {
        return findings.stream().map(f -> f.coveredText(text) + "@" + f.span().start() + " " + f.id() + " " + f.assertion().label()).toList();
    }

    @Test
    void aShortFormTakesTheIdOfTheLongFormItsNearestDefinitionBeforeItGives() {
        String text = "Autism spectrum disorder (ASD) was common. One had an atrial septal defect (ASD). Her ASD was closed.";
        List<DocumentFinding> findings = List.of(
                finding(text, "Autism spectrum disorder", 0, AUTISM, Assertion.PRESENT),
                finding(text, "ASD", 0, AUTISM, Assertion.PRESENT),
                finding(text, "atrial septal defect", 0, ATRIAL_SEPTAL_DEFECT, Assertion.PRESENT),
                finding(text, "ASD", 1, AUTISM, Assertion.PRESENT),
                finding(text, "ASD", 2, AUTISM, Assertion.HISTORICAL));

        assertEquals(List.of("Autism spectrum disorder@0 HP:0000729 present", "ASD@26 HP:0000729 present",
                "atrial septal defect@54 HP:0001631 present", "ASD@76 HP:0001631 present", "ASD@86 HP:0001631 historical"),
                described(text, DefinedAbbreviations.apply(text, findings)));
    }

    @Test
    void aShortFormUsedBeforeItsDefinitionFollowsTheFirstDefinition() {
        String text = "ASD in twins. Both had an atrial septal defect (ASD).";
        List<DocumentFinding> findings = List.of(
                finding(text, "ASD", 0, AUTISM, Assertion.PRESENT),
                finding(text, "atrial septal defect", 0, ATRIAL_SEPTAL_DEFECT, Assertion.PRESENT),
                finding(text, "ASD", 1, AUTISM, Assertion.PRESENT));

        assertEquals(List.of("ASD@0 HP:0001631 present", "atrial septal defect@26 HP:0001631 present", "ASD@48 HP:0001631 present"),
                described(text, DefinedAbbreviations.apply(text, findings)));
    }

    @Test
    void aPluralShortFormFollowsTheDefinition() {
        String text = "One had an atrial septal defect (ASD); two had ASDs.";
        List<DocumentFinding> findings = List.of(
                finding(text, "atrial septal defect", 0, ATRIAL_SEPTAL_DEFECT, Assertion.PRESENT),
                finding(text, "ASD", 0, AUTISM, Assertion.PRESENT),
                finding(text, "ASDs", 0, AUTISM, Assertion.PRESENT));

        assertEquals(List.of("atrial septal defect@11 HP:0001631 present", "ASD@33 HP:0001631 present", "ASDs@47 HP:0001631 present"),
                described(text, DefinedAbbreviations.apply(text, findings)));
    }

    @Test
    void aShortFormWhoseLongFormHoldsNoFindingIsDropped() {
        String text = "Children with Angelman syndrome (AS) have seizures. AS is rare.";
        DocumentFinding seizures = finding(text, "seizures", 0, HpoId.of("HP:0001250"), Assertion.PRESENT);
        List<DocumentFinding> findings = List.of(finding(text, "AS", 0, AORTIC_STENOSIS, Assertion.PRESENT), seizures,
                finding(text, "AS", 1, AORTIC_STENOSIS, Assertion.PRESENT));

        assertEquals(List.of(seizures), DefinedAbbreviations.apply(text, findings));
    }

    @Test
    void findingsOfUndefinedAbbreviationsAndOtherTextAreKept() {
        String text = "He has ASD and an atrial septal defect (ASDs).";
        List<DocumentFinding> findings = List.of(finding(text, "ASD", 0, AUTISM, Assertion.PRESENT),
                finding(text, "atrial septal defect", 0, ATRIAL_SEPTAL_DEFECT, Assertion.PRESENT));

        assertEquals(findings, DefinedAbbreviations.apply(text, findings));
    }
}
