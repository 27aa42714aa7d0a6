package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
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

class AbbreviationSenseFilterTest {

    private static final HpoId CARDIOVASCULAR = HpoId.of("HP:0001626");
    private static final HpoId HEART = HpoId.of("HP:0001627");
    private static final HpoId ATRIUM = HpoId.of("HP:0005120");
    private static final HpoId ATRIAL_SEPTAL_DEFECT = HpoId.of("HP:0001631");
    private static final HpoId SECUNDUM = HpoId.of("HP:0001684");
    private static final HpoId VENTRICULAR_SEPTAL_DEFECT = HpoId.of("HP:0001629");
    private static final HpoId BEHAVIOR = HpoId.of("HP:0000708");
    private static final HpoId AUTISTIC = HpoId.of("HP:0000729");
    private static final HpoId REPETITIVE = HpoId.of("HP:0008762");
    private static final HpoId HIGH_FUNCTIONING = HpoId.of("HP:0030843");

    private static final Hpo HPO = LexicalFixtures.smallHpo("senses",
            Term.builder(CARDIOVASCULAR).label("Abnormality of the cardiovascular system").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(HEART).label("Abnormal heart morphology").parent(CARDIOVASCULAR).build(),
            Term.builder(ATRIUM).label("Abnormal cardiac atrium morphology").parent(HEART).build(),
            Term.builder(ATRIAL_SEPTAL_DEFECT).label("Atrial septal defect").synonym("ASD", SynonymScope.EXACT).parent(ATRIUM).build(),
            Term.builder(SECUNDUM).label("Secundum atrial septal defect").parent(ATRIAL_SEPTAL_DEFECT).build(),
            Term.builder(VENTRICULAR_SEPTAL_DEFECT).label("Ventricular septal defect").synonym("VSD", SynonymScope.EXACT)
                    .parent(HEART).build(),
            Term.builder(BEHAVIOR).label("Behavioral abnormality").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(AUTISTIC).label("Autistic behavior").synonym("ASD", SynonymScope.EXACT).parent(BEHAVIOR).build(),
            Term.builder(REPETITIVE).label("Repetitive behavior").parent(AUTISTIC).build(),
            Term.builder(HIGH_FUNCTIONING).label("Autism with high cognitive abilities").parent(AUTISTIC).build(),
            // with is in many names, as in HPO
            Term.builder(HpoId.of("HP:0002373")).label("Seizure with fever").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(HpoId.of("HP:0100336")).label("Cleft lip with palate").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(HpoId.of("HP:0000399")).label("Ear with pits").parent(HpoId.PHENOTYPIC_ABNORMALITY).build());

    private final AbbreviationSenseFilter filter = new AbbreviationSenseFilter(HPO);

    /** The ids after the filter, given each finding as id@start-end. */
    private List<HpoId> senses(String text, Object... idsAndSpans) {
        List<ScoredFinding> findings = new ArrayList<>();
        for (int i = 0; i < idsAndSpans.length; i += 2) {
            findings.add(new ScoredFinding(Finding.key((HpoId) idsAndSpans[i], Span.parse((String) idsAndSpans[i + 1])), 1, "lexical"));
        }
        return filter.apply(Observation.of("x", text), findings).stream().map(s -> s.finding().id()).toList();
    }

    @Test
    void theWordsAroundAnAbbreviationChooseItsSense() {
        assertEquals(List.of(ATRIAL_SEPTAL_DEFECT), senses("Echo: small secundum ASD.", AUTISTIC, "21-24"));
        assertEquals(List.of(ATRIAL_SEPTAL_DEFECT), senses("Cardiac: large ASD with a shunt.", AUTISTIC, "15-18"),
                "cardiac outweighs with, a word of many names");
        assertEquals(List.of(AUTISTIC), senses("ASD with repetitive behaviors.", ATRIAL_SEPTAL_DEFECT, "0-3"));
    }

    @Test
    void aTestOrSpecialistOfAnOrganSystemPointsToItsSense() {
        assertEquals(List.of(ATRIAL_SEPTAL_DEFECT), senses("Echo showed a large ASD.", AUTISTIC, "20-23"));
        assertEquals(List.of(ATRIAL_SEPTAL_DEFECT), senses("ASD closure at 3 years.", AUTISTIC, "0-3"));
        assertEquals(List.of(AUTISTIC), senses("ASD confirmed on ADOS by the psychologist.", ATRIAL_SEPTAL_DEFECT, "0-3"));
    }

    @Test
    void theOtherFindingsLabelsAreContextToo() {
        assertEquals(List.of(ATRIAL_SEPTAL_DEFECT, VENTRICULAR_SEPTAL_DEFECT),
                senses("CV: ASD and VSD, s/p repair.", AUTISTIC, "4-7", VENTRICULAR_SEPTAL_DEFECT, "12-15"));
    }

    @Test
    void withoutContextThePipelinesSenseStaysAndOtherFindingsAreUntouched() {
        assertEquals(List.of(AUTISTIC), senses("ASD.", AUTISTIC, "0-3"));
        assertEquals(List.of(ATRIAL_SEPTAL_DEFECT), senses("ASD.", ATRIAL_SEPTAL_DEFECT, "0-3"));
        assertEquals(List.of(REPETITIVE), senses("Cardiac: repetitive behavior.", REPETITIVE, "9-28"));
    }
}
