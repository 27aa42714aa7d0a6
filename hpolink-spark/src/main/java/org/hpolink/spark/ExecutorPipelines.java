package org.hpolink.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkEnv;
import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.DocumentAnnotator;
import org.hpolink.pipeline.OpenPipeline;
import org.hpolink.pipeline.PipelineModels;

/**
 * The pipelines of one JVM (an executor, or the driver of a local Spark), each read from its models once, the first
 * time a task asks for it, and shared by every task after: reading the HPO and the models takes seconds, a partition
 * of short texts milliseconds. A pipeline stays open until the JVM exits.
 */
final class ExecutorPipelines {

    private static final Map<PipelineModels, DocumentAnnotator> OPEN = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private ExecutorPipelines() {
    }

    /** The annotator of {@code models}, read now if this JVM has not read it yet; tasks asking meanwhile wait for it. */
    static DocumentAnnotator annotator(PipelineModels models) {
        return OPEN.computeIfAbsent(models, ExecutorPipelines::load);
    }

    /** How many pipelines this JVM has read from their models. */
    static int loads() {
        return LOADS.get();
    }

    private static DocumentAnnotator load(PipelineModels models) {
        try {
            Hpo hpo = models.readHpo();
            OpenPipeline pipeline = models.open(hpo, taskSlots());
            LOADS.incrementAndGet();
            return new DocumentAnnotator(pipeline.pipeline(), hpo, models.profile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the models of " + models + ": " + e.getMessage(), e);
        }
    }

    /**
     * How many tasks this JVM runs at once, among which ONNX Runtime's sessions share the processors: the executor's
     * cores when Spark says, else every processor.
     */
    private static int taskSlots() {
        int processors = Runtime.getRuntime().availableProcessors();
        SparkEnv env = SparkEnv.get();
        return env == null ? processors : Math.max(1, Math.min(processors, env.conf().getInt("spark.executor.cores", processors)));
    }
}
