package org.hpolink.corpus;

import java.util.List;
import java.util.Objects;
import org.hpolink.text.Observation;

/**
 * An observation of an annotated BC8 file with all its findings, key and normal, in file order. An observation
 * with neither (a single {@code NA} row in the file) has no findings.
 *
 * @param firstLine the 1-based line of the file where the observation's first row is
 */
public record AnnotatedObservation(Observation observation, List<Finding> findings, int firstLine) {

    public AnnotatedObservation {
        Objects.requireNonNull(observation, "observation");
        findings = List.copyOf(findings);
        for (Finding finding : findings) {
            finding.span().requireWithin(observation.text().length());
        }
    }

    public String id() {
        return observation.id();
    }

    public String text() {
        return observation.text();
    }

    public List<Finding> keyFindings() {
        return findings.stream().filter(Finding::isKey).toList();
    }

    public List<Finding> normalFindings() {
        return findings.stream().filter(f -> !f.isKey()).toList();
    }
}
