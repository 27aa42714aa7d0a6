package org.hpolink.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpolink.model.BundledTable;
import org.hpolink.ontology.HpoId;

/**
 * The reviewed table of the abbreviations of findings that clinical notes use and HPO does not list ({@code FTT},
 * {@code OM}, {@code CALMs}), each with what it stands for in a clinical-genetics note, written out as HPO names it,
 * and that term's id and label for the reviewer. The notes profile writes them out before extraction
 * ({@link Profile#segmenter()}), so that what the note says of them composes as it does with the written-out name:
 * {@code recurrent OM} is Recurrent otitis media, {@code severe ID} Intellectual disability, severe.
 */
public final class ClinicalAbbreviations {

    private static final String STANDARD = "clinical-abbreviations.tsv";

    /** One reviewed line: the abbreviation as written (matched case-sensitively), what it stands for, the term's id and label. */
    public record Row(String abbreviation, String writtenOut, HpoId id, String label) {
    }

    private ClinicalAbbreviations() {
    }

    /** The standard table, in file order. */
    public static List<Row> standard() {
        return Standard.TABLE;
    }

    /** Each abbreviation of the standard table with what it stands for, for an abbreviation expander. */
    static Map<String, String> writtenOut() {
        Map<String, String> writtenOut = new LinkedHashMap<>();
        standard().forEach(row -> writtenOut.put(row.abbreviation(), row.writtenOut()));
        return writtenOut;
    }

    private static final class Standard {
        static final List<Row> TABLE = parse(BundledTable.lines(ClinicalAbbreviations.class, STANDARD), STANDARD);
    }

    /** Lines {@code abbreviation<TAB>written out<TAB>HPO id<TAB>label}; blank lines and lines starting with # are skipped. */
    static List<Row> parse(List<String> lines, String source) {
        Map<String, Row> table = new LinkedHashMap<>();
        for (BundledTable.Row line : BundledTable.rows(lines)) {
            List<String> fields = line.fields();
            if (fields.size() != 4 || fields.get(0).isBlank() || fields.get(1).isBlank() || !HpoId.isValid(fields.get(2))) {
                throw new IllegalArgumentException(source + " line " + line.line()
                        + ": expected an abbreviation, what it stands for, an HPO id and a label separated by tabs");
            }
            Row row = new Row(fields.get(0), fields.get(1), HpoId.of(fields.get(2)), fields.get(3));
            if (table.put(row.abbreviation(), row) != null) {
                throw new IllegalArgumentException(source + " line " + line.line() + ": " + row.abbreviation() + " is listed twice");
            }
        }
        return List.copyOf(table.values());
    }
}
