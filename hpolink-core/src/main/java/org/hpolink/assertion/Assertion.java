package org.hpolink.assertion;

import java.util.Locale;

/** What a text asserts of a finding: whether it is the patient's, now, in fact. */
public enum Assertion {
    /** The patient has the finding ({@code low set ears}); BC8's key findings. */
    PRESENT,
    /** The text says the patient does not have it ({@code no clubbing}, {@code palate intact}); BC8's normal findings. */
    NEGATED,
    /** It is a relative's ({@code mother has short stature}, anything under a family history heading). */
    FAMILY,
    /** It is not asserted but considered: to rule out, a risk, a concern, a condition ({@code if seizures develop}). */
    HYPOTHETICAL,
    /** The patient had it, and it is said to be resolved ({@code neonatal jaundice, resolved}). */
    HISTORICAL;

    /** The name written in every output format: {@code present}, {@code negated}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the finding is the patient's, now or in the past: present or historical. */
    public boolean isPatients() {
        return this == PRESENT || this == HISTORICAL;
    }
}
