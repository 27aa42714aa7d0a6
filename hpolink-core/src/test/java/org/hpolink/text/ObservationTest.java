package org.hpolink.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObservationTest {

    @Test
    void ofFindsTheSectionAtTheStartOfTheText() {
        Observation observation = Observation.of("obs-1", "HANDS FEET: 2,3 toe syndactyly");

        assertEquals("obs-1", observation.id());
        assertEquals("HANDS FEET: 2,3 toe syndactyly", observation.text());
        assertEquals(Optional.of(new Section("HANDS FEET", new Segment(0, 10))), observation.section());
        assertEquals("HANDS FEET", observation.sectionName());
    }

    @Test
    void withoutAHeaderTheSectionNameIsEmpty() {
        Observation observation = Observation.of("obs-2", "mild hooding");

        assertEquals(Optional.empty(), observation.section());
        assertEquals("", observation.sectionName());
    }

    @Test
    void rejectsABlankIdAndMissingParts() {
        assertEquals("an observation id cannot be blank",
                assertThrows(IllegalArgumentException.class, () -> Observation.of(" ", "EYES: mild")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Observation.of("", "EYES: mild"));
        assertThrows(NullPointerException.class, () -> Observation.of(null, "EYES: mild"));
        assertThrows(NullPointerException.class, () -> Observation.of("obs-1", null));
        assertThrows(NullPointerException.class, () -> new Observation("obs-1", "EYES: mild", null));
    }

    @Test
    void rejectsASectionThatIsNotInTheText() {
        Optional<Section> eyes = Optional.of(new Section("EYES", new Segment(0, 4)));

        assertEquals("EYES", new Observation("obs-1", "EYES: mild", eyes).sectionName());
        assertEquals("observation obs-1: section EYES at 0-4 is not in its text: expected the segment to cover the name",
                assertThrows(IllegalArgumentException.class, () -> new Observation("obs-1", "EARS: low set", eyes)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Observation("obs-1", "EYE", eyes), "past the end of the text");
    }
}
