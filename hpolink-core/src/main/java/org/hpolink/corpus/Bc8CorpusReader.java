package org.hpolink.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.hpolink.model.Sha256;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;

/**
 * Reads an annotated BC8 file (the public training release or an official gold file) into a {@link Corpus}.
 *
 * <p>The header needs the columns {@code ObservationID} or {@code StringID}, {@code Text}, {@code HPO Term} or
 * {@code Term}, {@code Polarity} or {@code Negated}, and {@code Spans}, in any order; other columns (such as
 * {@code ParticipantCount}) are ignored. Each row is one finding: {@code X} in the polarity column makes it a
 * normal finding, {@code NA} or empty a key finding. An observation without findings has a single row whose
 * term, polarity and spans are {@code NA}. Every row becomes a finding or the read fails with a
 * {@link CorpusFormatException}; nothing is skipped. Thread-safe.
 */
public final class Bc8CorpusReader {

    private final Predicate<HpoId> knownIds;

    /** @param knownIds accepts the ids of the ontology in use (pass {@code hpo::isKnown}); others are errors */
    public Bc8CorpusReader(Predicate<HpoId> knownIds) {
        this.knownIds = Objects.requireNonNull(knownIds, "knownIds");
    }

    public Corpus read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.toString());
    }

    public Corpus read(InputStream in, String sourceName) throws IOException {
        return read(in.readAllBytes(), sourceName);
    }

    private Corpus read(byte[] bytes, String source) {
        TsvTable table = TsvTable.parse(bytes, source);
        Columns columns = new Columns(table.require(Bc8Column.ID), table.require(Bc8Column.TEXT), table.require(Bc8Column.TERM),
                table.require(Bc8Column.POLARITY), table.require(Bc8Column.SPANS));
        List<AnnotatedObservation> observations = new ArrayList<>();
        for (TsvTable.Group group : table.groupByObservation(columns.id(), columns.text())) {
            observations.add(observation(table, columns, group));
        }
        return new Corpus(source, Sha256.of(bytes), observations);
    }

    private record Columns(int id, int text, int term, int polarity, int spans) {
    }

    private AnnotatedObservation observation(TsvTable table, Columns columns, TsvTable.Group group) {
        List<Finding> findings = new ArrayList<>();
        TsvTable.Row naRow = null;
        for (TsvTable.Row row : group.rows()) {
            String term = row.get(columns.term());
            String polarity = row.get(columns.polarity());
            if (!TsvTable.isAbsent(polarity) && !polarity.equals("X")) {
                throw table.error(row, columns.polarity(), "'" + polarity + "': expected X (a normal finding), NA or empty (a key finding)");
            }
            if (term.equals("NA")) {
                if (naRow != null || !findings.isEmpty()) {
                    throw table.error(row, columns.term(), "observation " + group.id() + " already has a row on line " + group.rows().get(0).line()
                            + ": expected a single NA row for an observation without findings, or only HP: rows");
                }
                if (!TsvTable.isAbsent(polarity)) {
                    throw table.error(row, columns.polarity(), "'" + polarity + "' on a row without a term: expected NA or empty when the term is NA");
                }
                if (!TsvTable.isAbsent(row.get(columns.spans()))) {
                    throw table.error(row, columns.spans(), "'" + row.get(columns.spans()) + "' on a row without a term: expected NA or empty when the term is NA");
                }
                naRow = row;
            } else {
                if (naRow != null) {
                    throw table.error(row, columns.term(), "observation " + group.id() + " has an NA row on line " + naRow.line()
                            + ": expected either a single NA row or only HP: rows");
                }
                findings.add(finding(table, columns, row, group.text().length()));
            }
        }
        return new AnnotatedObservation(Observation.of(group.id(), group.text()), findings, group.rows().get(0).line());
    }

    private Finding finding(TsvTable table, Columns columns, TsvTable.Row row, int textLength) {
        String term = row.get(columns.term());
        if (!HpoId.isValid(term)) {
            throw table.error(row, columns.term(), "'" + term + "': expected NA or an HPO id, HP: and seven digits, such as HP:0000369");
        }
        HpoId id = HpoId.of(term);
        if (!knownIds.test(id)) {
            throw table.error(row, columns.term(), term + " is not in the ontology: expected a known HPO id");
        }
        if (TsvTable.isAbsent(row.get(columns.spans()))) {
            throw table.error(row, columns.spans(), "'" + row.get(columns.spans()) + "': expected the spans of the finding, such as 0-4,11-18");
        }
        FindingStatus status = row.get(columns.polarity()).equals("X") ? FindingStatus.NORMAL : FindingStatus.KEY;
        return new Finding(id, table.span(row, columns.spans(), textLength), status);
    }
}
