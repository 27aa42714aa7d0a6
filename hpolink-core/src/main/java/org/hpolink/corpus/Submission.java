package org.hpolink.corpus;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.hpolink.text.Observation;

/**
 * A validated prediction file: for each observation id, its predicted key findings in file order (an
 * observation predicted {@code NA} maps to an empty list). {@code withSpans} tells whether the file gives spans
 * (subtask 3b) or ids only (subtask 3a).
 */
public record Submission(String source, boolean withSpans, Map<String, List<PredictedFinding>> findingsByObservation) {

    public Submission {
        Map<String, List<PredictedFinding>> copy = new LinkedHashMap<>();
        findingsByObservation.forEach((id, findings) -> copy.put(id, List.copyOf(findings)));
        findingsByObservation = Collections.unmodifiableMap(copy);
    }

    private static final Comparator<Finding> BY_SPAN_THEN_ID = Comparator.comparing(Finding::span).thenComparing(Finding::id);

    /**
     * An in-memory submission of the findings of {@code observations}, exactly what {@link SubmissionWriter}
     * would write: key findings only, see {@link #submittedFindings}.
     */
    public static Submission of(String source, List<Observation> observations, Function<Observation, ? extends Collection<Finding>> findings) {
        Map<String, List<PredictedFinding>> byObservation = new LinkedHashMap<>();
        for (Observation observation : observations) {
            byObservation.put(observation.id(), submittedFindings(observation, findings.apply(observation)).stream()
                    .map(f -> new PredictedFinding(f.id(), Optional.of(f.span()), 0)).toList());
        }
        return new Submission(source, true, byObservation);
    }

    /**
     * The findings of an observation that go into a submission: its key findings, sorted by span then id, an
     * identical id and span pair once.
     *
     * @throws IllegalArgumentException naming the observation if two key findings share a span (one id per span
     *     set: resolve it first) or a span ends past the text
     */
    public static List<Finding> submittedFindings(Observation observation, Collection<Finding> findings) {
        TreeSet<Finding> keys = new TreeSet<>(BY_SPAN_THEN_ID);
        findings.stream().filter(Finding::isKey).forEach(keys::add);
        Finding previous = null;
        for (Finding finding : keys) {
            if (finding.span().end() > observation.text().length()) {
                throw new IllegalArgumentException("observation " + observation.id() + " has key finding " + finding.id() + " at span "
                        + finding.span() + ", past the end of its text (length " + observation.text().length() + ")");
            }
            if (previous != null && previous.span().equals(finding.span())) {
                throw new IllegalArgumentException("observation " + observation.id() + " has key findings " + previous.id() + " and "
                        + finding.id() + " at the same span " + finding.span() + ": expected one id per span, resolve it before writing");
            }
            previous = finding;
        }
        return List.copyOf(keys);
    }

    /** The predictions for an observation; empty when it has none or is absent. */
    public List<PredictedFinding> findings(String observationId) {
        return findingsByObservation.getOrDefault(observationId, List.of());
    }
}
