package org.hpolink.extract.lexical;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        static final Map<String, HpoId> TABLE = read();

        private static Map<String, HpoId> read() {
            try (InputStream in = ClinicalAbbreviations.class.getResourceAsStream(STANDARD)) {
                if (in == null) {
                    throw new IllegalStateException("org/hpolink/extract/lexical/" + STANDARD + " is missing from the class path");
                }
                return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList(), STANDARD);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + STANDARD, e);
            }
        }
    }

    /** Lines {@code abbreviation<TAB>HPO id<TAB>label}; blank lines and lines starting with # are skipped. */
    static Map<String, HpoId> parse(List<String> lines, String source) {
        Map<String, HpoId> table = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 3 || fields[0].isBlank() || !HpoId.isValid(fields[1])) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected an abbreviation, an HPO id and a label separated by tabs");
            }
            if (table.put(fields[0], HpoId.of(fields[1])) != null) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + fields[0] + " is listed twice");
            }
        }
        return Collections.unmodifiableMap(table);
    }
}
