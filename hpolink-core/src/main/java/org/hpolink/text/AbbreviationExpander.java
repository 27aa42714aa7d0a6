package org.hpolink.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.model.BundledTable;

/**
 * Writes out the abbreviations of exams and clinical notes ({@code b/l} bilateral, {@code DTRs} deep tendon reflexes,
 * {@code PF} palpebral fissure) from reviewed tables, keeping the way back: an extractor reads the written-out text and its
 * spans are mapped back to the original characters ({@link OffsetMap}); a part of a written-out abbreviation stands
 * for the whole abbreviation. Abbreviations match case-sensitively, as whole words. Immutable.
 */
public final class AbbreviationExpander {

    private static final String STANDARD = "abbreviations.tsv";

    private static final AbbreviationExpander NONE = new AbbreviationExpander(Map.of());

    private final Map<String, String> table;
    /** The abbreviations' lengths, longest first: the lengths looked up at each word's start. */
    private final int[] lengthsLongestFirst;

    /** @param table each abbreviation with what it stands for; each starts with a letter or digit */
    public AbbreviationExpander(Map<String, String> table) {
        table.keySet().stream().filter(a -> a.isEmpty() || !isWordChar(a.charAt(0))).findFirst().ifPresent(a -> {
            throw new IllegalArgumentException("abbreviation '" + a + "' does not start with a letter or digit");
        });
        this.table = Map.copyOf(table);
        this.lengthsLongestFirst = table.keySet().stream().mapToInt(String::length).distinct().map(n -> -n).sorted().map(n -> -n).toArray();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** The expander that writes nothing out. */
    public static AbbreviationExpander none() {
        return NONE;
    }

    /**
     * This expander with the abbreviations of {@code more} too.
     *
     * @throws IllegalArgumentException naming an abbreviation both list
     */
    public AbbreviationExpander with(Map<String, String> more) {
        Map<String, String> joined = new LinkedHashMap<>(table);
        more.forEach((abbreviation, writtenOut) -> {
            if (joined.put(abbreviation, writtenOut) != null) {
                throw new IllegalArgumentException(abbreviation + " is in both tables of abbreviations");
            }
        });
        return new AbbreviationExpander(joined);
    }

    /** The expander of the bundled reviewed table. */
    public static AbbreviationExpander standard() {
        return Standard.EXPANDER;
    }

    private static final class Standard {
        static final AbbreviationExpander EXPANDER = new AbbreviationExpander(parse(BundledTable.lines(AbbreviationExpander.class, STANDARD)));
    }

    /** Lines {@code abbreviation<TAB>written out}; blank lines and lines starting with # are skipped. */
    static Map<String, String> parse(List<String> lines) {
        Map<String, String> table = new LinkedHashMap<>();
        for (BundledTable.Row row : BundledTable.rows(lines)) {
            List<String> fields = row.fields();
            if (fields.size() != 2 || fields.get(0).isBlank() || fields.get(1).isBlank()) {
                throw new IllegalArgumentException(STANDARD + " line " + row.line() + ": expected an abbreviation and what it stands for, "
                        + "separated by a tab");
            }
            if (table.put(fields.get(0), fields.get(1)) != null) {
                throw new IllegalArgumentException(STANDARD + " line " + row.line() + ": " + fields.get(0) + " is listed twice");
            }
        }
        return table;
    }

    /** {@code text} with its abbreviations written out, and the map between the two. */
    public OffsetMap expand(String text) {
        return writeOut(OffsetMap.builder(text), 0, text.length()).build();
    }

    /**
     * Appends the builder's source characters {@code start} to {@code end} (end-exclusive) with their abbreviations
     * written out. Whether an abbreviation is a whole word is read in the whole source, not only in the range.
     */
    public OffsetMap.Builder writeOut(OffsetMap.Builder into, int start, int end) {
        // A scan of the words' starts with a lookup per length: a regular expression of the alternatives took as long
        // as the rest of a document's segmentation.
        String source = into.source();
        int at = start;
        int i = start;
        while (i < end) {
            String abbreviation = isWordChar(source.charAt(i)) && (i == 0 || !isWordChar(source.charAt(i - 1))) ? abbreviationAt(source, i, end) : null;
            if (abbreviation == null) {
                i++;
                continue;
            }
            into.copy(at, i).replace(i, i + abbreviation.length(), table.get(abbreviation));
            i += abbreviation.length();
            at = i;
        }
        return into.copy(at, end);
    }

    /** The longest abbreviation that starts at {@code i} and ends a word before {@code end}, or null. */
    private String abbreviationAt(String source, int i, int end) {
        for (int length : lengthsLongestFirst) {
            int after = i + length;
            if (after <= end && (after == source.length() || !isWordChar(source.charAt(after)))) {
                String candidate = source.substring(i, after);
                if (table.containsKey(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** {@code observation} as its extractor reads it: its text written out, its section found again. */
    public Observation expand(Observation observation, OffsetMap expanded) {
        return Observation.of(observation.id(), expanded.text());
    }

    /** The corpus with every text written out and each finding's span mapped onto it, for training on what is read. */
    public Corpus expand(Corpus corpus) {
        List<AnnotatedObservation> expanded = new ArrayList<>(corpus.size());
        for (AnnotatedObservation observation : corpus.observations()) {
            OffsetMap map = expand(observation.text());
            List<Finding> findings = new ArrayList<>();
            for (Finding finding : observation.findings()) {
                Span span = map.fromSource(finding.span()).orElseThrow();
                findings.add(new Finding(finding.id(), span, finding.status()));
            }
            expanded.add(new AnnotatedObservation(expand(observation.observation(), map), findings, observation.firstLine()));
        }
        return new Corpus(corpus.source() + " (abbreviations written out)", corpus.sha256(), expanded);
    }
}
