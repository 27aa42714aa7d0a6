package org.hpolink.cli;

import org.hpolink.extract.lexical.LexicalConfig;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The lexical trainer's settings that commands which train offer as options; every other setting keeps its default
 * ({@link LexicalConfig#defaults()}).
 */
final class LexicalOptions {

    private static final LexicalConfig DEFAULTS = LexicalConfig.defaults();

    @Option(names = "--min-precision", paramLabel = "X",
            description = "Drop dictionary entries whose matches on the training texts are right less than this fraction "
                    + "of the time, from 0 (keep all) to 1 (default: ${DEFAULT-VALUE}).")
    private double minPrecision = DEFAULTS.entryMinPrecision();

    @Option(names = "--related-synonyms", negatable = true,
            description = "Add HPO's related synonyms to the dictionary, not only labels and exact synonyms "
                    + "(default: ${DEFAULT-VALUE}).")
    private boolean relatedSynonyms = DEFAULTS.useRelatedSynonyms();

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** The defaults with the options given. */
    LexicalConfig config() {
        OptionChecks.requireBetween(command, "--min-precision", minPrecision, 0, 1);
        return DEFAULTS.withRelatedSynonyms(relatedSynonyms).withEntryMinPrecision(minPrecision);
    }
}
