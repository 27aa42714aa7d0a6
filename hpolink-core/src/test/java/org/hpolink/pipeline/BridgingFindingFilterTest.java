package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.hpolink.corpus.Finding;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

class BridgingFindingFilterTest {

    private static final HpoId AXIAL_HYPOTONIA = HpoId.of("HP:0008936");
    private static final HpoId APPENDICULAR_HYPOTONIA = HpoId.of("HP:0012389");
    private static final HpoId LIMB_HYPERTONIA = HpoId.of("HP:0002509");
    private static final HpoId SHORT_THUMB = HpoId.of("HP:0009778");
    private static final HpoId BROAD_THUMB = HpoId.of("HP:0011304");
    private static final HpoId BROAD_HALLUX = HpoId.of("HP:0010055");

    /** The findings the filter keeps, as id@span, given each finding as id and span. */
    private static List<String> kept(String text, Object... idsAndSpans) {
        List<ScoredFinding> findings = new ArrayList<>();
        for (int i = 0; i < idsAndSpans.length; i += 2) {
            findings.add(new ScoredFinding(Finding.key((HpoId) idsAndSpans[i], Span.parse((String) idsAndSpans[i + 1])), 1, "lexical"));
        }
        return new BridgingFindingFilter().apply(Observation.of("x", text), findings).stream()
                .map(s -> s.finding().id() + "@" + s.finding().span()).toList();
    }

    @Test
    void aFindingReadAcrossTwoOthersIsDropped() {
        assertEquals(List.of(AXIAL_HYPOTONIA + "@0-15", LIMB_HYPERTONIA + "@21-44"),
                kept("axial hypotonia with appendicular hypertonia", AXIAL_HYPOTONIA, "0-15", APPENDICULAR_HYPOTONIA, "6-33",
                        LIMB_HYPERTONIA, "21-44"));
    }

    @Test
    void aCoordinationsFindingsAndAFindingAloneAreKept() {
        // Short and broad thumbs and halluces: broad thumbs starts where broad halluces does and ends where short thumbs does.
        assertEquals(List.of(SHORT_THUMB + "@0-5,16-22", BROAD_HALLUX + "@10-15,27-35", BROAD_THUMB + "@10-22"),
                kept("Short and broad thumbs and halluces", SHORT_THUMB, "0-5,16-22", BROAD_HALLUX, "10-15,27-35", BROAD_THUMB, "10-22"));
        assertEquals(List.of(APPENDICULAR_HYPOTONIA + "@6-33"), kept("axial hypotonia with appendicular hypertonia", APPENDICULAR_HYPOTONIA, "6-33"));
    }
}
