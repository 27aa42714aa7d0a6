package org.hpolink.extract.llm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;

/**
 * The LLM's answer format: one line a key finding, the whole text copied with the finding's words between markers,
 * then {@code " => "} and the HPO term's name; {@code NONE} for a text without one. For
 * {@code EYES: mild hooding and epicanthus}:
 *
 * <pre>
 * [EYES]: mild [hooding] and epicanthus =&gt; Hooded eyelid
 * EYES: mild hooding and [epicanthus] =&gt; Epicanthus
 * </pre>
 *
 * Markers express discontinuous mentions and the words a mention borrows from a section header, and the parser
 * aligns them back to offsets without searching for the words. The markers are {@code [ ]}, or {@code ⟦ ⟧} for a
 * text that holds a square bracket. The parser never throws: a line whose text is not the input's (whitespace
 * aside), or that marks nothing, is rejected and counted.
 */
public final class MarkedAnswerFormat {

    public static final String NONE = "NONE";
    static final String NAME_SEPARATOR = " => ";

    /** The pair of characters that enclose a finding's words. */
    public record Markers(char open, char close) {

        static final Markers SQUARE = new Markers('[', ']');
        static final Markers WHITE_SQUARE = new Markers('\u27E6', '\u27E7');

        /** The markers for {@code text}: square brackets unless it holds one; empty when it holds both kinds. */
        public static Optional<Markers> forText(String text) {
            for (Markers markers : List.of(SQUARE, WHITE_SQUARE)) {
                if (text.indexOf(markers.open) < 0 && text.indexOf(markers.close) < 0) {
                    return Optional.of(markers);
                }
            }
            return Optional.empty();
        }
    }

    /** A finding as the answer gives it: where it is and the term name proposed for it (empty when none). */
    public record ProposedFinding(Span span, String name) {
    }

    /**
     * An answer read: its findings, each span once, in answer order; the lines rejected; and whether the answer as a
     * whole was malformed (empty, or lines but none usable).
     */
    public record ParsedAnswer(List<ProposedFinding> findings, int rejectedLines, boolean malformed) {
    }

    private MarkedAnswerFormat() {
    }

    /**
     * The answer line for a finding at {@code span} of {@code text} named {@code name}.
     *
     * @throws IllegalArgumentException when the text holds both kinds of markers, so no finding of it can be written
     */
    public static String line(String text, Span span, String name) {
        Markers markers = Markers.forText(text)
                .orElseThrow(() -> new IllegalArgumentException("the text holds both [ ] and \u27E6 \u27E7: no markers are left"));
        StringBuilder line = new StringBuilder(text.length() + 4 * span.segments().size() + name.length());
        int at = 0;
        for (Segment segment : span.segments()) {
            line.append(text, at, segment.start()).append(markers.open())
                    .append(text, segment.start(), segment.end()).append(markers.close());
            at = segment.end();
        }
        return line.append(text, at, text.length()).append(NAME_SEPARATOR).append(name).toString();
    }

    /** The whole answer for the findings of {@code text}, each a span and a name, in the order given. */
    public static String answer(String text, List<ProposedFinding> findings) {
        if (findings.isEmpty()) {
            return NONE;
        }
        List<String> lines = new ArrayList<>();
        for (ProposedFinding finding : findings) {
            lines.add(line(text, finding.span(), finding.name()));
        }
        return String.join("\n", lines);
    }

    /** Reads {@code answer}, given for {@code text}. Never throws. */
    public static ParsedAnswer parse(String text, String answer) {
        if (answer == null || answer.isBlank()) {
            return new ParsedAnswer(List.of(), 0, true);
        }
        Optional<Markers> markers = Markers.forText(text);
        Map<Span, ProposedFinding> findings = new LinkedHashMap<>();
        int rejected = 0;
        int lines = 0;
        boolean none = false;
        for (String raw : answer.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("```")) {
                continue; // blank lines and the fences of a code block carry nothing
            }
            lines++;
            if (line.equals(NONE)) {
                none = true;
                continue;
            }
            Optional<ProposedFinding> finding = markers.flatMap(m -> finding(text, line, m));
            if (finding.isPresent()) {
                findings.putIfAbsent(finding.get().span(), finding.get());
            } else {
                rejected++;
            }
        }
        boolean malformed = lines == 0 || (findings.isEmpty() && !none);
        return new ParsedAnswer(List.copyOf(findings.values()), rejected, malformed);
    }

    private static Optional<ProposedFinding> finding(String text, String line, Markers markers) {
        int separator = line.lastIndexOf(NAME_SEPARATOR.strip());
        String marked = separator < 0 ? line : line.substring(0, separator);
        String name = separator < 0 ? "" : line.substring(separator + NAME_SEPARATOR.strip().length()).strip();
        StringBuilder plain = new StringBuilder(marked.length());
        List<int[]> pieces = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == markers.open()) {
                if (open >= 0) {
                    return Optional.empty(); // nested
                }
                open = plain.length();
            } else if (c == markers.close()) {
                if (open < 0) {
                    return Optional.empty(); // closes nothing
                }
                pieces.add(new int[] {open, plain.length()});
                open = -1;
            } else {
                plain.append(c);
            }
        }
        if (open >= 0 || pieces.isEmpty()) {
            return Optional.empty();
        }
        Optional<int[]> offsets = WhitespaceAlignment.offsets(text, plain.toString());
        if (offsets.isEmpty()) {
            return Optional.empty();
        }
        List<Segment> segments = new ArrayList<>();
        for (int[] piece : pieces) {
            Optional<Segment> segment = WhitespaceAlignment.segment(text, offsets.get(), piece[0], piece[1]);
            if (segment.isEmpty()) {
                return Optional.empty();
            }
            segments.add(segment.get());
        }
        // Pieces the model split at a space ("[low] [set]") are one segment, as the other extractors give it.
        return Optional.of(new ProposedFinding(Span.covering(segments).canonical(text), name));
    }
}
