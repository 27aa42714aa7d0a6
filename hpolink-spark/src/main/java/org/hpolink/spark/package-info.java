/**
 * hpolink on Apache Spark: {@link org.hpolink.spark.HpoAnnotator}, a Spark ML transformer from a text column to the
 * findings {@code annotate} writes, and {@link org.hpolink.spark.AnnotateJob}, the job that reads documents, annotates
 * them and writes Parquet or JSON Lines, in-process on a local Spark or with {@code spark-submit} on a cluster.
 */
package org.hpolink.spark;
