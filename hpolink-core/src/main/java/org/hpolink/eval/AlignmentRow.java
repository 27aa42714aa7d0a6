package org.hpolink.eval;

import java.util.Objects;
import java.util.Optional;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.PredictedFinding;
import org.hpolink.text.Observation;

/**
 * One scoring decision: a gold key finding with the prediction it took, if any, or a prediction no gold finding
 * took. Both sides, when present, have the same HPO id.
 */
public record AlignmentRow(Observation observation, Verdict verdict, Optional<Finding> gold, Optional<PredictedFinding> predicted) {

    public AlignmentRow {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(gold, "gold");
        Objects.requireNonNull(predicted, "predicted");
        if (gold.isPresent() != verdict.hasGold() || predicted.isPresent() != verdict.hasPrediction()) {
            throw new IllegalArgumentException("observation " + observation.id() + ": a " + verdict + " row "
                    + (verdict.hasGold() ? "needs" : "cannot have") + " a gold finding and "
                    + (verdict.hasPrediction() ? "needs" : "cannot have") + " a prediction");
        }
        int length = observation.text().length();
        gold.ifPresent(g -> g.span().requireWithin(length));
        predicted.flatMap(PredictedFinding::span).ifPresent(s -> s.requireWithin(length));
        if (gold.isPresent() && predicted.isPresent() && !gold.get().id().equals(predicted.get().id())) {
            throw new IllegalArgumentException("observation " + observation.id() + ": gold " + gold.get().id()
                    + " aligned with prediction " + predicted.get().id() + ": expected the same id");
        }
    }

    public String observationId() {
        return observation.id();
    }

    public String section() {
        return observation.sectionName();
    }

    public String text() {
        return observation.text();
    }

    public Optional<String> goldSpanText() {
        return gold.map(g -> g.span().coveredText(observation.text()));
    }

    public Optional<String> predictedSpanText() {
        return predicted.flatMap(PredictedFinding::span).map(s -> s.coveredText(observation.text()));
    }
}
