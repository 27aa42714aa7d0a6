package org.hpolink.assertion;

import java.util.Locale;

/** What a text says of a finding: that the patient has it, or that the patient does not. */
public enum Assertion {
    /** The patient has the finding ({@code low set ears}); BC8's key findings. */
    PRESENT,
    /** The text says the patient does not have it ({@code no clubbing}, {@code palate intact}); BC8's normal findings. */
    NEGATED;

    /** The name written in every output format: {@code present}, {@code negated}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
