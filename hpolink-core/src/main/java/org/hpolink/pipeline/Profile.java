package org.hpolink.pipeline;

import java.util.Locale;
import java.util.Optional;
import org.hpolink.assertion.AssertionAnnotator;

/**
 * How documents are annotated: as BC8 exam observations, or as clinical notes and literature. The notes profile asks
 * each finding the pipeline found present what the note asserts of it ({@link AssertionAnnotator}: negated, family,
 * hypothetical, historical); the exam profile keeps the pipeline's own key and normal findings, as BC8 scores them.
 */
public enum Profile {
    EXAM,
    NOTES;

    /** The assertion stage of this profile, if it has one. */
    public Optional<AssertionAnnotator> assertions() {
        return this == NOTES ? Optional.of(AssertionAnnotator.standard()) : Optional.empty();
    }

    /** The name on the command line: {@code exam}, {@code notes}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
