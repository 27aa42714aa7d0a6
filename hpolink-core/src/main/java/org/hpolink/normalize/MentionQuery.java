package org.hpolink.normalize;

import org.hpolink.extract.Mention;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;

/** The text a normalizer compares with the names, for a mention of an observation. */
public enum MentionQuery {
    /** The mention's own text (the segments of a discontinuous one joined by a space). */
    MENTION,
    /**
     * The section name, a space and the mention ({@code EARS low set}), which names an organ the mention leaves out;
     * the mention alone where it holds the header already or the observation has no section.
     */
    SECTION_AND_MENTION;

    /**
     * @throws IllegalArgumentException if the mention lies outside the text or covers no letter or digit (nothing
     *                                  to compare with a name)
     */
    public String text(Observation observation, Mention mention) {
        String text = mention.span().requireWithin(observation.text().length()).coveredText(observation.text());
        if (!CharNgramIndex.hasLetterOrDigit(text)) {
            throw new IllegalArgumentException("observation " + observation.id() + ": the mention at " + mention.span()
                    + " ('" + text + "') has no letter or digit to normalize");
        }
        if (this == MENTION) {
            return text;
        }
        // A mention that holds the header already names the organ (EARS low set); it would otherwise be named twice.
        return observation.section().filter(section -> !mention.span().contains(Span.of(section.segment())))
                .map(section -> section.name() + " " + text).orElse(text);
    }
}
