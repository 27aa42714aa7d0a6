package org.hpolink.spark;

import java.util.Objects;

import org.hpolink.pipeline.PipelineModels;

/**
 * One run of the annotation job.
 *
 * @param idCol      the column naming each document, or null
 * @param partitions how many partitions to spread the input over; 0 for Spark's default parallelism where the input
 *                   has fewer
 */
public record JobSettings(String input, JobOptions.InputFormat inputFormat, String output, JobOptions.OutputFormat outputFormat,
        String textCol, String idCol, int maxChars, int batchSize, int partitions, PipelineModels models) {

    public JobSettings {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(inputFormat, "inputFormat");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(outputFormat, "outputFormat");
        Objects.requireNonNull(textCol, "textCol");
        Objects.requireNonNull(models, "models");
    }
}
