package org.hpolink.pipeline;

import java.util.List;
import org.hpolink.corpus.Finding;
import org.hpolink.ontology.Hpo;
import org.hpolink.text.Observation;

/**
 * Replaces alternative and obsolete ids by the primary ids of the HPO release in use; an id the release cannot
 * resolve is an error, never silently dropped.
 */
public final class PrimaryIdFilter implements FindingFilter {

    private final Hpo hpo;

    public PrimaryIdFilter(Hpo hpo) {
        this.hpo = hpo;
    }

    @Override
    public List<ScoredFinding> apply(Observation observation, List<ScoredFinding> findings) {
        return findings.stream()
                .map(scored -> scored.with(primary(observation, scored.finding())))
                .toList();
    }

    private Finding primary(Observation observation, Finding f) {
        return f.withId(hpo.primaryId(f.id()).orElseThrow(() -> new IllegalStateException("observation "
                + observation.id() + ": " + f.id() + " has no primary id in HPO " + hpo.release())));
    }
}
