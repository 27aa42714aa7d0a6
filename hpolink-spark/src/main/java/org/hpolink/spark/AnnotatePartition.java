package org.hpolink.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Queue;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.hpolink.corpus.AnnotatedDocument;
import org.hpolink.format.DocumentText;
import org.hpolink.pipeline.DocumentAnnotator;
import org.hpolink.pipeline.PipelineModels;
import org.hpolink.text.Document;

/**
 * Annotates one partition, {@code batchSize} rows at a time: each row comes out with its findings and error appended,
 * in the order it came in. What is read of a partition at once is one batch, so memory does not grow with it.
 */
final class AnnotatePartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final PipelineModels models;
    private final int textIndex;
    private final int idIndex;
    private final String textColumn;
    private final int maxChars;
    private final int batchSize;

    /** @param idIndex the id column's index, or -1 when the rows have none */
    AnnotatePartition(PipelineModels models, int textIndex, int idIndex, String textColumn, int maxChars, int batchSize) {
        this.models = models;
        this.textIndex = textIndex;
        this.idIndex = idIndex;
        this.textColumn = textColumn;
        this.maxChars = maxChars;
        this.batchSize = batchSize;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        DocumentAnnotator annotator = ExecutorPipelines.annotator(models);
        TaskContext task = TaskContext.get();
        String partition = task == null ? "0" : Integer.toString(task.partitionId());
        return new Iterator<>() {
            private final Queue<Row> annotated = new ArrayDeque<>();
            private long read;

            @Override
            public boolean hasNext() {
                if (annotated.isEmpty() && rows.hasNext()) {
                    annotateBatch();
                }
                return !annotated.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return annotated.remove();
            }

            private void annotateBatch() {
                List<Row> batch = new ArrayList<>(batchSize);
                List<String> errors = new ArrayList<>(batchSize);
                List<Document> documents = new ArrayList<>(batchSize);
                while (batch.size() < batchSize && rows.hasNext()) {
                    Row row = rows.next();
                    read++;
                    String error = problem(row);
                    batch.add(row);
                    errors.add(error);
                    if (error == null) {
                        documents.add(new Document(documentId(row, partition, read), DocumentText.withoutCrLf(row.getString(textIndex))));
                    }
                }
                Iterator<AnnotatedDocument> found = annotator.annotate(documents).iterator();
                for (int i = 0; i < batch.size(); i++) {
                    Object findings = errors.get(i) == null ? FindingRows.of(found.next()) : null;
                    annotated.add(appended(batch.get(i), findings, errors.get(i)));
                }
            }
        };
    }

    /** Why {@code row} cannot be annotated, or null when it can. */
    private String problem(Row row) {
        if (row.isNullAt(textIndex)) {
            return described(row) + "has no text: the column '" + textColumn + "' is null";
        }
        int length = row.getString(textIndex).length();
        if (length > maxChars) {
            return String.format(Locale.ROOT, "%shas %,d characters: expected at most %,d (raise maxChars, or --max-chars, to annotate it)",
                    described(row), length, maxChars);
        }
        return null;
    }

    private String described(Row row) {
        return idIndex < 0 || row.isNullAt(idIndex) ? "the row " : "the row of id " + row.get(idIndex) + " ";
    }

    /** The row's id where it is one a document can have, else one made of its place: it only names windows inside the pipeline. */
    private String documentId(Row row, String partition, long number) {
        if (idIndex >= 0 && !row.isNullAt(idIndex)) {
            String id = String.valueOf(row.get(idIndex));
            if (Document.idProblem(id) == null) {
                return id;
            }
        }
        return "partition " + partition + " row " + number;
    }

    private static Row appended(Row row, Object findings, String error) {
        Object[] values = new Object[row.length() + 2];
        for (int i = 0; i < row.length(); i++) {
            values[i] = row.get(i);
        }
        values[row.length()] = findings;
        values[row.length() + 1] = error;
        return RowFactory.create(values);
    }
}
