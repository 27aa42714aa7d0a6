package org.hpolink.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a document into sections, sentences and bounded windows, every piece with offsets into the document's text,
 * in time linear in its length.
 *
 * <ul>
 *   <li><b>Headings.</b> A short line that ends with a colon, is all upper case, or is a usual heading of clinical
 *       notes ({@code Physical examination}); or a capitalised name of at most five words and a colon opening a line
 *       ({@code Family history: ...}, {@code HEENT: ...}). A section runs from its heading to the next one.</li>
 *   <li><b>Sentences.</b> A line is a sentence break, unless the line does not end a clause and the next one goes on
 *       in lower case (hard-wrapped text); within a line, a full stop, question or exclamation mark before a space
 *       and a capital or digit, after a word that is not a usual abbreviation ({@code Dr.}, {@code e.g.}).</li>
 *   <li><b>Windows.</b> The sentences of a line, packed in order while they fit in {@code maxWindowChars}; a longer
 *       sentence is cut at its last semicolon, comma or space that fits. A line that opens with a BC8-style header
 *       ({@code EYES: ...}) lends it to each of its later windows (the header, its colon and a space, then the
 *       window), so {@code EYES: mild hooding. Long lashes.} cut in two still reads both findings under EYES.</li>
 * </ul>
 * A BC8 observation (one line, at most 529 characters in the training file) is one window of its own text, so a
 * document annotator gives it the findings the pipeline gives the observation. Thread-safe.
 */
public final class DocumentSegmenter {

    /** Above the longest BC8 training observation (529 characters), so that each is one window. */
    public static final int DEFAULT_MAX_WINDOW_CHARS = 600;

    private static final int MAX_HEADING_CHARS = 60;
    private static final int MAX_HEADING_WORDS = 6;
    /** How far into a line a header is looked for: headers are short, and lines may be very long. */
    private static final int HEADER_SEARCH_CHARS = 200;

    /** Headings of clinical notes that are written without a colon and not in capitals. */
    private static final Set<String> USUAL_HEADINGS = Set.of("physical examination", "physical exam", "examination", "exam",
            "family history", "social history", "past medical history", "medical history", "history of present illness",
            "history", "birth history", "developmental history", "review of systems", "assessment", "assessment and plan",
            "impression", "plan", "summary", "diagnosis", "diagnoses", "medications", "allergies", "findings", "results",
            "clinical features", "clinical description", "description", "discussion", "conclusion", "abstract", "background",
            "methods", "case report", "case presentation", "introduction", "dysmorphology examination", "genetic testing");

    /** Words after which a full stop does not end a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of("dr", "mr", "mrs", "ms", "prof", "vs", "etc", "eg", "ie", "e.g", "i.e",
            "approx", "fig", "figs", "no", "nos", "st", "jr", "sr", "dept", "al", "ca", "cf", "resp", "wt", "ht", "hx", "pt", "pts", "yrs",
            "yr", "mo", "mos", "wk", "wks", "min", "max", "incl", "ref", "vol", "pp", "p");

    /** A capitalised name of one to five words and a colon opening a line: {@code Family history:}, {@code Eyes:}. */
    private static final Pattern INLINE_HEADING = Pattern.compile("\\G([A-Z][A-Za-z'&/()-]*(?: [A-Za-z'&/()-]+){0,4}) ?:(?=\\s|$)");

    private final int maxWindowChars;
    private final AbbreviationExpander expander;

    public DocumentSegmenter() {
        this(DEFAULT_MAX_WINDOW_CHARS);
    }

    /** @param maxWindowChars the most characters of the document in a window (a lent header not counted), 20 or more */
    public DocumentSegmenter(int maxWindowChars) {
        this(maxWindowChars, AbbreviationExpander.none());
    }

    /**
     * @param maxWindowChars the most characters of the document in a window (a lent header not counted), 20 or more
     * @param expander       what a window's text has written out: the window is cut from the document as written, and
     *                       what it stands for maps back to the abbreviation
     */
    public DocumentSegmenter(int maxWindowChars, AbbreviationExpander expander) {
        if (maxWindowChars < 20) {
            throw new IllegalArgumentException("maxWindowChars " + maxWindowChars + ": expected 20 or more");
        }
        this.maxWindowChars = maxWindowChars;
        this.expander = expander;
    }

    /** A run of text {@code start}-{@code end} (end-exclusive). */
    private record Run(int start, int end) {
    }

    /** A line's non-blank content, and its heading when it has one. */
    private record Line(Run content, Optional<Section> heading, boolean headingOnly) {
    }

    public SegmentedDocument segment(Document document) {
        String text = document.text();
        List<Line> lines = lines(text);
        List<DocumentSection> sections = sections(text, lines);
        List<Segment> sentences = new ArrayList<>();
        List<Window> windows = new ArrayList<>();
        for (Run block : blocks(text, lines)) {
            List<Segment> blockSentences = sentences(text, block);
            sentences.addAll(blockSentences);
            addWindows(document, block, blockSentences, windows);
        }
        return new SegmentedDocument(document, sections, sentences, windows);
    }

    private static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = start;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            Run content = trim(text, start, end);
            if (content != null) {
                Optional<Section> standalone = standaloneHeading(text, content);
                lines.add(standalone.isPresent() ? new Line(content, standalone, true) : new Line(content, inlineHeading(text, content), false));
            }
            if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
        }
        return lines;
    }

    /** The run without its leading and trailing white space, or null when it is blank. */
    private static Run trim(String text, int start, int end) {
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return start < end ? new Run(start, end) : null;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The line as a heading of its own: short, and ending with a colon, all in capitals, or a usual heading. */
    private static Optional<Section> standaloneHeading(String text, Run line) {
        if (line.end() - line.start() > MAX_HEADING_CHARS + 1) {
            return Optional.empty();
        }
        int end = line.end();
        boolean colon = text.charAt(end - 1) == ':';
        if (colon) {
            end--;
            while (end > line.start() && isSpace(text.charAt(end - 1))) {
                end--;
            }
        }
        if (end == line.start() || !Character.isLetter(text.charAt(line.start()))) {
            return Optional.empty();
        }
        String name = text.substring(line.start(), end);
        int words = 1;
        boolean lowerCase = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ') {
                words++;
            } else if (!Character.isLetterOrDigit(c) && "&/-'()".indexOf(c) < 0) {
                return Optional.empty();
            }
            lowerCase |= Character.isLowerCase(c);
        }
        boolean heading = words <= MAX_HEADING_WORDS
                && (colon || !lowerCase && name.length() > 1 || USUAL_HEADINGS.contains(name.toLowerCase(Locale.ROOT)));
        return heading ? Optional.of(new Section(name, new Segment(line.start(), end))) : Optional.empty();
    }

    /** A heading opening the line and followed by more text: the BC8 header ({@code EYES:}) or a capitalised name. */
    private static Optional<Section> inlineHeading(String text, Run line) {
        Optional<Section> header = bc8Header(text, line);
        if (header.isPresent()) {
            return header;
        }
        Matcher m = INLINE_HEADING.matcher(text).region(line.start(), Math.min(line.end(), line.start() + HEADER_SEARCH_CHARS));
        m.useTransparentBounds(true);
        return m.find() ? Optional.of(new Section(m.group(1), new Segment(m.start(1), m.end(1)))) : Optional.empty();
    }

    /** The BC8-style upper-case header opening the line, as {@link Section#find} reads it. */
    private static Optional<Section> bc8Header(String text, Run line) {
        int end = Math.min(line.end(), line.start() + HEADER_SEARCH_CHARS);
        return Section.find(text.substring(line.start(), end))
                .map(s -> new Section(s.name(), new Segment(s.segment().start() + line.start(), s.segment().end() + line.start())));
    }

    private static List<DocumentSection> sections(String text, List<Line> lines) {
        List<Section> headings = lines.stream().flatMap(line -> line.heading().stream()).toList();
        List<DocumentSection> sections = new ArrayList<>();
        if (lines.isEmpty()) {
            return sections;
        }
        int firstStart = lines.get(0).content().start();
        if (headings.isEmpty() || headings.get(0).segment().start() > firstStart) {
            int end = headings.isEmpty() ? text.length() : headings.get(0).segment().start();
            sections.add(new DocumentSection(Optional.empty(), new Segment(firstStart, lastNonSpace(text, firstStart, end))));
        }
        for (int h = 0; h < headings.size(); h++) {
            Section heading = headings.get(h);
            int end = h + 1 < headings.size() ? headings.get(h + 1).segment().start() : text.length();
            sections.add(new DocumentSection(Optional.of(heading), new Segment(heading.segment().start(),
                    lastNonSpace(text, heading.segment().start(), end))));
        }
        return sections;
    }

    /** The end of the run's text without its trailing white space (the run is not blank). */
    private static int lastNonSpace(String text, int start, int end) {
        while (end > start + 1 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /**
     * The lines joined where hard-wrapped text goes on: the next line is neither a heading nor opened by one, and
     * starts in lower case, after a line that does not end with a stop, colon or semicolon.
     */
    private static List<Run> blocks(String text, List<Line> lines) {
        List<Run> blocks = new ArrayList<>();
        Run current = null;
        for (Line line : lines) {
            boolean continues = current != null && line.heading().isEmpty()
                    && Character.isLowerCase(text.charAt(line.content().start()))
                    && ".:;!?".indexOf(text.charAt(current.end() - 1)) < 0;
            if (continues) {
                current = new Run(current.start(), line.content().end());
            } else {
                if (current != null) {
                    blocks.add(current);
                }
                current = line.content();
            }
        }
        if (current != null) {
            blocks.add(current);
        }
        return blocks;
    }

    /** The block's sentences, trimmed. */
    private static List<Segment> sentences(String text, Run block) {
        List<Segment> sentences = new ArrayList<>();
        int start = block.start();
        for (int i = block.start(); i < block.end(); i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && endsSentence(text, block, i)) {
                addTrimmed(text, start, i + 1, sentences);
                start = i + 1;
            }
        }
        addTrimmed(text, start, block.end(), sentences);
        return sentences;
    }

    private static void addTrimmed(String text, int start, int end, List<Segment> into) {
        Run run = trim(text, start, end);
        if (run != null) {
            into.add(new Segment(run.start(), run.end()));
        }
    }

    /** A character that joins a capital to the word before it, so that the capital is no initial. */
    private static boolean isInitialsJoiner(char c) {
        return c == '&' || c == '/' || c == '-' || Character.isLetterOrDigit(c);
    }

    /** Whether the stop at {@code i} ends a sentence: white space, then a capital, a digit or a bracket, follows. */
    private static boolean endsSentence(String text, Run block, int i) {
        int next = i + 1;
        if (next >= block.end() || !isSpace(text.charAt(next))) {
            return false;
        }
        while (next < block.end() && isSpace(text.charAt(next))) {
            next++;
        }
        char following = text.charAt(next);
        if (!(Character.isUpperCase(following) || Character.isDigit(following) || "([\"'".indexOf(following) >= 0)) {
            return false;
        }
        if (text.charAt(i) != '.') {
            return true;
        }
        int wordStart = i;
        while (wordStart > block.start() && (Character.isLetter(text.charAt(wordStart - 1)) || text.charAt(wordStart - 1) == '.')) {
            wordStart--;
        }
        String word = text.substring(wordStart, i).toLowerCase(Locale.ROOT);
        // An initial stands alone (J. R. Smith); a capital joined to what comes before (T&A., HIV-A.) is no initial.
        boolean initial = word.length() == 1 && Character.isUpperCase(text.charAt(wordStart))
                && (wordStart == block.start() || !isInitialsJoiner(text.charAt(wordStart - 1)));
        return !(initial || ABBREVIATIONS.contains(word));
    }

    /** The block's windows: its sentences packed in order, the long ones cut, the block's BC8 header lent on. */
    private void addWindows(Document document, Run block, List<Segment> sentences, List<Window> into) {
        String text = document.text();
        Optional<Section> header = bc8Header(text, block);
        int headerEnd = header.map(h -> text.indexOf(':', h.segment().end()) + 1).orElse(-1);
        List<Run> runs = new ArrayList<>();
        Run current = null;
        for (Segment sentence : sentences) {
            for (Run piece : fitting(text, sentence)) {
                if (current != null && piece.end() - current.start() <= maxWindowChars) {
                    current = new Run(current.start(), piece.end());
                } else {
                    if (current != null) {
                        runs.add(current);
                    }
                    current = piece;
                }
            }
        }
        if (current != null) {
            runs.add(current);
        }
        for (Run run : runs) {
            OffsetMap.Builder window = OffsetMap.builder(text);
            if (header.isPresent() && run.start() >= headerEnd) {
                expander.writeOut(window, header.get().segment().start(), headerEnd).insert(" ");
            }
            OffsetMap offsets = expander.writeOut(window, run.start(), run.end()).build();
            into.add(new Window(Observation.of(document.id() + "#" + (into.size() + 1), offsets.text()), offsets));
        }
    }

    /** The sentence, or the pieces of at most {@code maxWindowChars} it is cut into. */
    private List<Run> fitting(String text, Segment sentence) {
        List<Run> pieces = new ArrayList<>();
        int start = sentence.start();
        while (sentence.end() - start > maxWindowChars) {
            int cut = cut(text, start, start + maxWindowChars);
            Run piece = trim(text, start, cut);
            if (piece != null) {
                pieces.add(piece);
            }
            start = cut;
            while (start < sentence.end() && isSpace(text.charAt(start))) {
                start++;
            }
        }
        Run last = trim(text, start, sentence.end());
        if (last != null) {
            pieces.add(last);
        }
        return pieces;
    }

    /** Where to cut before {@code limit}: after the last semicolon, else comma, else at the last space of the second half. */
    private static int cut(String text, int start, int limit) {
        int half = start + (limit - start) / 2;
        for (String marks : List.of(";", ",", " \t\n")) {
            for (int i = limit - 1; i > half; i--) {
                char c = text.charAt(i);
                if (marks.indexOf(c) >= 0 || marks.length() > 1 && isSpace(c)) {
                    return i + 1;
                }
            }
        }
        // No break at all: cut between two code points.
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }
}
