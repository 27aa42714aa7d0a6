package org.hpolink.cli;

import java.math.BigDecimal;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of option values that picocli's types cannot express; a failure is a usage error (exit code 2). */
final class OptionChecks {

    private OptionChecks() {
    }

    static void requireAtLeast(CommandSpec spec, String option, long value, long least) {
        if (value < least) {
            throw new ParameterException(spec.commandLine(), option + " is " + value + ": expected " + least + " or more");
        }
    }

    static void requireBetween(CommandSpec spec, String option, double value, double least, double most) {
        if (!(value >= least && value <= most)) {
            throw new ParameterException(spec.commandLine(), option + " is " + plain(value) + ": expected a number from " + plain(least)
                    + " to " + plain(most));
        }
    }

    /** {@code 1} rather than {@code 1.0}, as a person would write it. */
    private static String plain(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : Double.toString(value);
    }
}
