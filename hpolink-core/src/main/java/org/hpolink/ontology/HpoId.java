package org.hpolink.ontology;

import java.util.regex.Pattern;

/** An HPO term identifier, {@code HP:} followed by seven digits, checked on creation. */
public record HpoId(String value) implements Comparable<HpoId> {

    private static final Pattern FORM = Pattern.compile("HP:\\d{7}");

    // Declared after FORM: static fields initialise in order, and the constructor needs FORM.
    /** HP:0000118 Phenotypic abnormality, the branch that clinical findings are annotated from. */
    public static final HpoId PHENOTYPIC_ABNORMALITY = new HpoId("HP:0000118");

    public HpoId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not an HPO id: expected HP: and seven digits, such as HP:0000369");
        }
    }

    public static HpoId of(String value) {
        return new HpoId(value);
    }

    /** Whether {@code value} has the form of an HPO id. */
    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    @Override
    public int compareTo(HpoId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
