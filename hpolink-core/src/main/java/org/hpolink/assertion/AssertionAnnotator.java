package org.hpolink.assertion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;
import org.hpolink.text.DocumentSection;
import org.hpolink.text.Section;
import org.hpolink.text.SegmentedDocument;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;
import org.hpolink.text.Token;
import org.hpolink.text.Tokenizer;

/**
 * What a note asserts of a finding its pipeline found present, in the style of ConText (Harkema et al. 2009): cues
 * ({@link ContextCues}) such as {@code denies}, {@code mother}, {@code rule out} or {@code resolved} govern the words
 * after or before them, up to a clause's end (a semicolon, a terminating word such as {@code but}, or a few words), never
 * past their sentence; a finding in a cue's scope takes its assertion, and the whole of a family history section is the
 * family's. Where cues of several kinds reach a finding, the first of family, hypothetical, negated, historical wins:
 * whoever it is about comes first. A cue inside a finding's span governs nothing: {@code absent} in {@code absent
 * thumbs} negates neither that finding nor {@code hypotonia} in {@code hypotonia and absent reflexes}, as ConText's
 * modifiers that overlap a target are dropped. Immutable and thread-safe.
 */
public final class AssertionAnnotator {

    /** How many words after a forward cue, and before a backward one, its scope reaches at most. */
    static final int FORWARD_WORDS = 10;
    static final int BACKWARD_WORDS = 12;

    private static final Pattern FAMILY_HEADING = Pattern.compile("(?i)\\b(family|fhx|fh)\\b");
    private static final Set<String> BEFORE_BACKWARD_RELATIVE = Set.of("in", "of");
    private static final List<Assertion> PRECEDENCE = List.of(Assertion.FAMILY, Assertion.HYPOTHETICAL, Assertion.NEGATED, Assertion.HISTORICAL);

    private final ContextCues cues;
    private final Tokenizer tokenizer = new Tokenizer();

    public AssertionAnnotator(ContextCues cues) {
        this.cues = cues;
    }

    /** With the standard cues. */
    public static AssertionAnnotator standard() {
        return new AssertionAnnotator(ContextCues.standard());
    }

    /** The assertion of a finding found present at {@code finding} in a segmented document: in its sentence and section. */
    public Assertion assertionOf(SegmentedDocument document, Span finding) {
        return forDocument(document, List.of(finding)).assertionOf(finding);
    }

    /**
     * The assertions of the findings of one document; each sentence's cues are found once.
     *
     * @param findings the spans of all the document's findings, whose words are no cues
     */
    public DocumentAssertions forDocument(SegmentedDocument document, Collection<Span> findings) {
        return new DocumentAssertions(document, findings);
    }

    /** A sentence's tokens and cues. */
    private record CuedSentence(Segment sentence, List<Token> tokens, List<ContextCues.Found> found) {
    }

    /** The assertions of one document's findings (a document has many findings a sentence). Not thread-safe. */
    public final class DocumentAssertions {
        private final SegmentedDocument document;
        /** The findings' spans by start. */
        private final List<Span> findings;
        private final Map<Segment, CuedSentence> sentences = new HashMap<>();

        private DocumentAssertions(SegmentedDocument document, Collection<Span> findings) {
            this.document = document;
            this.findings = findings.stream().sorted().toList();
        }

        /** The assertion of a finding found present at {@code finding}: in its sentence and section. */
        public Assertion assertionOf(Span finding) {
            Optional<Section> heading = headingAt(document, finding.start());
            if (isFamilyHistory(heading)) {
                return Assertion.FAMILY;
            }
            CuedSentence sentence = sentences.computeIfAbsent(sentenceAt(document, finding.start()),
                    s -> withoutCuesInFindings(cued(document.document().text(), s)));
            return assertionIn(sentence, finding);
        }

        /** The sentence without the assertion cues that lie in a finding's span. */
        private CuedSentence withoutCuesInFindings(CuedSentence sentence) {
            Segment extent = sentence.sentence();
            int first = lastStartingAtOrBefore(findings.size(), k -> findings.get(k).start(), extent.start() - 1) + 1;
            List<Span> inSentence = new ArrayList<>();
            for (int k = first; k < findings.size() && findings.get(k).start() < extent.end(); k++) {
                inSentence.add(findings.get(k));
            }
            if (inSentence.isEmpty()) {
                return sentence;
            }
            List<ContextCues.Found> kept = sentence.found().stream().filter(cue -> cue.cue().kind().assertion() == null
                    || inSentence.stream().noneMatch(span -> overlaps(sentence.tokens(), cue, extent.start(), span))).toList();
            return new CuedSentence(extent, sentence.tokens(), kept);
        }
    }

    /** The sentence holding character {@code at} (every character a finding covers is in one). */
    private static Segment sentenceAt(SegmentedDocument document, int at) {
        List<Segment> sentences = document.sentences();
        int i = lastStartingAtOrBefore(sentences.size(), k -> sentences.get(k).start(), at);
        if (i < 0 || at >= sentences.get(i).end()) {
            throw new IllegalArgumentException("document " + document.document().id() + ": no sentence holds character " + at);
        }
        return sentences.get(i);
    }

    private static Optional<Section> headingAt(SegmentedDocument document, int at) {
        List<DocumentSection> sections = document.sections();
        int i = lastStartingAtOrBefore(sections.size(), k -> sections.get(k).extent().start(), at);
        return i < 0 ? Optional.empty() : sections.get(i).heading();
    }

    /** The last of {@code size} items in text order whose start is at most {@code at}, or -1: a binary search. */
    private static int lastStartingAtOrBefore(int size, IntUnaryOperator start, int at) {
        int low = 0;
        int high = size - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (start.applyAsInt(middle) <= at) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    /**
     * The assertion of a finding found present at {@code finding} in {@code text}.
     *
     * @param sentence the sentence holding the finding's start
     * @param heading  the heading of the section holding it, if any
     */
    public Assertion assertionOf(String text, Segment sentence, Optional<Section> heading, Span finding) {
        return isFamilyHistory(heading) ? Assertion.FAMILY : assertionIn(cued(text, sentence), finding);
    }

    private static boolean isFamilyHistory(Optional<Section> heading) {
        return heading.isPresent() && FAMILY_HEADING.matcher(heading.get().name()).find();
    }

    private CuedSentence cued(String text, Segment sentence) {
        List<Token> tokens = tokenizer.tokenize(sentence.coveredText(text));
        return new CuedSentence(sentence, tokens, cues.find(tokens));
    }

    private Assertion assertionIn(CuedSentence sentence, Span finding) {
        List<Token> tokens = sentence.tokens();
        List<ContextCues.Found> found = sentence.found();
        int shift = sentence.sentence().start();
        Set<Assertion> reaching = EnumSet.noneOf(Assertion.class);
        for (ContextCues.Found cue : found) {
            Assertion assertion = cue.cue().kind().assertion();
            if (assertion == null || overlaps(tokens, cue, shift, finding)) {
                continue;
            }
            Cue.Direction direction = cue.cue().direction();
            boolean forward = direction != Cue.Direction.BACKWARD;
            boolean backward = direction == Cue.Direction.BACKWARD
                    || direction == Cue.Direction.RELATIVE && cue.first() > 0 && precededBy(tokens, cue.first(), BEFORE_BACKWARD_RELATIVE);
            if (forward && inForwardScope(tokens, found, cue, shift, finding) || backward && inBackwardScope(tokens, found, cue, shift, finding)) {
                reaching.add(assertion);
            }
        }
        return PRECEDENCE.stream().filter(reaching::contains).findFirst().orElse(Assertion.PRESENT);
    }

    private static boolean overlaps(List<Token> tokens, ContextCues.Found cue, int shift, Span finding) {
        Span words = Span.of(tokens.get(cue.first()).start() + shift, tokens.get(cue.last()).end() + shift);
        return words.overlaps(finding);
    }

    /** Whether one of {@code words} is among the three tokens before {@code first}. */
    private static boolean precededBy(List<Token> tokens, int first, Set<String> words) {
        for (int i = Math.max(0, first - 3); i < first; i++) {
            if (words.contains(tokens.get(i).normalized())) {
                return true;
            }
        }
        return false;
    }

    private static boolean inForwardScope(List<Token> tokens, List<ContextCues.Found> found, ContextCues.Found cue, int shift, Span finding) {
        int start = tokens.get(cue.last()).end() + shift;
        int end = start;
        int words = 0;
        for (int i = cue.last() + 1; i < tokens.size() && words < FORWARD_WORDS && !endsClause(tokens, found, i); i++) {
            end = tokens.get(i).end() + shift;
            words += tokens.get(i).isWord() ? 1 : 0;
        }
        return finding.start() >= start && finding.start() < end;
    }

    private static boolean inBackwardScope(List<Token> tokens, List<ContextCues.Found> found, ContextCues.Found cue, int shift, Span finding) {
        int end = tokens.get(cue.first()).start() + shift;
        int start = end;
        int words = 0;
        for (int i = cue.first() - 1; i >= 0 && words < BACKWARD_WORDS && !endsClause(tokens, found, i); i--) {
            start = tokens.get(i).start() + shift;
            words += tokens.get(i).isWord() ? 1 : 0;
        }
        return finding.start() >= start && finding.end() <= end;
    }

    /** Whether token {@code i} ends a scope: a semicolon, or a word of a terminating cue. */
    private static boolean endsClause(List<Token> tokens, List<ContextCues.Found> found, int i) {
        if (tokens.get(i).surface().equals(";")) {
            return true;
        }
        for (ContextCues.Found cue : found) {
            if (cue.cue().kind() == Cue.Kind.TERMINATION && cue.first() <= i && i <= cue.last()) {
                return true;
            }
        }
        return false;
    }
}
