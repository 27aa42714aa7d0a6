package org.hpolink.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SectionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "EYES: mild hooding and epicanthus | EYES               | 0-4",
            "HANDS FEET: 2,3 toe syndactyly     | HANDS FEET         | 0-10",
            "NAILS HAIR SKIN: sparse hair       | NAILS HAIR SKIN    | 0-15",
            "GENERAL APPEARANCE: well           | GENERAL APPEARANCE | 0-18",
            "\"  EYES: mild hooding\"           | EYES               | 2-6",
            "EYES : mild hooding                | EYES               | 0-4",
            "HEAD & NECK/FACE: round            | HEAD & NECK/FACE   | 0-16",
            "HEAD: AF: open                     | HEAD               | 0-4",
            "EYES:                              | EYES               | 0-4",
            "EYES:hooding                       | EYES               | 0-4"})
    void readsTheUpperCaseHeaderWithoutItsColon(String text, String name, String segment) {
        Section section = Section.find(text).orElseThrow();

        assertEquals(name, section.name());
        assertEquals(segment, section.segment().toString());
        assertEquals(name, section.segment().coveredText(text));
    }

    @Test
    void aHeaderAfterALineBreakStillStartsTheText() {
        assertEquals(Optional.of(new Section("EARS", new Segment(1, 5))), Section.find("\nEARS: low set"));
    }

    /** BC8 headers are upper case; a lower-case word before a colon is part of the finding, not a section. */
    @ParameterizedTest
    @ValueSource(strings = {"mild hooding", "eyes: mild hooding", "Eyes: mild hooding", "EYES mild: hooding",
            "mild hooding. EYES: normal", "EYES", "HANDS FEET", "HANDS -: x", ": x", "  : x", "", "2D ECHO: normal"})
    void findsNoHeaderWhereThereIsNone(String text) {
        assertEquals(Optional.empty(), Section.find(text));
    }

    @Test
    void rejectsABlankName() {
        assertEquals("a section name cannot be blank",
                assertThrows(IllegalArgumentException.class, () -> new Section(" ", new Segment(0, 1))).getMessage());
        assertThrows(NullPointerException.class, () -> new Section("EYES", null));
    }

    @Property(tries = 300)
    void theSegmentCoversTheNameInTheText(@ForAll("headed") String text) {
        Section section = Section.find(text).orElseThrow(() -> new AssertionError("no header in '" + text + "'"));

        assertEquals(section.name(), section.segment().coveredText(text));
        assertEquals(text.indexOf(section.name()), section.segment().start(), "the first occurrence starts the text");
    }

    /** Upper-case words joined by separators, then a colon and a body that may hold further colons. */
    @Provide
    Arbitrary<String> headed() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> separator = Arbitraries.of(" ", "/", " & ", "-", "  ");
        Arbitrary<String> header = Combinators.combine(word, Combinators.combine(separator, word).as(String::concat).list().ofMaxSize(3))
                .as((first, rest) -> first + String.join("", rest));
        Arbitrary<String> body = Arbitraries.of("mild hooding", "AF: open", "", "2,3 toe syndactyly", "EYES: x");
        return Combinators.combine(Arbitraries.of("", " ", "\t "), header, Arbitraries.of(":", " :"), Arbitraries.of("", " "), body)
                .as((lead, h, colon, gap, b) -> lead + h + colon + gap + b);
    }
}
