package org.hpolink.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.PredictedFinding;
import org.hpolink.corpus.Submission;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;

/**
 * The official BioCreative VIII Track 3 scorer, reimplemented from {@code bc8-scoring.md} so that hpolink reports
 * the leaderboard's figures, quirks included: spans overlap with inclusive bounds on the end-exclusive offsets
 * (touching segments overlap), and the overlap pass prefers the candidate with the smallest overlap.
 *
 * <p>Gold findings are the key findings of each observation (normal ones are dropped, so predicting one is a
 * false positive); every prediction counts; predictions for observations the gold lacks are ignored.
 */
public final class Bc8Scorer {

    private Bc8Scorer() {
    }

    /**
     * Scores {@code predictions} against {@code gold}, with spans when the submission has them, ids only otherwise.
     *
     * @throws IllegalArgumentException if a gold observation is missing from the submission, or a submission with
     *     spans has a prediction without one or with one past the end of the observation text
     */
    public static Evaluation score(Corpus gold, Submission predictions) {
        requireEveryObservation(gold, predictions);
        boolean withSpans = predictions.withSpans();
        List<AlignmentRow> rows = new ArrayList<>();
        Map<String, List<AlignmentRow>> rowsBySection = new TreeMap<>();
        int trueNegatives = 0;
        for (AnnotatedObservation observation : gold.observations()) {
            List<Finding> keys = observation.keyFindings();
            List<PredictedFinding> predicted = predictions.findings(observation.id());
            if (withSpans) {
                requireSpans(predictions, observation, predicted);
            }
            List<AlignmentRow> aligned = align(observation, keys, predicted, withSpans);
            if (aligned.isEmpty()) {
                trueNegatives++;
            }
            rows.addAll(aligned);
            rowsBySection.computeIfAbsent(observation.observation().sectionName(), s -> new ArrayList<>()).addAll(aligned);
        }
        TreeMap<String, MetricCounts> bySection = new TreeMap<>();
        rowsBySection.forEach((section, sectionRows) -> bySection.put(section, MetricCounts.tally(sectionRows, withSpans)));
        return new Evaluation(gold.source(), predictions.source(), gold.size(), trueNegatives,
                MetricCounts.tally(rows, withSpans), bySection, rows);
    }

    /**
     * Aligns one observation. With no gold finding every prediction is left over (spurious), with no prediction
     * every gold finding is missed, and with neither there is no row: the general passes give all three cases.
     */
    private static List<AlignmentRow> align(AnnotatedObservation observation, List<Finding> keys,
            List<PredictedFinding> predicted, boolean withSpans) {
        Alignment alignment = new Alignment(keys, predicted);
        if (withSpans) {
            alignment.pass(Verdict.EXACT, Bc8Scorer::identicalSpans);
            alignment.pass(Verdict.OVERLAP, Bc8Scorer::smallestOverlap);
            alignment.pass(Verdict.ID_ONLY, Bc8Scorer::firstSameId);
        } else {
            alignment.pass(Verdict.NORMALIZED, Bc8Scorer::firstSameId);
        }
        return alignment.rows(observation);
    }

    /** Chooses, for one gold finding, the index of a remaining prediction to consume, or -1. */
    @FunctionalInterface
    private interface Choice {
        int choose(Finding gold, List<PredictedFinding> predicted, boolean[] consumed);
    }

    private static int identicalSpans(Finding gold, List<PredictedFinding> predicted, boolean[] consumed) {
        for (int i = 0; i < predicted.size(); i++) {
            if (available(gold, predicted, consumed, i) && predicted.get(i).span().orElseThrow().equals(gold.span())) {
                return i;
            }
        }
        return -1;
    }

    /** The official tie-break: a later candidate replaces the kept one only with a strictly smaller overlap. */
    private static int smallestOverlap(Finding gold, List<PredictedFinding> predicted, boolean[] consumed) {
        int best = -1;
        int bestSize = Integer.MAX_VALUE;
        for (int i = 0; i < predicted.size(); i++) {
            if (available(gold, predicted, consumed, i)) {
                Span span = predicted.get(i).span().orElseThrow();
                if (officialOverlap(gold.span(), span)) {
                    int size = officialOverlapSize(gold.span(), span);
                    if (size < bestSize) {
                        best = i;
                        bestSize = size;
                    }
                }
            }
        }
        return best;
    }

    private static int firstSameId(Finding gold, List<PredictedFinding> predicted, boolean[] consumed) {
        for (int i = 0; i < predicted.size(); i++) {
            if (available(gold, predicted, consumed, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean available(Finding gold, List<PredictedFinding> predicted, boolean[] consumed, int i) {
        return !consumed[i] && predicted.get(i).id().equals(gold.id());
    }

    /**
     * The official overlap test, {@code not (t.end < p.start or p.end < t.start)} for some segment pair, applied to
     * end-exclusive offsets as the official scorer does: segments that merely touch ({@code 0-4}, {@code 4-8}) overlap.
     */
    static boolean officialOverlap(Span gold, Span predicted) {
        for (Segment t : gold.segments()) {
            for (Segment p : predicted.segments()) {
                if (!(t.end() < p.start() || p.end() < t.start())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The official overlap size: over segment pairs, the sum of {@code min(ends) - max(starts) + 1} where positive. */
    static int officialOverlapSize(Span gold, Span predicted) {
        int size = 0;
        for (Segment t : gold.segments()) {
            for (Segment p : predicted.segments()) {
                size += Math.max(0, Math.min(t.end(), p.end()) - Math.max(t.start(), p.start()) + 1);
            }
        }
        return size;
    }

    private static void requireEveryObservation(Corpus gold, Submission predictions) {
        List<String> missing = gold.observations().stream()
                .map(AnnotatedObservation::id)
                .filter(id -> !predictions.findingsByObservation().containsKey(id))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(predictions.source() + ": " + missing.size() + " observation(s) of "
                    + gold.source() + " missing, first " + missing.get(0)
                    + ": expected every gold observation, with an NA row when it has no finding");
        }
    }

    private static void requireSpans(Submission predictions, AnnotatedObservation observation, List<PredictedFinding> predicted) {
        for (PredictedFinding p : predicted) {
            String where = predictions.source() + ", line " + p.line() + ", observation " + observation.id() + ", " + p.id();
            Span span = p.span().orElseThrow(() -> new IllegalArgumentException(
                    where + ": no spans, expected spans on every row of a submission with spans"));
            try {
                span.requireWithin(observation.text().length());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
    }

    /** The matching state of one observation: which prediction each gold finding took, and with what verdict. */
    private static final class Alignment {

        private final List<Finding> gold;
        private final List<PredictedFinding> predicted;
        private final Verdict[] verdicts;
        private final int[] taken;
        private final boolean[] consumed;

        Alignment(List<Finding> gold, List<PredictedFinding> predicted) {
            this.gold = gold;
            this.predicted = predicted;
            this.verdicts = new Verdict[gold.size()];
            this.taken = new int[gold.size()];
            this.consumed = new boolean[predicted.size()];
        }

        /** One pass over the still unmatched gold findings, in file order. */
        void pass(Verdict verdict, Choice choice) {
            for (int g = 0; g < gold.size(); g++) {
                if (verdicts[g] == null) {
                    int p = choice.choose(gold.get(g), predicted, consumed);
                    if (p >= 0) {
                        verdicts[g] = verdict;
                        taken[g] = p;
                        consumed[p] = true;
                    }
                }
            }
        }

        List<AlignmentRow> rows(AnnotatedObservation observation) {
            List<AlignmentRow> rows = new ArrayList<>();
            for (int g = 0; g < gold.size(); g++) {
                Optional<Finding> finding = Optional.of(gold.get(g));
                rows.add(verdicts[g] == null
                        ? new AlignmentRow(observation.observation(), Verdict.MISSED, finding, Optional.empty())
                        : new AlignmentRow(observation.observation(), verdicts[g], finding, Optional.of(predicted.get(taken[g]))));
            }
            for (int p = 0; p < predicted.size(); p++) {
                if (!consumed[p]) {
                    rows.add(new AlignmentRow(observation.observation(), Verdict.SPURIOUS, Optional.empty(), Optional.of(predicted.get(p))));
                }
            }
            return rows;
        }
    }
}
