package org.hpolink.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** An option whose value is one of a few names, such as {@code --format jsonl}; another value is a usage error. */
final class Choices {

    private Choices() {
    }

    static <E> E parse(CommandSpec spec, String option, String value, E[] choices, Function<E, String> name) {
        String wanted = value.toLowerCase(Locale.ROOT);
        return Arrays.stream(choices).filter(c -> name.apply(c).equals(wanted)).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), option + " " + value + ": expected one of "
                        + Arrays.stream(choices).map(name).collect(Collectors.joining(", "))));
    }
}
