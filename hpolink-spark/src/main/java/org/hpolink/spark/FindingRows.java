package org.hpolink.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hpolink.corpus.AnnotatedDocument;
import org.hpolink.corpus.DocumentFinding;
import org.hpolink.format.JsonLinesDocumentWriter;
import org.hpolink.text.Segment;

import scala.jdk.javaapi.CollectionConverters;

/** The findings column: its Spark type, and the rows of a document's findings, as {@code annotate --format jsonl} writes them. */
final class FindingRows {

    /** A finding: the fields of a finding in {@code annotate --format jsonl}, in its order. */
    static final StructType FINDING = DataTypes.createStructType(List.of(
            DataTypes.createStructField("hpo", DataTypes.StringType, false),
            DataTypes.createStructField("label", DataTypes.StringType, false),
            DataTypes.createStructField("spans", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.IntegerType, false), false), false),
            DataTypes.createStructField("text", DataTypes.StringType, false),
            DataTypes.createStructField("assertion", DataTypes.StringType, false),
            DataTypes.createStructField("score", DataTypes.DoubleType, false),
            DataTypes.createStructField("source", DataTypes.StringType, false)));

    static final ArrayType FINDINGS = DataTypes.createArrayType(FINDING, false);

    private FindingRows() {
    }

    /** The findings of {@code document}, as values of {@link #FINDINGS}; scores to four decimals, as JSON Lines has them. */
    static scala.collection.immutable.Seq<Row> of(AnnotatedDocument document) {
        String text = document.document().text();
        List<Row> rows = new ArrayList<>(document.findings().size());
        for (DocumentFinding finding : document.findings()) {
            List<scala.collection.immutable.Seq<Integer>> spans = new ArrayList<>();
            for (Segment segment : finding.span().segments()) {
                spans.add(seq(List.of(segment.start(), segment.end())));
            }
            rows.add(RowFactory.create(finding.id().toString(), finding.label(), seq(spans), finding.coveredText(text),
                    finding.assertion().label(), JsonLinesDocumentWriter.rounded(finding.score()).doubleValue(), finding.source()));
        }
        return seq(rows);
    }

    private static <T> scala.collection.immutable.Seq<T> seq(List<T> values) {
        return CollectionConverters.asScala(values).toList();
    }
}
