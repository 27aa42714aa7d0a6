package org.hpolink.extract.lexical;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpolink.model.BundledTable;
import org.hpolink.ontology.HpoId;

/**
 * The reviewed table of clinical abbreviations HPO does not list ({@code FTT}, {@code ID}), each with the HPO id it
 * stands for in a clinical-genetics note; the notes profile's lexicon reads them as names
 * ({@link LexicalConfig#proseNames()}).
 */
final class ClinicalAbbreviations {

    private static final String STANDARD = "clinical-abbreviations.tsv";

    private ClinicalAbbreviations() {
    }

    /** The standard table, in file order. */
    static Map<String, HpoId> standard() {
        return Standard.TABLE;
    }

    private static final class Standard {
        static final Map<String, HpoId> TABLE = parse(BundledTable.lines(ClinicalAbbreviations.class, STANDARD), STANDARD);
    }

    /** Lines {@code abbreviation<TAB>HPO id<TAB>label}; blank lines and lines starting with # are skipped. */
    static Map<String, HpoId> parse(List<String> lines, String source) {
        Map<String, HpoId> table = new LinkedHashMap<>();
        for (BundledTable.Row row : BundledTable.rows(lines)) {
            List<String> fields = row.fields();
            if (fields.size() != 3 || fields.get(0).isBlank() || !HpoId.isValid(fields.get(1))) {
                throw new IllegalArgumentException(source + " line " + row.line() + ": expected an abbreviation, an HPO id and a label separated by tabs");
            }
            if (table.put(fields.get(0), HpoId.of(fields.get(1))) != null) {
                throw new IllegalArgumentException(source + " line " + row.line() + ": " + fields.get(0) + " is listed twice");
            }
        }
        return Collections.unmodifiableMap(table);
    }
}
