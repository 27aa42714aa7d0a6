package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hpolink.corpus.Finding;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

class DistinctSpanFilterTest {

    private static final Observation EARS = Observation.of("obs-ears", "EARS: low set, thin helices");

    private final DistinctSpanFilter filter = new DistinctSpanFilter();

    /** The filter applied to findings scored alike. */
    private List<Finding> apply(Finding... findings) {
        return ScoredFinding.findings(filter.apply(EARS, List.of(findings).stream().map(f -> new ScoredFinding(f, 0.5, "lexical")).toList()));
    }

    @Test
    void keepsTheFirstOfTwoFindingsWithOneSpan() {
        Finding lowSet = Finding.key(TinyHpo.LOW_SET_EARS, Span.parse("0-4,6-13"));
        Finding ear = Finding.key(TinyHpo.EAR, Span.parse("0-4,6-13"));
        Finding helix = Finding.key(TinyHpo.THIN_EAR_HELIX, Span.parse("15-27"));

        assertEquals(List.of(lowSet, helix), apply(lowSet, helix, ear));
        assertEquals(List.of(ear, helix), apply(ear, helix, lowSet));
    }

    @Test
    void aKeyAndANormalFindingAtOneSpanAreBothKept() {
        Finding key = Finding.key(TinyHpo.LOW_SET_EARS, Span.parse("6-13"));
        Finding normal = Finding.normal(TinyHpo.EAR, Span.parse("6-13"));

        assertEquals(List.of(normal, key), apply(normal, key));
    }

    @Test
    void overlappingButDifferentSpansAreDifferent() {
        Finding discontinuous = Finding.key(TinyHpo.LOW_SET_EARS, Span.parse("0-4,6-13"));
        Finding plain = Finding.key(TinyHpo.LOW_SET_EARS, Span.parse("6-13"));

        assertEquals(List.of(discontinuous, plain), apply(discontinuous, plain));
        assertEquals(List.of(), apply());
    }
}
