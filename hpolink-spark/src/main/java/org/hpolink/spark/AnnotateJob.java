package org.hpolink.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hpolink.pipeline.PipelineModels;
import org.hpolink.pipeline.Profile;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The annotation job: reads documents, annotates them with {@link HpoAnnotator} and writes each document's findings.
 * {@code hpolink spark} runs it in-process on a local Spark; on a cluster, {@code spark-submit} runs this class from the
 * job jar ({@code hpolink-spark/target/hpolink-spark-job.jar}), with models that already exist where every executor
 * reads them.
 */
@Command(name = "hpolink-spark-job", mixinStandardHelpOptions = true,
        description = "Annotate documents on Spark with hpolink's models, as spark-submit runs it. The models must exist "
                + "(hpolink train, or the default models hpolink keeps in ~/.cache/hpolink/models) where every executor reads them.")
public final class AnnotateJob implements Callable<Integer> {

    /** The column of a JSON Lines line Spark could not read as an object. */
    private static final String CORRUPT = "_corrupt_record";

    @Mixin
    private JobOptions job;

    @Option(names = "--pipeline", paramLabel = "NAME", defaultValue = PipelineModels.LEXICAL,
            description = "lexical (default), grid or ensemble.")
    private String pipeline;

    @Option(names = "--hpo", required = true, paramLabel = "FILE", description = "The HPO release the models were trained with.")
    private String hpoFile;

    @Option(names = "--lexical-model", paramLabel = "DIR", description = "The lexical model's folder.")
    private String lexicalModel;

    @Option(names = "--normalizer-model", paramLabel = "DIR", description = "The BioSyn normalizer's folder (grid, ensemble).")
    private String normalizerModel;

    @Option(names = "--grid-model", paramLabel = "DIR", description = "The grid model's folder (grid, ensemble).")
    private String gridModel;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "notes",
            description = "notes (default: clinical notes and literature, each finding's assertion) or exam (BC8 observations).")
    private String profile;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AnnotateJob()).execute(args));
    }

    @Override
    public Integer call() {
        Profile chosen = JobOptions.parse(spec, "--profile", profile, Profile.class);
        PipelineModels models;
        try {
            models = new PipelineModels(pipeline, hpoFile, lexicalModel, normalizerModel, gridModel, chosen);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        JobSettings settings = job.settings(models);
        SparkSession spark = SparkSession.builder().appName("hpolink").getOrCreate();
        try {
            Summary summary = run(spark, settings);
            PrintWriter out = spec.commandLine().getOut();
            out.println(summary.describe(settings.output()));
            out.flush();
        } finally {
            spark.stop();
        }
        return 0;
    }

    /** What a run wrote. */
    public record Summary(long documents, long errors, long findings, double seconds) {
        public String describe(String output) {
            return String.format(Locale.ROOT, "%s: %,d documents (%,d not annotated, see their error), %,d findings, in %.1f s",
                    output, documents, errors, findings, seconds);
        }
    }

    /**
     * A local Spark of {@code master} ({@code local[N]}): no web UI, and no network address: a local Spark talks to
     * itself over loopback, whatever the host name resolves to.
     */
    static SparkSession.Builder localSpark(String master) {
        return SparkSession.builder().master(master).config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
    }

    /** Runs the job in this JVM on a local Spark of {@code master}, started for it and stopped after, its stages shown as progress. */
    public static Summary runLocal(String master, JobSettings settings) {
        SparkSession spark = localSpark(master).appName("hpolink").config("spark.ui.showConsoleProgress", "true").getOrCreate();
        try {
            return run(spark, settings);
        } finally {
            spark.stop();
        }
    }

    /**
     * Runs the job on {@code spark}.
     *
     * @throws IllegalArgumentException when the output exists, or the input lacks a column the job reads
     */
    public static Summary run(SparkSession spark, JobSettings settings) {
        long start = System.nanoTime();
        requireNew(spark, settings.output());
        Dataset<Row> documents = read(spark, settings);
        int parallelism = spark.sparkContext().defaultParallelism();
        int wanted = settings.partitions() > 0 ? settings.partitions() : parallelism;
        if (settings.partitions() > 0 || documents.javaRDD().getNumPartitions() < wanted) {
            documents = documents.repartition(wanted);
        }
        HpoAnnotator annotator = new HpoAnnotator().setModels(settings.models()).setTextCol(settings.textCol())
                .setMaxChars(settings.maxChars()).setBatchSize(settings.batchSize());
        if (settings.idCol() != null) {
            annotator.setIdCol(settings.idCol());
        }
        Dataset<Row> annotated = annotator.transform(documents);
        String findings = annotator.getOrDefault(annotator.outputCol());
        String error = annotator.getOrDefault(annotator.errorCol());
        if (List.of(annotated.columns()).contains(CORRUPT)) {
            annotated = annotated.withColumn(error, when(col(CORRUPT).isNotNull(),
                            concat(lit("the line is not a JSON object: "), substring(col(CORRUPT), 1, 100))).otherwise(col(error)))
                    .drop(CORRUPT);
        }
        annotated = annotated.drop(settings.textCol());
        switch (settings.outputFormat()) {
            case PARQUET -> annotated.write().parquet(settings.output());
            case JSONL -> annotated.write().json(settings.output());
        }
        Row counts = readBack(spark, settings, annotated.schema())
                .agg(count(lit(1)), count(col(error)), sum(when(col(findings).isNotNull(), size(col(findings))))).first();
        return new Summary(counts.getLong(0), counts.getLong(1), counts.isNullAt(2) ? 0 : counts.getLong(2), (System.nanoTime() - start) / 1e9);
    }

    private static void requireNew(SparkSession spark, String output) {
        Path path = new Path(output);
        try {
            if (path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
                throw new IllegalArgumentException("--output " + output + " exists: name a folder that does not exist yet");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--output " + output + ": cannot tell whether it exists: " + e.getMessage(), e);
        }
    }

    /** The documents, with the id and text columns the settings name. */
    private static Dataset<Row> read(SparkSession spark, JobSettings settings) {
        return switch (settings.inputFormat()) {
            case JSONL -> {
                StructType schema = DataTypes.createStructType(List.of(
                        DataTypes.createStructField(idColumn(settings), DataTypes.StringType, true),
                        DataTypes.createStructField(settings.textCol(), DataTypes.StringType, true),
                        DataTypes.createStructField(CORRUPT, DataTypes.StringType, true)));
                yield spark.read().schema(schema).option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT).json(settings.input());
            }
            // A file a document, as annotate reads a folder of text files: its name the id, a byte order mark left out.
            case TEXT -> spark.read().option("wholetext", "true").text(settings.input())
                    .select(col("_metadata.file_name").as(idColumn(settings)),
                            regexp_replace(col("value"), "^\uFEFF", "").as(settings.textCol()));
            case PARQUET -> spark.read().parquet(settings.input());
        };
    }

    /** The id column of JSON Lines and text input, which always have one. */
    private static String idColumn(JobSettings settings) {
        return settings.idCol() == null ? "id" : settings.idCol();
    }

    private static Dataset<Row> readBack(SparkSession spark, JobSettings settings, StructType schema) {
        String written = literal(settings.output());
        return switch (settings.outputFormat()) {
            case PARQUET -> spark.read().parquet(written);
            case JSONL -> spark.read().schema(schema).json(written);
        };
    }

    /** {@code path} as a path Spark reads as it is: a folder named {@code out[1]} is not a pattern matching {@code out1}. */
    static String literal(String path) {
        return path.replaceAll("([\\\\\\[\\]{}*?])", "\\\\$1");
    }
}
