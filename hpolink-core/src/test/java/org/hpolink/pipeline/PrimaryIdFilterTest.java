package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hpolink.corpus.Finding;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

class PrimaryIdFilterTest {

    private static final Observation EYES = Observation.of("obs-eyes", "EYES: epicanthus, hooded eyelids");
    private static final Span EPICANTHUS_SPAN = Span.parse("6-16");
    private static final Span HOODED_SPAN = Span.parse("18-32");

    private final PrimaryIdFilter filter = new PrimaryIdFilter(TinyHpo.build());

    @Test
    void replacesAlternativeAndObsoleteIdsKeepingSpanStatusAndOrder() {
        List<Finding> findings = List.of(
                Finding.key(TinyHpo.HOODED_EYELID, HOODED_SPAN),
                Finding.normal(TinyHpo.EPICANTHUS_ALTERNATIVE, EPICANTHUS_SPAN),
                Finding.key(TinyHpo.PROMINENT_EPICANTHAL_FOLDS, EPICANTHUS_SPAN));

        List<ScoredFinding> scored = List.of(new ScoredFinding(findings.get(0), 0.25, "lexical"), new ScoredFinding(findings.get(1), 0.5, "grid"),
                new ScoredFinding(findings.get(2), 1, "lexical"));

        assertEquals(List.of(
                new ScoredFinding(Finding.key(TinyHpo.HOODED_EYELID, HOODED_SPAN), 0.25, "lexical"),
                new ScoredFinding(Finding.normal(TinyHpo.EPICANTHUS, EPICANTHUS_SPAN), 0.5, "grid"),
                new ScoredFinding(Finding.key(TinyHpo.EPICANTHUS, EPICANTHUS_SPAN), 1, "lexical")), filter.apply(EYES, scored),
                "scores and sources are kept");
    }

    @Test
    void anUnknownIdIsAClearError() {
        HpoId unknown = HpoId.of("HP:9999999");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> filter.apply(EYES, List.of(new ScoredFinding(Finding.key(unknown, EPICANTHUS_SPAN), 1, "lexical"))));
        assertTrue(e.getMessage().contains("observation obs-eyes: HP:9999999 has no primary id in HPO tiny"), e.getMessage());
    }

    @Test
    void anObsoleteIdWithoutReplacementIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> filter.apply(EYES, List.of(new ScoredFinding(Finding.key(TinyHpo.SHORT_CURLY_EYELASHES, EPICANTHUS_SPAN), 1, "lexical"))));
        assertTrue(e.getMessage().contains("observation obs-eyes: " + TinyHpo.SHORT_CURLY_EYELASHES + " has no primary id in HPO tiny"), e.getMessage());
    }
}
