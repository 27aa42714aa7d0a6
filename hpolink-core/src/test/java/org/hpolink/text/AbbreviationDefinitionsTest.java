package org.hpolink.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AbbreviationDefinitionsTest {

    private static List<String> found(String text) {
        return AbbreviationDefinitions.find(text).stream()
                .map(d -> d.shortForm() + "=" + d.longForm().coveredText(text) + " @" + d.shortFormSpan()).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Children with autism spectrum disorder (ASD) were seen.|ASD=autism spectrum disorder @40-43",
            "He has an atrial septal defect (ASD).|ASD=atrial septal defect @32-35",
            // The first letter starts a word; the others may be inside one.
            "Both had Hirschsprung disease (HSCR).|HSCR=Hirschsprung disease @31-35",
            "Developmental delay / intellectual disability (ID) is usual.|ID=intellectual disability @47-49",
            "with X-linked intellectual disability (XLID).|XLID=X-linked intellectual disability @39-43",
            "Two had atrial septal defects (ASDs).|ASDs=atrial septal defects @31-35",
            // Only what comes before a comma or semicolon.
            "He had periventricular leukomalacia (PVL, grade 2).|PVL=periventricular leukomalacia @37-40",
            // The long form in parentheses after its short form.
            "Two children had ASD (atrial septal defect) repaired.|ASD=atrial septal defect @17-20"})
    void findsTheLongFormOfEachShortForm(String text, String definition) {
        assertEquals(List.of(definition), found(text));
    }

    @Test
    void theLongFormStaysWithinTheSentence() {
        // "Seizures." ends a sentence: SA cannot borrow its S.
        assertEquals(List.of(), found("He had seizures. Apnea (SA) was not seen."));
    }

    @Test
    void findsEveryDefinitionInTextOrder() {
        String text = "Autism spectrum disorder (ASD) was common. One had an atrial septal defect (ASD) and a patent ductus arteriosus (PDA).";

        assertEquals(List.of("ASD=Autism spectrum disorder @26-29", "ASD=atrial septal defect @76-79", "PDA=patent ductus arteriosus @113-116"),
                found(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"In all (n = 12) patients.", "As reported (2019) before.", "Seizures (see below) began early.",
            "Seizures (rare) occur.", "A seizure (S) was seen.", "Unclosed (ASD", "He had ataxia ()."})
    void parenthesesThatDefineNoAbbreviationAreLeftAlone(String text) {
        assertEquals(List.of(), found(text));
    }
}
