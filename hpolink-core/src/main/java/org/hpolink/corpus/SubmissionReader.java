package org.hpolink.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Span;

/**
 * Reads a BC8 prediction file ({@code ObservationID, Text, HPO Term[, Spans]}; {@code StringID} and
 * {@code Term} are accepted too) and validates it against the gold corpus with the rules of the official scorer:
 * <ul>
 *   <li>every gold observation has at least one row; rows of other observations are ignored (decoys), unchecked;
 *   <li>{@code HPO Term} is {@code NA} or a well-formed HPO id, and one observation has either a single
 *       {@code NA} row or only {@code HP:} rows;
 *   <li>once any row has spans ({@code NA} or empty count as none), every {@code HP:} row has spans and no
 *       {@code NA} row has any; spans lie inside the gold text, their segments strictly increasing and not touching;
 *   <li>no row is repeated, and no two rows of an observation have the same spans.
 * </ul>
 * The {@code Text} column is not read: spans are checked against the gold text. The rows of an observation need
 * not be contiguous. Thread-safe.
 */
public final class SubmissionReader {

    /** How many missing observations an error names before giving only their count. */
    private static final int MISSING_SHOWN = 5;

    public Submission read(Path file, Corpus gold) throws IOException {
        return read(Files.readAllBytes(file), file.toString(), gold);
    }

    public Submission read(InputStream in, String sourceName, Corpus gold) throws IOException {
        return read(in.readAllBytes(), sourceName, gold);
    }

    private static Submission read(byte[] bytes, String source, Corpus gold) {
        TsvTable table = TsvTable.parse(bytes, source);
        int idColumn = table.require(Bc8Column.ID);
        int termColumn = table.require(Bc8Column.TERM);
        OptionalInt spansColumn = table.find(Bc8Column.SPANS);

        Map<String, AnnotatedObservation> goldById = new HashMap<>();
        gold.observations().forEach(o -> goldById.put(o.id(), o));
        List<TsvTable.Row> scored = table.rows().stream().filter(row -> goldById.containsKey(row.get(idColumn))).toList();
        boolean withSpans = spansColumn.isPresent()
                && scored.stream().anyMatch(row -> !TsvTable.isAbsent(row.get(spansColumn.getAsInt())));

        Map<String, ObservationRows> byId = new HashMap<>();
        for (TsvTable.Row row : scored) {
            AnnotatedObservation observation = goldById.get(row.get(idColumn));
            byId.computeIfAbsent(observation.id(), id -> new ObservationRows(table, termColumn, spansColumn))
                    .add(row, spans(table, row, spansColumn, withSpans, termColumn, observation.text().length()));
        }

        List<String> missing = gold.observations().stream().map(AnnotatedObservation::id).filter(id -> !byId.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new CorpusFormatException(source, 0, table.header(idColumn), missing.size() + " of " + gold.size()
                    + " gold observations have no row: " + String.join(", ", missing.subList(0, Math.min(MISSING_SHOWN, missing.size())))
                    + (missing.size() > MISSING_SHOWN ? ", ..." : "") + "; expected a row for each (NA when it has no key finding)");
        }
        Map<String, List<PredictedFinding>> findings = new LinkedHashMap<>();
        gold.observations().forEach(o -> findings.put(o.id(), byId.get(o.id()).findings));
        return new Submission(source, withSpans, findings);
    }

    /** The spans of a row: present exactly when the file has spans and the row is an {@code HP:} row. */
    private static Optional<Span> spans(TsvTable table, TsvTable.Row row, OptionalInt spansColumn, boolean withSpans, int termColumn, int textLength) {
        if (!withSpans) {
            return Optional.empty();
        }
        int column = spansColumn.getAsInt();
        boolean hasSpans = !TsvTable.isAbsent(row.get(column));
        boolean isNa = row.get(termColumn).equals("NA");
        if (isNa && hasSpans) {
            throw table.error(row, column, "'" + row.get(column) + "' on an NA row: expected NA or empty spans when HPO Term is NA");
        }
        if (!isNa && !hasSpans) {
            throw table.error(row, column, "'" + row.get(column) + "': expected spans on every HP: row, since other rows of the file have spans");
        }
        return isNa ? Optional.empty() : Optional.of(table.span(row, column, textLength));
    }

    /** The rows of one gold observation seen so far, checked as they come. */
    private static final class ObservationRows {

        private final TsvTable table;
        private final int termColumn;
        private final OptionalInt spansColumn;
        private final List<PredictedFinding> findings = new ArrayList<>();
        private final Map<String, Integer> rowLines = new HashMap<>();
        private final Map<Span, Integer> spanLines = new HashMap<>();
        private TsvTable.Row naRow;

        ObservationRows(TsvTable table, int termColumn, OptionalInt spansColumn) {
            this.table = table;
            this.termColumn = termColumn;
            this.spansColumn = spansColumn;
        }

        void add(TsvTable.Row row, Optional<Span> span) {
            String term = row.get(termColumn);
            String key = term + "\t" + span.map(Span::toString).orElse("");
            Integer repeated = rowLines.putIfAbsent(key, row.line());
            if (repeated != null) {
                throw table.error(row, termColumn, "the row repeats line " + repeated + ": expected no duplicate rows");
            }
            if (term.equals("NA")) {
                if (!findings.isEmpty()) {
                    throw table.error(row, termColumn, "an NA row after the HP: row on line " + findings.get(0).line()
                            + ": expected either a single NA row or only HP: rows for an observation");
                }
                naRow = row;
                return;
            }
            if (naRow != null) {
                throw table.error(row, termColumn, "an HP: row after the NA row on line " + naRow.line()
                        + ": expected either a single NA row or only HP: rows for an observation");
            }
            if (!term.startsWith("HP:")) {
                throw table.error(row, termColumn, "'" + term + "': expected NA or an HPO id starting with HP:");
            }
            if (!HpoId.isValid(term)) {
                throw table.error(row, termColumn, "'" + term + "' is not an HPO id: expected HP: and seven digits, such as HP:0000369");
            }
            if (span.isPresent()) {
                Integer sameSpans = spanLines.putIfAbsent(span.get(), row.line());
                if (sameSpans != null) {
                    throw table.error(row, spansColumn.getAsInt(), "spans " + span.get() + " already have a term on line " + sameSpans
                            + ": expected one HPO id per span");
                }
            }
            findings.add(new PredictedFinding(HpoId.of(term), span, row.line()));
        }
    }
}
