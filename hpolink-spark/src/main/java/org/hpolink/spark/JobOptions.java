package org.hpolink.spark;

import java.util.Locale;

import org.hpolink.pipeline.PipelineModels;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of the annotation job that say what it reads and writes, shared by {@code hpolink spark} and the job
 * jar's own command line ({@link AnnotateJob}).
 */
public final class JobOptions {

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "The documents: a JSON Lines file or folder ({\"id\": ..., \"text\": ...} a line), a text file or a folder of "
                    + "them (one document a file, its name the id), or Parquet. Any path Spark reads (file:, hdfs:, s3a: ...).")
    private String input;

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "The folder to write, which must not exist: the id column (or, for Parquet input, every column but "
                    + "the text), findings, and error (null unless the row could not be annotated).")
    private String output;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "jsonl, text or parquet (default: told by the name: .jsonl, .ndjson or .json is JSON Lines, .parquet "
                    + "Parquet, anything else text).")
    private String inputFormat;

    @Option(names = "--output-format", paramLabel = "FORMAT", defaultValue = "parquet",
            description = "parquet (default) or jsonl.")
    private String outputFormat;

    @Option(names = "--text-col", paramLabel = "COLUMN", defaultValue = "text",
            description = "The column of the texts, for JSON Lines and Parquet (default: ${DEFAULT-VALUE}).")
    private String textCol;

    @Option(names = "--id-col", paramLabel = "COLUMN",
            description = "The column naming each document (default: id for JSON Lines and text, none for Parquet).")
    private String idCol;

    @Option(names = "--max-chars", paramLabel = "N", defaultValue = "5000000",
            description = "Do not annotate a text of more than N characters: its row gets an error instead (default ${DEFAULT-VALUE}).")
    private int maxChars;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "256",
            description = "Annotate N texts of a partition together (default ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Spread the input over N partitions (default: Spark's default parallelism, where the input has fewer).")
    private Integer partitions;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** The job these options describe, annotating with {@code models}. */
    public JobSettings settings(PipelineModels models) {
        requireAtLeast("--max-chars", maxChars);
        requireAtLeast("--batch-size", batchSize);
        if (partitions != null) {
            requireAtLeast("--partitions", partitions);
        }
        InputFormat in = inputFormat == null ? InputFormat.of(input) : parse(command, "--input-format", inputFormat, InputFormat.class);
        OutputFormat out = parse(command, "--output-format", outputFormat, OutputFormat.class);
        String id = idCol != null ? idCol : in == InputFormat.PARQUET ? null : "id";
        return new JobSettings(input, in, output, out, in == InputFormat.TEXT ? "text" : textCol, id, maxChars, batchSize,
                partitions == null ? 0 : partitions, models);
    }

    private void requireAtLeast(String option, int value) {
        if (value < 1) {
            throw new ParameterException(command.commandLine(), option + " is " + value + ": expected 1 or more");
        }
    }

    /** The constant of {@code type} named {@code value} in any case, as the option of {@code command} gave it. */
    static <E extends Enum<E>> E parse(CommandSpec command, String option, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder expected = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                expected.append(expected.length() > 0 ? ", " : "").append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw new ParameterException(command.commandLine(), option + " " + value + ": expected one of " + expected);
        }
    }

    /** What the job reads. */
    public enum InputFormat {
        JSONL, TEXT, PARQUET;

        static InputFormat of(String path) {
            String name = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
                return JSONL;
            }
            return name.endsWith(".parquet") ? PARQUET : TEXT;
        }
    }

    /** What the job writes. */
    public enum OutputFormat {
        PARQUET, JSONL
    }
}
