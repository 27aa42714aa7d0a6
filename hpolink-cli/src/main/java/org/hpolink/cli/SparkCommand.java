package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.PipelineModels;
import org.hpolink.pipeline.Profile;
import org.hpolink.spark.AnnotateJob;
import org.hpolink.spark.JobOptions;
import org.hpolink.spark.JobSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hpolink spark}: the Spark annotation job, run in this JVM on a local Spark. */
@Command(
        name = "spark",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Annotate documents with Apache Spark, in this process on a local Spark (no cluster needed): a row a document "
                    + "with the findings annotate gives it, written as Parquet or JSON Lines.",
            "Default models are trained first when missing, as for annotate. On a cluster, spark-submit the job jar "
                    + "hpolink-spark/target/hpolink-spark-job.jar with the same options and the models' folders (docs/spark.md)."
        })
final class SparkCommand implements Callable<Integer> {

    @Mixin
    private JobOptions job;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "The local Spark to run on: local[N] for N threads, local[*] for one a processor (default ${DEFAULT-VALUE}).")
    private String master;

    @Mixin
    private ModelOption model;

    @Mixin
    private NormalizerOption normalizer;

    @Mixin
    private GridModelOption grid;

    @Mixin
    private HpoOption hpo;

    @Mixin
    private ProfileOption profile;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!sparkOnClassPath()) {
            throw new IllegalStateException("Spark is not on the class path: run hpolink spark through the ./hpolink launcher, "
                    + "which adds the Spark libraries listed in hpolink-cli/target/spark-classpath.txt (written by mvn package)");
        }
        Hpo ontology = hpo.read();
        PipelineModels models = model.models(ontology, hpo.file(), normalizer, grid, profile.profile(Profile.NOTES));
        JobSettings settings = job.settings(models);
        AnnotateJob.Summary summary = AnnotateJob.runLocal(master, settings);
        PrintWriter out = spec.commandLine().getOut();
        out.println(summary.describe(settings.output()));
        out.flush();
        return 0;
    }

    private static boolean sparkOnClassPath() {
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, SparkCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
