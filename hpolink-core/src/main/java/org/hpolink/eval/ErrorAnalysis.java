package org.hpolink.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;

/**
 * Sorts the errors of an evaluation into kinds (wrong id, missed header segment, normal finding output,
 * boundary...), with their rows, to show where a model loses its score. Needs the gold corpus for its normal
 * findings, which the evaluation leaves out.
 */
public record ErrorAnalysis(Map<ErrorKind, List<AlignmentRow>> rowsByKind) {

    public ErrorAnalysis {
        Map<ErrorKind, List<AlignmentRow>> copy = new EnumMap<>(ErrorKind.class);
        rowsByKind.forEach((kind, rows) -> copy.put(kind, List.copyOf(rows)));
        rowsByKind = Collections.unmodifiableMap(copy);
    }

    public static ErrorAnalysis of(Evaluation evaluation, Corpus gold) {
        Map<String, AnnotatedObservation> observations = new HashMap<>();
        gold.observations().forEach(o -> observations.put(o.id(), o));
        Map<String, List<AlignmentRow>> rowsByObservation = new HashMap<>();
        evaluation.rows().forEach(r -> rowsByObservation.computeIfAbsent(r.observationId(), k -> new ArrayList<>()).add(r));
        Map<ErrorKind, List<AlignmentRow>> byKind = new EnumMap<>(ErrorKind.class);
        for (AlignmentRow row : evaluation.rows()) {
            kindOf(row, rowsByObservation.get(row.observationId()), observations.get(row.observationId()))
                    .ifPresent(kind -> byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(row));
        }
        return new ErrorAnalysis(byKind);
    }

    /** The kinds, most frequent first, with their counts. */
    public List<Map.Entry<ErrorKind, Integer>> ranked() {
        List<Map.Entry<ErrorKind, Integer>> ranked = new ArrayList<>();
        rowsByKind.forEach((kind, rows) -> ranked.add(Map.entry(kind, rows.size())));
        ranked.sort(Map.Entry.<ErrorKind, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return ranked;
    }

    /** A Markdown table of the kinds, most frequent first, each with an example span pair. */
    public String markdown() {
        StringBuilder sb = new StringBuilder("| error kind | count | example (gold -> predicted) |\n| --- | ---: | --- |\n");
        for (Map.Entry<ErrorKind, Integer> e : ranked()) {
            AlignmentRow example = rowsByKind.get(e.getKey()).get(0);
            sb.append("| ").append(e.getKey().description()).append(" | ").append(e.getValue()).append(" | ")
                    .append(describe(example)).append(" |\n");
        }
        return sb.toString();
    }

    private static String describe(AlignmentRow row) {
        String gold = row.gold().map(g -> g.id() + " `" + row.goldSpanText().orElse("") + "`").orElse("-");
        String predicted = row.predicted().map(p -> p.id() + " `" + row.predictedSpanText().orElse("") + "`").orElse("-");
        return (gold + " -> " + predicted).replace("|", "\\|");
    }

    private static Optional<ErrorKind> kindOf(AlignmentRow row, List<AlignmentRow> sameObservation, AnnotatedObservation observation) {
        return switch (row.verdict()) {
            case EXACT, NORMALIZED -> Optional.empty();
            case OVERLAP, ID_ONLY -> Optional.of(boundaryKind(row, observation));
            case MISSED -> Optional.of(missedKind(row, sameObservation));
            case SPURIOUS -> Optional.of(spuriousKind(row, observation));
        };
    }

    private static ErrorKind boundaryKind(AlignmentRow row, AnnotatedObservation observation) {
        Span gold = row.gold().orElseThrow().span();
        Optional<Span> predictedSpan = row.predicted().orElseThrow().span();
        if (predictedSpan.isEmpty() || !predictedSpan.get().overlaps(gold)) {
            return ErrorKind.ID_ELSEWHERE;
        }
        Span predicted = predictedSpan.get();
        Optional<Segment> header = observation.observation().section().map(s -> s.segment());
        boolean goldHeader = header.map(h -> gold.segments().contains(h)).orElse(false);
        boolean predictedHeader = header.map(h -> predicted.segments().contains(h)).orElse(false);
        if (goldHeader && !predictedHeader) {
            return ErrorKind.MISSED_HEADER_SEGMENT;
        }
        if (predictedHeader && !goldHeader) {
            return ErrorKind.EXTRA_HEADER_SEGMENT;
        }
        if (gold.isDiscontinuous() && gold.segments().size() != predicted.segments().size()) {
            return ErrorKind.DISCONTINUITY;
        }
        if (predicted.contains(gold)) {
            return ErrorKind.SPAN_TOO_LONG;
        }
        if (gold.contains(predicted)) {
            return ErrorKind.SPAN_TOO_SHORT;
        }
        return ErrorKind.SPAN_SHIFTED;
    }

    private static ErrorKind missedKind(AlignmentRow row, List<AlignmentRow> sameObservation) {
        Span gold = row.gold().orElseThrow().span();
        boolean overlappedByOtherId = sameObservation.stream()
                .anyMatch(r -> r.verdict() == Verdict.SPURIOUS && r.predicted().orElseThrow().span().map(gold::overlaps).orElse(false));
        if (overlappedByOtherId) {
            return ErrorKind.WRONG_ID;
        }
        return gold.isDiscontinuous() ? ErrorKind.MISSED_DISCONTINUOUS : ErrorKind.MISSED;
    }

    private static ErrorKind spuriousKind(AlignmentRow row, AnnotatedObservation observation) {
        Optional<Span> predicted = row.predicted().orElseThrow().span();
        if (predicted.isEmpty()) {
            return ErrorKind.SPURIOUS;
        }
        for (Finding finding : observation.findings()) {
            if (finding.span().overlaps(predicted.get())) {
                if (!finding.isKey()) {
                    return ErrorKind.NORMAL_FINDING_OUTPUT;
                }
                return finding.id().equals(row.predicted().orElseThrow().id()) ? ErrorKind.DUPLICATE : ErrorKind.WRONG_ID_PREDICTION;
            }
        }
        return ErrorKind.SPURIOUS;
    }
}
