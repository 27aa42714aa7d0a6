package org.hpolink.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DocumentSegmenterTest {

    private final DocumentSegmenter segmenter = new DocumentSegmenter();

    private static List<String> texts(List<Segment> segments, String text) {
        return segments.stream().map(s -> s.coveredText(text)).toList();
    }

    private static List<String> windowTexts(SegmentedDocument segmented) {
        return segmented.windows().stream().map(w -> w.observation().text()).toList();
    }

    @Test
    void aWindowIsReadWithItsAbbreviationsWrittenOutAndMapsThemBackWhole() {
        DocumentSegmenter writingOut = new DocumentSegmenter(50, new AbbreviationExpander(Map.of("PF", "palpebral fissure", "OM", "otitis media")));
        String text = "EYES: upslanting PF, epicanthus. Long lashes, short PFs.\nHPI: recurrent OM";

        SegmentedDocument segmented = writingOut.segment(new Document("d", text));

        assertEquals(List.of("EYES: upslanting palpebral fissure, epicanthus.", "EYES: Long lashes, short PFs.", "HPI: recurrent otitis media"),
                windowTexts(segmented), "the document is cut as written (50 characters), the lent header written out too");
        Window last = segmented.windows().get(2);
        Span otitisMedia = Span.of(last.observation().text().indexOf("otitis"), last.observation().text().length());
        assertEquals(Optional.of(Span.of(text.indexOf("OM"), text.length())), last.offsets().toSource(otitisMedia));
        assertEquals(Optional.of(Span.of(text.indexOf("recurrent"), text.length())),
                last.offsets().toSource(Span.of(5, last.observation().text().length())));
    }

    @Test
    void aBc8ObservationIsOneWindowOfItsOwnText() {
        String text = "EYES: mild hooding and epicanthus. Long eyelashes.";

        SegmentedDocument segmented = segmenter.segment(new Document("obs-1", text));

        assertEquals(List.of(text), windowTexts(segmented));
        Window window = segmented.windows().get(0);
        assertEquals("EYES", window.observation().sectionName(), "the header is the window's section, as in BC8");
        assertEquals(Optional.of(Span.parse("0-4,11-18")), window.offsets().toSource(Span.parse("0-4,11-18")));
        assertEquals(List.of("EYES: mild hooding and epicanthus.", "Long eyelashes."), texts(segmented.sentences(), text));
    }

    @Test
    void headingsOpenSectionsThatRunToTheNextHeading() {
        String text = "Summary:\nA boy of 3 years.\n\nFamily history: mother has short stature.\nPHYSICAL EXAMINATION\n"
                + "HEENT: low set ears.\nPhysical examination\nno more";

        SegmentedDocument segmented = segmenter.segment(new Document("note", text));

        assertEquals(List.of("Summary", "Family history", "PHYSICAL EXAMINATION", "HEENT", "Physical examination"),
                segmented.sections().stream().map(s -> s.heading().orElseThrow().name()).toList());
        assertEquals(List.of("Summary:\nA boy of 3 years.", "Family history: mother has short stature.", "PHYSICAL EXAMINATION",
                "HEENT: low set ears.", "Physical examination\nno more"), texts(segmented.sections().stream().map(DocumentSection::extent).toList(), text));
        DocumentSection family = segmented.sections().get(1);
        assertEquals("Family history", family.heading().orElseThrow().segment().coveredText(text));
    }

    @Test
    void textBeforeTheFirstHeadingIsASectionWithoutOne() {
        String text = "  A note without a heading first.\nEYES: epicanthus";

        List<DocumentSection> sections = segmenter.segment(new Document("note", text)).sections();

        assertEquals(Optional.empty(), sections.get(0).heading());
        assertEquals("A note without a heading first.", sections.get(0).extent().coveredText(text));
        assertEquals("EYES", sections.get(1).heading().orElseThrow().name());
    }

    @Test
    void aShortLineIsNoHeadingUnlessItEndsWithAColonIsInCapitalsOrIsAUsualHeading() {
        String text = "Seizures\nthe boy has seizures.\nMedications\nnone.";

        SegmentedDocument segmented = segmenter.segment(new Document("note", text));

        assertEquals(List.of("Medications"), segmented.sections().stream().flatMap(s -> s.heading().stream()).map(Section::name).toList());
    }

    @Test
    void sentencesEndAtStopsBeforeACapitalButNotAfterAbbreviationsInitialsOrInsideNumbers() {
        String text = "Seen by Dr. Smith on 3.5 kg weight. Hypotonia, e.g. head lag? Yes! J. R. Smith agreed.";

        List<Segment> sentences = segmenter.segment(new Document("note", text)).sentences();

        assertEquals(List.of("Seen by Dr. Smith on 3.5 kg weight.", "Hypotonia, e.g. head lag?", "Yes!", "J. R. Smith agreed."),
                texts(sentences, text));
    }

    @Test
    void aCapitalJoinedToTheWordBeforeIsNoInitial() {
        String text = "OSA s/p T&A. Seizures since age 2. Tested for HIV-A. Negative.";

        List<Segment> sentences = segmenter.segment(new Document("note", text)).sentences();

        assertEquals(List.of("OSA s/p T&A.", "Seizures since age 2.", "Tested for HIV-A.", "Negative."), texts(sentences, text));
    }

    @Test
    void hardWrappedLinesAreOneSentenceAndLinesOfTheirOwnAreNot() {
        String text = "The child has a broad forehead and\nlow set ears.\nseizures since birth\nHypotonia";

        List<Segment> sentences = segmenter.segment(new Document("note", text)).sentences();

        assertEquals(List.of("The child has a broad forehead and\nlow set ears.", "seizures since birth", "Hypotonia"), texts(sentences, text));
    }

    @Test
    void aLongLineIsCutIntoWindowsOfWholeSentencesAndItsHeaderIsLentToTheLaterOnes() {
        DocumentSegmenter small = new DocumentSegmenter(40);
        String text = "EYES: mild hooding and epicanthus. Long lashes. Blue sclerae seen.";

        SegmentedDocument segmented = small.segment(new Document("obs", text));

        assertEquals(List.of("EYES: mild hooding and epicanthus.", "EYES: Long lashes. Blue sclerae seen."), windowTexts(segmented));
        Window second = segmented.windows().get(1);
        assertEquals("EYES", second.observation().sectionName());
        // EYES + Long lashes in the window is EYES + Long lashes in the document.
        assertEquals(Optional.of(Span.parse("0-4,35-46")), second.offsets().toSource(Span.parse("0-4,6-17")));
        assertEquals(Optional.empty(), second.offsets().toSource(Span.parse("5-6")), "the space joining the header is its own");
    }

    @Test
    void aSentenceLongerThanAWindowIsCutAtASemicolonThenACommaThenASpace() {
        DocumentSegmenter small = new DocumentSegmenter(30);
        String text = "broad forehead, low set ears; thin helices and a long philtrum with a thin upper lip";

        List<String> windows = windowTexts(small.segment(new Document("d", text)));

        assertEquals(List.of("broad forehead, low set ears;", "thin helices and a long", "philtrum with a thin upper lip"), windows);
    }

    @Test
    void aWordLongerThanAWindowIsCutBetweenCodePoints() {
        DocumentSegmenter small = new DocumentSegmenter(20);
        String text = "a".repeat(19) + "\uD83D\uDE00" + "b".repeat(30);

        List<String> windows = windowTexts(small.segment(new Document("d", text)));

        assertEquals(String.join("", windows), text);
        assertTrue(windows.stream().allMatch(w -> w.length() <= 20 && !Character.isLowSurrogate(w.charAt(0))), windows.toString());
    }

    @Test
    void aBlankDocumentHasNothing() {
        SegmentedDocument segmented = segmenter.segment(new Document("d", " \n\t\n"));

        assertEquals(List.of(), segmented.sections());
        assertEquals(List.of(), segmented.sentences());
        assertEquals(List.of(), segmented.windows());
    }

    /**
     * Every window maps each of its characters, but the space joining a lent header, back onto the same character; a
     * window's own text is one run of the document that fits the bound; and the runs follow one another and cover every
     * character that is not white space.
     */
    @Property(tries = 300)
    void windowsMapBackOntoTheSameCharactersAndStayBounded(@ForAll("documents") String text) {
        SegmentedDocument segmented = new DocumentSegmenter(50).segment(new Document("d", text));
        StringBuilder covered = new StringBuilder();
        int previousEnd = 0;
        for (Window window : segmented.windows()) {
            String windowText = window.observation().text();
            for (int i = 0; i < windowText.length(); i++) {
                Optional<Span> source = window.offsets().toSource(Span.of(i, i + 1));
                if (source.isPresent()) {
                    assertEquals(windowText.charAt(i), text.charAt(source.get().start()), "window " + window.observation().id() + " at " + i);
                }
            }
            Span whole = window.offsets().toSource(Span.of(0, windowText.length())).orElseThrow();
            Segment own = whole.segments().get(whole.segments().size() - 1);
            assertTrue(own.start() >= previousEnd, "windows follow one another");
            assertTrue(own.length() <= 50, "a window's own text fits the bound: " + own.length());
            covered.append(own.coveredText(text));
            previousEnd = own.end();
        }
        assertEquals(text.replaceAll("\\s", ""), covered.toString().replaceAll("\\s", ""), "every character that is not white space, once");
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> words = Arbitraries.of("EYES:", "Eyes:", "low", "set", "ears.", "Dr.", "e.g.", "3.5", "HEENT", "Family", "history:",
                "no", "seizures;", "broad,", "\n", "\n\n", "\r\n", "Hypotonia!", "why?", "\uD83D\uDE00", "a", "PHYSICAL", "EXAMINATION");
        return words.list().ofMaxSize(60).map(list -> String.join(" ", list));
    }
}
