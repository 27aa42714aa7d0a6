package org.hpolink.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hpolink.RealDataFolder;
import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.extract.lexical.LexicalModelIO;
import org.hpolink.extract.lexical.LexicalTrainer;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoJsonReader;
import org.hpolink.pipeline.PipelineModels;
import org.hpolink.pipeline.Profile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AnnotateJob} on a local Spark of two threads: Parquet in and out with the input's other columns kept (into a
 * folder whose name Spark would read as a pattern), a
 * folder of text files read as {@code annotate} reads them (a file a document, its name the id, a byte order mark left
 * out, CR LF read as LF), and an output folder that exists refused before anything runs.
 */
class AnnotateJobIT {

    @TempDir
    static Path folder;

    private static SparkSession spark;
    private static PipelineModels models;

    @BeforeAll
    static void trainAndStart() throws IOException {
        Hpo hpo = new HpoJsonReader().read(RealDataFolder.hpoFile());
        Path lexical = folder.resolve("lexical");
        LexicalModelIO.write(new LexicalTrainer(Profile.NOTES.lexicalConfig())
                .train(new Bc8CorpusReader(hpo::isKnown).read(RealDataFolder.trainFile()), hpo, "all"), lexical);
        models = new PipelineModels(PipelineModels.LEXICAL, RealDataFolder.hpoFile().toString(), lexical.toString(), null, null, Profile.NOTES);
        spark = AnnotateJob.localSpark("local[2]").appName("AnnotateJobIT").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static JobSettings settings(String input, JobOptions.InputFormat format, String output, String textCol, String idCol) {
        return new JobSettings(input, format, output, JobOptions.OutputFormat.PARQUET, textCol, idCol, 5_000_000, 64, 0, models);
    }

    @Test
    void keepsTheOtherColumnsOfParquet() {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("note_id", DataTypes.LongType, false),
                DataTypes.createStructField("patient", DataTypes.StringType, true),
                DataTypes.createStructField("body", DataTypes.StringType, true)));
        List<Row> rows = List.of(RowFactory.create(1L, "p1", "EYES: mild hooding and epicanthus"),
                RowFactory.create(2L, "p2", "Mother has short stature. No seizures."), RowFactory.create(3L, "p3", null));
        String input = folder.resolve("notes.parquet").toString();
        spark.createDataFrame(rows, schema).write().parquet(input);
        String output = folder.resolve("notes-annotated[1]").toString();

        AnnotateJob.Summary summary = AnnotateJob.run(spark, settings(input, JobOptions.InputFormat.PARQUET, output, "body", "note_id"));

        assertEquals(3, summary.documents());
        assertEquals(1, summary.errors());
        List<Row> written = spark.read().parquet(AnnotateJob.literal(output)).orderBy("note_id").collectAsList();
        assertEquals(List.of("note_id", "patient", "findings", "error"), List.of(written.get(0).schema().fieldNames()));
        assertEquals(List.of("HP:0000286", "HP:0030820"), written.get(0).<Row>getList(2).stream().map(f -> f.getString(0)).sorted().toList());
        Map<String, String> assertions = new HashMap<>();
        written.get(1).<Row>getList(2).forEach(f -> assertions.put(f.getString(0), f.getString(4)));
        assertEquals(Map.of("HP:0004322", "family", "HP:0001250", "negated"), assertions);
        assertEquals("the row of id 3 has no text: the column 'body' is null", written.get(2).getString(3));
    }

    @Test
    void readsAFolderOfTextFilesAsAnnotateDoes() throws IOException {
        Path texts = Files.createDirectories(folder.resolve("texts"));
        Files.write(texts.resolve("windows.txt"), "\uFEFFHistory:\r\nEYES: epicanthus".getBytes(StandardCharsets.UTF_8));
        Files.writeString(texts.resolve("unix.txt"), "History:\nEYES: epicanthus");
        String output = folder.resolve("texts-annotated").toString();

        AnnotateJob.run(spark, settings(texts.toString(), JobOptions.InputFormat.TEXT, output, "text", "id"));

        Map<String, String> findings = new HashMap<>();
        for (Row row : spark.read().parquet(output).collectAsList()) {
            Row finding = row.<Row>getList(1).get(0);
            List<List<?>> spans = finding.getList(2).stream()
                    .<List<?>>map(span -> scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) span)).toList();
            findings.put(row.getString(0), finding.getString(0) + " " + spans);
        }
        assertEquals(Map.of("windows.txt", "HP:0000286 [[15, 25]]", "unix.txt", "HP:0000286 [[15, 25]]"), findings);
    }

    @Test
    void refusesAnOutputThatExists() throws IOException {
        Path output = Files.createDirectories(folder.resolve("exists"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AnnotateJob.run(spark, settings("unread", JobOptions.InputFormat.JSONL, output.toString(), "text", "id")));
        assertEquals("--output " + output + " exists: name a folder that does not exist yet", refused.getMessage());
        assertTrue(Files.isDirectory(output));
    }
}
