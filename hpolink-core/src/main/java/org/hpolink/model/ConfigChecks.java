package org.hpolink.model;

/** The range checks of trainer and pipeline configurations, failing with a message that names the field. */
public final class ConfigChecks {

    private ConfigChecks() {
    }

    /** @throws IllegalArgumentException if {@code value} is outside [{@code min}, {@code max}] */
    public static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " is " + value + ": expected " + min + " to " + max);
        }
    }

    /** @throws IllegalArgumentException if {@code value} is not a positive finite number */
    public static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " is " + value + ": expected a positive number");
        }
    }

    /** @throws IllegalArgumentException if {@code value} is not a finite number of 0 or more */
    public static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " is " + value + ": expected a finite number >= 0");
        }
    }

    /** @throws IllegalArgumentException if {@code value} is not a score in [0, 1] */
    public static void requireScore(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " is " + value + ": expected a score in [0, 1]");
        }
    }
}
