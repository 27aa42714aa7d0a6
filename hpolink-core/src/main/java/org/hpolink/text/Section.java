package org.hpolink.text;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The organ-system header an observation starts with ({@code EYES}, {@code HANDS FEET}), with the segment it
 * occupies (the colon excluded). Annotators often make this segment part of a mention: {@code EARS: low set}
 * gives Low-set ears at {@code 0-4,6-13}.
 */
public record Section(String name, Segment segment) {

    /** Upper-case words, possibly joined by spaces, '/', '&' or '-', followed by a colon. */
    private static final Pattern HEADER = Pattern.compile("^\\s*([A-Z][A-Z]*(?:[ /&-]+[A-Z]+)*)\\s*:");

    public Section {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(segment, "segment");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a section name cannot be blank");
        }
    }

    /** The header of {@code text}, if it starts with one. */
    public static Optional<Section> find(String text) {
        Matcher m = HEADER.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new Section(m.group(1), new Segment(m.start(1), m.end(1))));
    }
}
