package org.hpolink.cli;

import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code hpolink} command: a group of subcommands, each doing one job. */
@Command(
        name = "hpolink",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = "Finds the key phenotypic findings in dysmorphology examination text and links them, "
                + "with their exact character spans, to Human Phenotype Ontology terms.",
        subcommands = {DataCommand.class, HelpCommand.class})
public final class HpolinkCommand {

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On an error, print the stack trace too (as does setting HPOLINK_DEBUG).")
    private boolean verbose;

    /** Whether {@code --verbose} was given, at this level or on any subcommand. */
    boolean verbose() {
        return verbose;
    }

    /** The configured command line; {@code environment} is consulted for {@code HPOLINK_DEBUG}. */
    public static CommandLine commandLine(IFactory factory, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new HpolinkCommand(), factory);
        commandLine.setExecutionExceptionHandler(new ExceptionReporter(environment));
        return commandLine;
    }

    public static void main(String[] args) {
        System.exit(commandLine(CommandLine.defaultFactory(), System.getenv()).execute(args));
    }
}
