package org.hpolink.cli;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code hpolink} command: a group of subcommands, each doing one job. */
@Command(
        name = "hpolink",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = "Finds the key phenotypic findings in dysmorphology examination text and links them, "
                + "with their exact character spans, to Human Phenotype Ontology terms.",
        subcommands = {
            AnnotateCommand.class, PredictCommand.class, ExtractCommand.class, NormalizeCommand.class, TrainCommand.class, EvaluateCommand.class, DataCommand.class,
            CorpusCommand.class, HpoCommand.class, LlmCommand.class, ServeCommand.class, SparkCommand.class, BenchCommand.class, HelpCommand.class})
public final class HpolinkCommand {

    private final Map<String, String> environment;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On an error, print the stack trace too (as does setting HPOLINK_DEBUG).")
    private boolean verbose;

    private HpolinkCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Whether {@code --verbose} was given, at this level or on any subcommand. */
    boolean verbose() {
        return verbose;
    }

    /** The root command above {@code spec}, whichever subcommand that is. */
    static HpolinkCommand of(CommandSpec spec) {
        if (spec.root().userObject() instanceof HpolinkCommand root) {
            return root;
        }
        throw new IllegalStateException(spec.qualifiedName() + " runs outside the hpolink command: expected it as a subcommand");
    }

    /**
     * The data folder of this run, from the environment the command line was made with (so tests can set
     * {@code HPOLINK_DATA}).
     *
     * @throws FileNotFoundException when {@code HPOLINK_DATA} names no folder
     */
    DataLocation dataLocation() throws FileNotFoundException {
        return DataLocation.of(environment, DataLocation.userHome());
    }

    /** The folder {@code data fetch} fills, which need not exist yet. */
    Path dataFolder() {
        return DataLocation.folder(environment, DataLocation.userHome());
    }

    /**
     * Where the lexical model is: {@code given} (from {@code --model}) when not null, else the default model folder of
     * this run's environment ({@code HPOLINK_MODELS}, so tests can set it).
     */
    ModelLocation modelLocation(Path given) {
        return modelLocation(given, ModelLocation.LEXICAL);
    }

    /** The value of the environment variable {@code name} in this run's environment, when set and not empty. */
    Optional<String> environmentVariable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isEmpty());
    }

    /** As {@link #modelLocation(Path)} for a model of another kind ({@link ModelLocation#NORMALIZER}). */
    ModelLocation modelLocation(Path given, String kind) {
        return ModelLocation.of(given, environment, DataLocation.userHome(), kind);
    }

    /**
     * The configured command line; {@code environment} is consulted for {@code HPOLINK_DEBUG}, for the data
     * folder, {@code HPOLINK_DATA}, and for the default model folder, {@code HPOLINK_MODELS}.
     */
    public static CommandLine commandLine(IFactory factory, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new HpolinkCommand(environment), factory);
        commandLine.setExecutionExceptionHandler(new ExceptionReporter(environment));
        return commandLine;
    }

    public static void main(String[] args) {
        System.exit(commandLine(CommandLine.defaultFactory(), System.getenv()).execute(args));
    }
}
