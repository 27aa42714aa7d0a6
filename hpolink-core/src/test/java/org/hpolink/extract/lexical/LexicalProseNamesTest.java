package org.hpolink.extract.lexical;

import static org.hpolink.corpus.Bc8Fixtures.annotated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * Names as prose writes them (the notes profile): generic-noun variants of HPO names and broad synonyms.
 */
class LexicalProseNamesTest {

    private static final HpoId NERVOUS = HpoId.of("HP:0000707");
    private static final HpoId SCOLIOSIS = HpoId.of("HP:0002650");
    private static final HpoId HYPOREFLEXIA = HpoId.of("HP:0001265");
    private static final HpoId LOW_VITAMIN_A = HpoId.of("HP:0004905");
    private static final HpoId LOW_VITAMIN_E = HpoId.of("HP:0100513");
    private static final HpoId AORTIC_ROOT_ANEURYSM = HpoId.of("HP:0002616");
    private static final HpoId HIGH_CK = HpoId.of("HP:0003236");

    private static final Hpo HPO = LexicalFixtures.smallHpo("prose",
            Term.builder(NERVOUS).label("Abnormality of the nervous system").synonym("Neurologic abnormalities", SynonymScope.EXACT)
                    .parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(SCOLIOSIS).label("Scoliosis").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(HYPOREFLEXIA).label("Hyporeflexia").synonym("Decreased reflexes", SynonymScope.EXACT)
                    .parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(LOW_VITAMIN_A).label("Low levels of vitamin A").synonym("Vitamin A deficiency", SynonymScope.EXACT)
                    .parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(LOW_VITAMIN_E).label("Low levels of vitamin E").synonym("Vitamin E deficiency", SynonymScope.EXACT)
                    .parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
            Term.builder(AORTIC_ROOT_ANEURYSM).label("Aortic root aneurysm").synonym("Aortic root dilatation", SynonymScope.BROAD)
                    .synonym("Increased aortic root diameter", SynonymScope.EXACT).parent(HpoId.PHENOTYPIC_ABNORMALITY).build());

    /** A training file of one finding: the lexicon comes from the HPO of each test. */
    private static final Corpus SCOLIOSIS_ONLY = new Corpus("train.tsv", "",
            List.of(annotated("s1", "SPINE: scoliosis", Finding.key(SCOLIOSIS, Span.parse("7-16")))));

    private static LexicalModel train(boolean prose) {
        return new LexicalTrainer(LexicalFixtures.CONFIG.withProseNames(prose)).train(SCOLIOSIS_ONLY, HPO, "all");
    }

    private static List<HpoId> ids(LexicalModel model, String text) {
        return new LexicalMentionExtractor(model).extract(Observation.of("x", text)).stream().map(m -> m.id().orElseThrow()).toList();
    }

    @Test
    void aGenericNounStandsForTheOthers() {
        List<String> variants = LexicalTrainer.proseVariants("Neurologic abnormalities");
        assertTrue(variants.contains("Neurologic involvement"), variants::toString);
        assertTrue(variants.contains("Neurologic anomaly"), variants::toString);
        assertFalse(variants.contains("Neurologic abnormality"), "the noun found is not offered again: " + variants);
        List<String> psychiatric = LexicalTrainer.proseVariants("Psychiatric disorders");
        assertTrue(psychiatric.contains("Psychiatric illness"), psychiatric::toString);
        assertTrue(LexicalTrainer.proseVariants("Neurodegenerative disease").contains("Neurodegenerative disorder"));
        assertEquals(List.of(), LexicalTrainer.proseVariants("Failure to thrive"));
    }

    @Test
    void aOneWordNameHasItsAdjective() {
        assertEquals(List.of("hypotonic"), LexicalTrainer.proseVariants("Hypotonia"));
        assertEquals(List.of("cyanotic"), LexicalTrainer.proseVariants("Cyanosis"));
        assertEquals(List.of("microcephalic"), LexicalTrainer.proseVariants("Microcephaly"));
        assertEquals(List.of("apneic"), LexicalTrainer.proseVariants("Apnea"));
        assertEquals(List.of("dyskinetic"), LexicalTrainer.proseVariants("Dyskinesia"));
        assertFalse(LexicalTrainer.proseVariants("Muscular hypotonia").contains("muscular hypotonic"), "only a one-word name");
        assertEquals(List.of(), LexicalTrainer.proseVariants("Edema"));
    }

    @Test
    void aTrailingQualifierInParenthesesIsLeftOut() {
        assertEquals(List.of("Generalized tonic-clonic seizure"),
                LexicalTrainer.proseVariants("Generalized tonic-clonic seizure (without specification of onset)"));
        assertEquals(List.of("Febrile seizure"), LexicalTrainer.proseVariants("Febrile seizure (within the age range of 3 months to 6 years)"));
        assertEquals(List.of(), LexicalTrainer.proseVariants("EEG with (rare) spikes"), "only a qualifier at the end");
    }

    @Test
    void specificIsLeftOutOfAProseNameWhereNoOtherNameHasTheRest() {
        HpoId learning = HpoId.of("HP:0001328");
        HpoId anosmia = HpoId.of("HP:0000458");
        HpoId specificAnosmia = HpoId.of("HP:0012247");
        Hpo hpo = LexicalFixtures.smallHpo("qualifier",
                Term.builder(SCOLIOSIS).label("Scoliosis").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
                Term.builder(learning).label("Specific learning disability").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
                Term.builder(anosmia).label("Anosmia").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
                Term.builder(specificAnosmia).label("Specific anosmia").parent(anosmia).build());
        LexicalModel prose = new LexicalTrainer(LexicalFixtures.CONFIG.withProseNames(true)).train(SCOLIOSIS_ONLY, hpo, "all");
        assertEquals(List.of(learning), ids(prose, "learning disabilities"));
        assertEquals(List.of(learning), ids(prose, "specific learning disability"));
        assertEquals(List.of(anosmia), ids(prose, "anosmia"));
        LexicalModel exam = new LexicalTrainer(LexicalFixtures.CONFIG).train(SCOLIOSIS_ONLY, hpo, "all");
        assertEquals(List.of(), ids(exam, "learning disabilities"));
    }

    @Test
    void compromiseStandsForAnOrgansInsufficiency() {
        assertEquals(List.of("Respiratory compromise"), LexicalTrainer.proseVariants("Respiratory insufficiency"));
    }

    @Test
    void reducedAndDiminishedStandForDecreased() {
        assertEquals(List.of("reduced reflexes", "diminished reflexes", "low reflexes"), LexicalTrainer.proseVariants("Decreased reflexes"));
    }

    @Test
    void raisedStandsForIncreasedAndAnOrgansNounForItsAdjective() {
        assertTrue(LexicalTrainer.proseVariants("Increased creatinine").contains("raised creatinine"));
        assertEquals(List.of("kidney enlargement"), LexicalTrainer.proseVariants("Renal enlargement"));
        assertEquals(List.of("renal cysts"), LexicalTrainer.proseVariants("Kidney cysts"));
    }

    @Test
    void aGroupWordIsFoundInAnyOfItsFormsButNotInsideAnotherWord() {
        assertEquals(List.of("Crowded dental"), LexicalTrainer.proseVariants("Crowded teeth"));
        assertTrue(LexicalTrainer.proseVariants("kidneys anomalies").contains("renal anomalies"));
        assertTrue(LexicalTrainer.proseVariants("Behavioral problems").contains("behavior problems"));
        assertEquals(List.of("Endometrial cancer"), LexicalTrainer.proseVariants("Endometrial carcinoma"));
        assertEquals(List.of(), LexicalTrainer.proseVariants("CD21low B cells"), "low inside CD21low is no word of its own");
    }

    @Test
    void anOrgansAdjectiveBeforeAnotherWordModifiesThatWord() {
        HpoId eye = HpoId.of("HP:0000478");
        Hpo hpo = LexicalFixtures.smallHpo("eye",
                Term.builder(eye).label("Abnormality of the eye").synonym("Ocular abnormality", SynonymScope.EXACT)
                        .parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
                Term.builder(SCOLIOSIS).label("Scoliosis").parent(HpoId.PHENOTYPIC_ABNORMALITY).build());
        LexicalModel prose = new LexicalTrainer(LexicalFixtures.CONFIG.withProseNames(true)).train(SCOLIOSIS_ONLY, hpo, "all");
        assertEquals(List.of(), ids(prose, "Abnormalities in ocular saccades."));
        assertEquals(List.of(eye), ids(prose, "Abnormalities were ocular."));
        assertEquals(List.of(eye), ids(prose, "Ocular abnormalities."));
    }

    @Test
    void aMeasuredConcentrationIsNamedWithoutTheWord() {
        List<String> variants = LexicalTrainer.proseVariants("Elevated circulating creatine kinase concentration");
        assertTrue(variants.contains("Elevated circulating creatine kinase"), variants::toString);
        assertTrue(variants.contains("raised circulating creatine kinase"), variants::toString);
        assertEquals(List.of(), LexicalTrainer.proseVariants("Poor concentration"));
    }

    @Test
    void aLaboratoryFindingIsReadWithOrWithoutItsMeasurementWords() {
        Hpo hpo = LexicalFixtures.smallHpo("lab",
                Term.builder(HIGH_CK).label("Elevated circulating creatine kinase concentration")
                        .parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
                Term.builder(SCOLIOSIS).label("Scoliosis").parent(HpoId.PHENOTYPIC_ABNORMALITY).build());
        LexicalModel prose = new LexicalTrainer(LexicalFixtures.CONFIG.withProseNames(true)).train(SCOLIOSIS_ONLY, hpo, "all");
        for (String text : List.of("Elevated creatine kinase.", "Serum creatine kinase levels were raised.",
                "High plasma creatine kinase level.")) {
            assertEquals(List.of(HIGH_CK), ids(prose, text), text);
        }
        LexicalModel exam = new LexicalTrainer(LexicalFixtures.CONFIG).train(SCOLIOSIS_ONLY, hpo, "all");
        assertEquals(List.of(), ids(exam, "Elevated creatine kinase."), "the exam profile keeps HPO's words");
    }

    @Test
    void aSeverityInsideAFindingIsSkippedWhereTheWordsWithItAreNoName() {
        HpoId speechDelay = HpoId.of("HP:0000750");
        HpoId severeHearing = HpoId.of("HP:0012714");
        HpoId hearing = HpoId.of("HP:0000365");
        Hpo hpo = LexicalFixtures.smallHpo("severity",
                Term.builder(speechDelay).label("Delayed speech and language development").synonym("Delayed speech", SynonymScope.EXACT)
                        .parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
                Term.builder(hearing).label("Hearing impairment").parent(HpoId.PHENOTYPIC_ABNORMALITY).build(),
                Term.builder(severeHearing).label("Severe hearing impairment").parent(hearing).build(),
                Term.builder(SCOLIOSIS).label("Scoliosis").parent(HpoId.PHENOTYPIC_ABNORMALITY).build());
        LexicalModel prose = new LexicalTrainer(LexicalFixtures.CONFIG.withProseNames(true)).train(SCOLIOSIS_ONLY, hpo, "all");

        assertEquals(List.of(speechDelay), ids(prose, "His speech was severely delayed."));
        assertEquals(List.of(severeHearing), ids(prose, "Hearing was severely impaired."), "a name with the severity wins");
        LexicalModel exam = new LexicalTrainer(LexicalFixtures.CONFIG).train(SCOLIOSIS_ONLY, hpo, "all");
        assertEquals(List.of(), ids(exam, "His speech was severely delayed."), "the exam profile reads BC8's words only");
    }

    @Test
    void theWordsBc8sAnnotatorsKeepAroundAPhraseAreNoPartOfAProseFinding() {
        Corpus withFullStop = new Corpus("train.tsv", "", List.of(annotated("s1", "SPINE: scoliosis.", Finding.key(SCOLIOSIS, Span.parse("7-17")))));
        String text = "He has scoliosis.";
        LexicalModel exam = new LexicalTrainer(LexicalFixtures.CONFIG).train(withFullStop, HPO, "all");
        LexicalModel prose = new LexicalTrainer(LexicalFixtures.CONFIG.withProseNames(true)).train(withFullStop, HPO, "all");

        assertEquals("scoliosis.", spans(exam, text), "BC8's annotators kept the full stop");
        assertEquals("scoliosis", spans(prose, text));
    }

    private static String spans(LexicalModel model, String text) {
        return String.join("|", new LexicalMentionExtractor(model).extract(Observation.of("x", text)).stream()
                .map(m -> m.span().coveredText(text)).toList());
    }

    @Test
    void aLoneWordKnownOnlyAfterTypoCorrectionNamesNothingInProse() {
        // LexicalFixtures.CONFIG corrects words of five letters and more: scolosis is one letter from scoliosis.
        assertEquals(List.of(SCOLIOSIS), ids(train(false), "Scolosis."));
        assertEquals(List.of(), ids(train(true), "Scolosis."));
        assertEquals(List.of(SCOLIOSIS), ids(train(true), "Scoliosis."));
        assertEquals(List.of(HYPOREFLEXIA), ids(train(true), "Decreased reflexs."), "corrected inside a longer name");
    }

    @Test
    void reducedReflexesAreHyporeflexiaInProse() {
        assertEquals(List.of(HYPOREFLEXIA), ids(train(true), "Reduced reflexes."));
        assertEquals(List.of(), ids(train(false), "Reduced reflexes."));
    }

    @Test
    void aBroadSynonymIsAProseName() {
        assertEquals(List.of(AORTIC_ROOT_ANEURYSM), ids(train(true), "Aortic root dilatation was present."));
        assertEquals(List.of(), ids(train(false), "Aortic root dilatation was present."));
        assertEquals(List.of(AORTIC_ROOT_ANEURYSM), ids(train(false), "Increased aortic root diameter."));
    }

    @Test
    void aOneLetterWordIsNotSwallowedByTheWordBefore() {
        // "vitamin" + "e" spells "vitamine", whose stem is "vitamin": joined, vitamin E read as vitamin A ("a" is a function word).
        assertEquals(List.of(LOW_VITAMIN_E), ids(train(false), "Vitamin E deficiency."));
        assertEquals(List.of(LOW_VITAMIN_A), ids(train(false), "Vitamin A deficiency."));
    }

    @Test
    void proseNamesAreReadOnlyWhenTheConfigAsks() {
        assertEquals(List.of(NERVOUS), ids(train(true), "Neurologic involvement since birth."));
        assertEquals(List.of(), ids(train(false), "Neurologic involvement since birth."));
    }

    @Test
    void theConfigFlagIsKeptInTheBundle(@TempDir Path folder) throws IOException {
        LexicalModelIO.write(train(true), folder);
        assertTrue(LexicalModelIO.read(folder).config().proseNames());
    }
}
