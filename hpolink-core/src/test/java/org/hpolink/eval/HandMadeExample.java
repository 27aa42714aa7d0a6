package org.hpolink.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.corpus.PredictedFinding;
import org.hpolink.corpus.Submission;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;

/**
 * A hand-made BC8 gold file and prediction file of 14 observations (and one decoy), with the counts the official
 * scorer gives, worked out by hand below. The files are offered both as TSV text in the official formats and as
 * the in-memory {@link Corpus} and {@link Submission} they stand for; both are made from the same declarations, so
 * they cannot disagree. Reused by the CLI {@code evaluate} test.
 *
 * <p>Verdicts per observation (E exact, O overlap, I right id with non-overlapping spans, M missed, S spurious):
 * <pre>
 * o01 EARS  2 key findings, one discontinuous, both predicted with identical spans       E E
 * o02 EYES  ptosis not predicted; epicanthus predicted as "and epicanthus"               M O
 * o03 HEAD  microcephaly 6-18 predicted at 0-6: touching counts as overlapping           O
 * o04 SKIN  two cafe-au-lait spots G1 6-23, G2 33-50; predictions P1 6-31, P2 19-37.
 *           G1 overlaps P1 (size 18) and P2 (size 5): the smaller P2 wins. G2 overlaps no
 *           remaining prediction, so the anywhere pass gives it P1                        O I
 * o05 EARS  the same id twice, predicted in the other order: the exact pass pairs them   E E
 * o06 NECK  no finding, NA predicted: true negative                                      -
 * o07 MOUTH only a normal (X) finding in the gold, and it is predicted                   S
 * o08 HEAD  two key findings, NA predicted                                               M M
 * o09 (no header) no finding, one prediction                                             S
 * o10 SKIN  right span, wrong id                                                         M S
 * o11 HANDS discontinuous gold 7-19,27-39 predicted at 0-5 (no overlap)                  I
 * o12 EARS  discontinuous gold 0-4,6-25 predicted at 6-25; another id predicted at 0-4   O S
 * o13 EYES  a normal (X) finding and a key finding; both predicted with exact spans      E S
 * o14 GENERAL no finding, NA predicted: true negative                                    -
 * d01       decoy: not in the gold, predicted; ignored
 * </pre>
 * Totals: E 5, O 4, I 2, M 4, S 5, true negatives 2 (15 gold key findings, 16 counted predictions).
 * Normalization TP = E+O+I = 11, FP = S = 5, FN = M = 4; exact TP = E = 5, FP = 5, FN = O+I+M = 10;
 * overlap TP = E+O = 9, FP = 5, FN = I+M = 6. The normalization-only file (same rows without spans) pairs ids
 * in order instead, which gives the same normalization counts.
 */
public final class HandMadeExample {

    public static final String GOLD_SOURCE = "hand-made-gold.tsv";
    public static final String PREDICTIONS_SOURCE = "hand-made-predictions.tsv";
    public static final String GOLD_HEADER = "ObservationID\tText\tHPO Term\tPolarity\tSpans";
    public static final String PREDICTIONS_HEADER = "ObservationID\tText\tHPO Term\tSpans";
    public static final String PREDICTIONS_HEADER_WITHOUT_SPANS = "ObservationID\tText\tHPO Term";

    public static final Counts NORMALIZATION = new Counts(11, 5, 4);
    public static final Counts EXACT = new Counts(5, 5, 10);
    public static final Counts OVERLAP = new Counts(9, 5, 6);
    public static final int TRUE_NEGATIVES = 2;
    public static final int OBSERVATIONS = 14;

    /** Expected counts per section (normalization, exact, overlap), worked out from the table above. */
    public static final SortedMap<String, MetricCounts> BY_SECTION = bySection();

    private record GoldRow(String id, String spans, boolean normal) {
    }

    private record PredictedRow(String id, String spans) {
    }

    /** One observation of either file; a decoy is in the prediction file only. */
    private record Entry(String id, String text, List<GoldRow> gold, List<PredictedRow> predicted, boolean decoy) {
    }

    private static final List<Entry> ENTRIES = List.of(
            obs("o01", "EARS: low set, thin helices",
                    List.of(key("HP:0000369", "0-4,6-13"), key("HP:0009905", "15-27")),
                    List.of(p("HP:0000369", "0-4,6-13"), p("HP:0009905", "15-27"))),
            obs("o02", "EYES: mild ptosis and epicanthus",
                    List.of(key("HP:0000508", "11-17"), key("HP:0000286", "22-32")),
                    List.of(p("HP:0000286", "18-32"))),
            obs("o03", "HEAD: microcephaly",
                    List.of(key("HP:0000252", "6-18")),
                    List.of(p("HP:0000252", "0-6"))),
            obs("o04", "SKIN: cafe au lait spot on back, cafe au lait spot on leg",
                    List.of(key("HP:0000957", "6-23"), key("HP:0000957", "33-50")),
                    List.of(p("HP:0000957", "6-31"), p("HP:0000957", "19-37"))),
            obs("o05", "EARS: right preauricular pit, left preauricular pit",
                    List.of(key("HP:0004467", "12-28"), key("HP:0004467", "35-51")),
                    List.of(p("HP:0004467", "35-51"), p("HP:0004467", "12-28"))),
            obs("o06", "NECK: supple", List.of(), List.of()),
            new Entry("d01", "EYES: hypertelorism", List.of(), List.of(p("HP:0000316", "6-19")), true),
            obs("o07", "MOUTH: no cleft palate",
                    List.of(normal("HP:0000175", "10-22")),
                    List.of(p("HP:0000175", "10-22"))),
            obs("o08", "HEAD: plagiocephaly and brachycephaly",
                    List.of(key("HP:0001357", "6-19"), key("HP:0000248", "24-37")),
                    List.of()),
            obs("o09", "Pleasant, interactive boy",
                    List.of(),
                    List.of(p("HP:0001249", "10-21"))),
            obs("o10", "SKIN: hypopigmented macules on trunk",
                    List.of(key("HP:0020073", "6-27")),
                    List.of(p("HP:0001053", "6-27"))),
            obs("o11", "HANDS: clinodactyly of the fifth finger",
                    List.of(key("HP:0004209", "7-19,27-39")),
                    List.of(p("HP:0004209", "0-5"))),
            obs("o12", "EARS: posteriorly rotated",
                    List.of(key("HP:0000358", "0-4,6-25")),
                    List.of(p("HP:0000358", "6-25"), p("HP:0000369", "0-4"))),
            obs("o13", "EYES: no hypertelorism, telecanthus",
                    List.of(normal("HP:0000316", "9-22"), key("HP:0000506", "24-35")),
                    List.of(p("HP:0000316", "9-22"), p("HP:0000506", "24-35"))),
            obs("o14", "GENERAL: well appearing", List.of(), List.of()));

    private HandMadeExample() {
    }

    /** The gold file: one row per finding, or one {@code NA} row for an observation without any. */
    public static String goldTsv() {
        StringBuilder sb = new StringBuilder(GOLD_HEADER).append('\n');
        for (Entry e : ENTRIES) {
            if (e.decoy()) {
                continue;
            }
            if (e.gold().isEmpty()) {
                sb.append(String.join("\t", e.id(), e.text(), "NA", "NA", "NA")).append('\n');
            }
            for (GoldRow g : e.gold()) {
                sb.append(String.join("\t", e.id(), e.text(), g.id(), g.normal() ? "X" : "NA", g.spans())).append('\n');
            }
        }
        return sb.toString();
    }

    /** The prediction file with spans (subtask 3b), decoy included. */
    public static String predictionsTsv() {
        return predictionsTsv(true);
    }

    /** The same predictions without the {@code Spans} column (subtask 3a). */
    public static String predictionsTsvWithoutSpans() {
        return predictionsTsv(false);
    }

    public static Corpus gold() {
        List<AnnotatedObservation> observations = new ArrayList<>();
        int line = 2;
        for (Entry e : ENTRIES) {
            if (e.decoy()) {
                continue;
            }
            List<Finding> findings = e.gold().stream()
                    .map(g -> new Finding(HpoId.of(g.id()), Span.parse(g.spans()), g.normal() ? FindingStatus.NORMAL : FindingStatus.KEY))
                    .toList();
            observations.add(new AnnotatedObservation(Observation.of(e.id(), e.text()), findings, line));
            line += Math.max(1, findings.size());
        }
        return new Corpus(GOLD_SOURCE, sha256(goldTsv()), observations);
    }

    public static Submission predictions() {
        return predictions(true);
    }

    public static Submission predictionsWithoutSpans() {
        return predictions(false);
    }

    private static String predictionsTsv(boolean withSpans) {
        StringBuilder sb = new StringBuilder(withSpans ? PREDICTIONS_HEADER : PREDICTIONS_HEADER_WITHOUT_SPANS).append('\n');
        for (Entry e : ENTRIES) {
            if (e.predicted().isEmpty()) {
                sb.append(e.id()).append('\t').append(e.text()).append("\tNA").append(withSpans ? "\tNA" : "").append('\n');
            }
            for (PredictedRow p : e.predicted()) {
                sb.append(e.id()).append('\t').append(e.text()).append('\t').append(p.id())
                        .append(withSpans ? "\t" + p.spans() : "").append('\n');
            }
        }
        return sb.toString();
    }

    private static Submission predictions(boolean withSpans) {
        Map<String, List<PredictedFinding>> byObservation = new LinkedHashMap<>();
        int line = 2;
        for (Entry e : ENTRIES) {
            List<PredictedFinding> findings = new ArrayList<>();
            for (PredictedRow p : e.predicted()) {
                findings.add(new PredictedFinding(HpoId.of(p.id()), withSpans ? Optional.of(Span.parse(p.spans())) : Optional.empty(), line++));
            }
            if (findings.isEmpty()) {
                line++;
            }
            byObservation.put(e.id(), findings);
        }
        return new Submission(PREDICTIONS_SOURCE, withSpans, byObservation);
    }

    private static SortedMap<String, MetricCounts> bySection() {
        SortedMap<String, MetricCounts> expected = new TreeMap<>();
        // o09: S
        expected.put("", spans(new Counts(0, 1, 0), new Counts(0, 1, 0), new Counts(0, 1, 0)));
        // o01: E E, o05: E E, o12: O S
        expected.put("EARS", spans(new Counts(5, 1, 0), new Counts(4, 1, 1), new Counts(5, 1, 0)));
        // o02: M O, o13: E S
        expected.put("EYES", spans(new Counts(2, 1, 1), new Counts(1, 1, 2), new Counts(2, 1, 1)));
        // o14: true negative only
        expected.put("GENERAL", spans(Counts.ZERO, Counts.ZERO, Counts.ZERO));
        // o11: I
        expected.put("HANDS", spans(new Counts(1, 0, 0), new Counts(0, 0, 1), new Counts(0, 0, 1)));
        // o03: O, o08: M M
        expected.put("HEAD", spans(new Counts(1, 0, 2), new Counts(0, 0, 3), new Counts(1, 0, 2)));
        // o07: S
        expected.put("MOUTH", spans(new Counts(0, 1, 0), new Counts(0, 1, 0), new Counts(0, 1, 0)));
        // o06: true negative only
        expected.put("NECK", spans(Counts.ZERO, Counts.ZERO, Counts.ZERO));
        // o04: O I, o10: M S
        expected.put("SKIN", spans(new Counts(2, 1, 1), new Counts(0, 1, 3), new Counts(1, 1, 2)));
        return Collections.unmodifiableSortedMap(expected);
    }

    private static MetricCounts spans(Counts normalization, Counts exact, Counts overlap) {
        return new MetricCounts(normalization, Optional.of(exact), Optional.of(overlap));
    }

    private static Entry obs(String id, String text, List<GoldRow> gold, List<PredictedRow> predicted) {
        return new Entry(id, text, gold, predicted, false);
    }

    private static GoldRow key(String id, String spans) {
        return new GoldRow(id, spans, false);
    }

    private static GoldRow normal(String id, String spans) {
        return new GoldRow(id, spans, true);
    }

    private static PredictedRow p(String id, String spans) {
        return new PredictedRow(id, spans);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
