package org.hpolink.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Counts laid out as a small table, one line per metric or per section, with precision, recall, F1 and the raw
 * counts; rendered as fixed-width text (for the CLI) or as Markdown (for {@code docs/RESULTS.md}).
 *
 * @param heading the title of the first column
 */
public record EvaluationTable(String heading, List<Line> lines) {

    private static final List<String> SCORE_COLUMNS = List.of("P", "R", "F1", "TP", "FP", "FN");

    /** One table line: a label and its counts. */
    public record Line(String label, Counts counts) {

        public Line {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(counts, "counts");
        }
    }

    public EvaluationTable {
        Objects.requireNonNull(heading, "heading");
        lines = List.copyOf(lines);
    }

    /** One line per metric the evaluation reports: normalization, then exact and overlap when it has spans. */
    public static EvaluationTable metrics(Evaluation evaluation) {
        List<Line> lines = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            evaluation.total().get(metric).ifPresent(counts -> lines.add(new Line(metric.label(), counts)));
        }
        return new EvaluationTable("metric", lines);
    }

    /**
     * One line per section of the gold, sorted by name, for one metric; observations without a header are
     * labelled {@code (none)}.
     *
     * @throws IllegalArgumentException if the evaluation does not score {@code metric} (no spans)
     */
    public static EvaluationTable sections(Evaluation evaluation, Metric metric) {
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<String, MetricCounts> section : evaluation.bySection().entrySet()) {
            Counts counts = section.getValue().get(metric).orElseThrow(() -> new IllegalArgumentException(
                    evaluation.predictionSource() + " has no spans, so " + metric.label() + " is not scored"));
            lines.add(new Line(section.getKey().isEmpty() ? "(none)" : section.getKey(), counts));
        }
        return new EvaluationTable("section (" + metric.label() + ")", lines);
    }

    /** Fixed-width text: the first column left-aligned, numbers right-aligned, columns two spaces apart. */
    public String text() {
        List<List<String>> cells = cells();
        int[] widths = new int[cells.get(0).size()];
        for (List<String> row : cells) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : cells) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String format = c == 0 ? "%-" + widths[c] + "s" : "  %" + widths[c] + "s";
                line.append(String.format(Locale.ROOT, format, row.get(c)));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** A GitHub-flavoured Markdown table, numbers right-aligned. */
    public String markdown() {
        List<List<String>> cells = cells();
        StringBuilder sb = new StringBuilder();
        markdownRow(sb, cells.get(0));
        sb.append("|---|");
        sb.append("---:|".repeat(SCORE_COLUMNS.size()));
        sb.append('\n');
        for (List<String> row : cells.subList(1, cells.size())) {
            markdownRow(sb, row);
        }
        return sb.toString();
    }

    private static void markdownRow(StringBuilder sb, List<String> row) {
        sb.append("| ").append(String.join(" | ", row)).append(" |\n");
    }

    /** The header row, then one row per line, as strings. */
    private List<List<String>> cells() {
        List<List<String>> cells = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add(heading);
        header.addAll(SCORE_COLUMNS);
        cells.add(header);
        for (Line line : lines) {
            Counts c = line.counts();
            cells.add(List.of(line.label(), score(c.precision()), score(c.recall()), score(c.f1()),
                    Integer.toString(c.tp()), Integer.toString(c.fp()), Integer.toString(c.fn())));
        }
        return cells;
    }

    private static String score(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
