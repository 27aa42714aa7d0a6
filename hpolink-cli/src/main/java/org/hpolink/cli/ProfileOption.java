package org.hpolink.cli;

import org.hpolink.pipeline.Profile;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --profile exam|notes} option of the commands that annotate documents; each command has its own default. */
final class ProfileOption {

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "exam: BC8 exam observations, BC8's conventions, the pipeline's key and normal findings as they are "
                    + "(predict's default). notes: clinical notes and literature: HPO's related and broad synonyms in the lexicon, "
                    + "findings kept apart rather than composed, each finding found present asked what the text asserts of it: present, "
                    + "negated, family, hypothetical or historical (annotate's default).")
    private String profile;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** The profile given, or {@code byDefault}. */
    Profile profile(Profile byDefault) {
        return profile == null ? byDefault : Choices.parse(command, "--profile", profile, Profile.values(), Profile::label);
    }
}
