package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hpolink.corpus.Finding;
import org.hpolink.extract.lexical.LexicalFixtures;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.Term;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrowthCentileFilterTest {

    private static final HpoId MICROCEPHALY = HpoId.of("HP:0000252");
    private static final HpoId MACROCEPHALY = HpoId.of("HP:0000256");
    private static final HpoId SHORT_STATURE = HpoId.of("HP:0004322");
    private static final HpoId TALL_STATURE = HpoId.of("HP:0000098");
    private static final HpoId LOW_WEIGHT = HpoId.of("HP:0004325");
    private static final HpoId HIGH_WEIGHT = HpoId.of("HP:0004324");

    private static final Hpo HPO = LexicalFixtures.smallHpo("growth",
            term(MICROCEPHALY, "Microcephaly"), term(MACROCEPHALY, "Macrocephaly"), term(SHORT_STATURE, "Short stature"),
            term(TALL_STATURE, "Tall stature"), term(LOW_WEIGHT, "Decreased body weight"), term(HIGH_WEIGHT, "Increased body weight"));

    private final GrowthCentileFilter filter = new GrowthCentileFilter(HPO);

    private static Term term(HpoId id, String label) {
        return Term.builder(id).label(label).parent(HpoId.PHENOTYPIC_ABNORMALITY).build();
    }

    private List<String> found(String text) {
        return filter.apply(Observation.of("x", text), List.of()).stream()
                .map(s -> s.finding().span().coveredText(text) + " " + s.finding().id()).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "OFC 42 cm (<3rd %ile).|OFC 42 cm (<3rd %ile|HP:0000252",
            "Head circumference at the 1st percentile.|Head circumference at the 1st percentile|HP:0000252",
            "OFC +2.5 SDS.|OFC +2.5 SDS|HP:0000256",
            "Height was above the 97th centile.|Height was above the 97th centile|HP:0000098",
            "Length was 3 SD below the mean.|Length was 3 SD below the mean|HP:0004322",
            "height < -2 SD|height < -2 SD|HP:0004322",
            "Weight \u22122.5 SD.|Weight \u22122.5 SD|HP:0004325",
            "Weight 4.5 kg (>99th centile)|Weight 4.5 kg (>99th centile|HP:0004324",
            "HEIGHT BELOW THE 1ST CENTILE|HEIGHT BELOW THE 1ST CENTILE|HP:0004322",
            "Weight -3 S.D.|Weight -3 S.D.|HP:0004325",
            "OFC 2.5 standard deviations above the mean|OFC 2.5 standard deviations above the mean|HP:0000256"})
    void aCentileOutsideTheUsualRangeIsAFinding(String text, String span, String id) {
        assertEquals(List.of(span + " " + id), found(text));
    }

    @Test
    void aCentileInTheUsualRangeOrNoCentileIsNone() {
        assertEquals(List.of(), found("wt 5th %ile, ht 10th %ile. Her height was at the 50th percentile."));
        assertEquals(List.of(), found("Height 2 SD. Weight loss of 2% was noted. OFC normal, 3rd child."));
        assertEquals(List.of(), found("Height was measured. The 1st percentile is a cut-off."), "the centile is in another sentence");
    }

    @Test
    void measuresListedTogetherShareTheCentileButOneWithAValueOfItsOwnDoesNot() {
        assertEquals(List.of("OFC and height below the 3rd centile " + MICROCEPHALY, "height below the 3rd centile " + SHORT_STATURE),
                found("OFC and height below the 3rd centile"));
        assertEquals(List.of("height <3rd centile " + SHORT_STATURE), found("Weight 20 kg, height <3rd centile"));
    }

    @Test
    void theFindingsOfThePipelineAreKept() {
        Finding scoliosis = Finding.key(HpoId.of("HP:0002650"), Span.of(0, 9));
        List<ScoredFinding> kept = List.of(new ScoredFinding(scoliosis, 0.9, "lexical"));
        assertEquals(kept, filter.apply(Observation.of("x", "Scoliosis."), kept));
    }

    @Test
    void aReleaseWithoutTheTermsIsNamed() {
        Hpo without = LexicalFixtures.smallHpo("none", term(MACROCEPHALY, "Macrocephaly"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new GrowthCentileFilter(without).apply(Observation.of("x", "OFC <3rd centile"), List.of()));
        assertEquals("HP:0000252 is not in HPO " + without.release(), e.getMessage());
    }
}
