package org.hpolink.corpus;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;

/** Small hand-written BC8 files and corpora for tests; none of it comes from the real corpus. */
public final class Bc8Fixtures {

    public static final String PUBLIC_HEADER = "StringID\tParticipantCount\tText\tTerm\tNegated\tSpans";
    public static final String OFFICIAL_HEADER = "ObservationID\tText\tHPO Term\tPolarity\tSpans";

    public static final String EARS = "EARS: small, posteriorly rotated";
    public static final String HEAD = "HEAD: round face, no plagiocephaly";
    public static final String NECK = "NECK: supple";
    public static final String EYES = "EYES: upslanting fissures, long lashes";

    public static final Predicate<HpoId> ANY_ID = id -> true;

    /** A public-release file: two key findings (one discontinuous), a key and a normal one, an NA observation. */
    public static final List<String> PUBLIC_FILE = List.of(
            PUBLIC_HEADER,
            publicRow("obs-ears", EARS, "HP:0008551", "NA", "0-4,6-11"),
            publicRow("obs-ears", EARS, "HP:0000358", "NA", "0-4,13-32"),
            publicRow("obs-head", HEAD, "HP:0000311", "", "6-16"),
            publicRow("obs-head", HEAD, "HP:0001357", "X", "18-34"),
            publicRow("obs-neck", NECK, "NA", "NA", "NA"));

    private Bc8Fixtures() {
    }

    /** A row under {@link #PUBLIC_HEADER}. */
    public static String publicRow(String id, String text, String term, String negated, String spans) {
        return String.join("\t", id, "1", text, term, negated, spans);
    }

    /** The lines as a UTF-8 file, each ended by LF. */
    public static byte[] bytes(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static InputStream stream(List<String> lines) {
        return new ByteArrayInputStream(bytes(lines));
    }

    public static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    public static Finding key(String id, String span) {
        return Finding.key(HpoId.of(id), Span.parse(span));
    }

    public static Finding normal(String id, String span) {
        return Finding.normal(HpoId.of(id), Span.parse(span));
    }

    public static AnnotatedObservation annotated(String id, String text, Finding... findings) {
        return new AnnotatedObservation(Observation.of(id, text), List.of(findings), 0);
    }

    /** The observations of {@link #PUBLIC_FILE}, built in memory. */
    public static Corpus goldCorpus() {
        return new Corpus("gold.tsv", "", List.of(
                annotated("obs-ears", EARS, key("HP:0008551", "0-4,6-11"), key("HP:0000358", "0-4,13-32")),
                annotated("obs-head", HEAD, key("HP:0000311", "6-16"), normal("HP:0001357", "18-34")),
                annotated("obs-neck", NECK)));
    }
}
