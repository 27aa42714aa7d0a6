package org.hpolink.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hpolink.RealDataFolder;
import org.hpolink.corpus.AnnotatedDocument;
import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.Corpus;
import org.hpolink.encode.EncoderModel;
import org.hpolink.extract.grid.GridConfig;
import org.hpolink.extract.grid.GridModel;
import org.hpolink.extract.grid.GridModelIO;
import org.hpolink.extract.grid.GridTrainer;
import org.hpolink.extract.lexical.LexicalModelIO;
import org.hpolink.extract.lexical.LexicalTrainer;
import org.hpolink.format.JsonLinesDocumentWriter;
import org.hpolink.normalize.BiosynConfig;
import org.hpolink.normalize.BiosynModelIO;
import org.hpolink.normalize.BiosynTrainer;
import org.hpolink.normalize.MentionQuery;
import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.DocumentAnnotator;
import org.hpolink.pipeline.Encoders;
import org.hpolink.pipeline.OpenPipeline;
import org.hpolink.pipeline.PipelineModels;
import org.hpolink.pipeline.Profile;
import org.hpolink.text.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HpoAnnotator} on a local Spark of two threads, against the same pipeline run without Spark, as {@code annotate}
 * runs it: the same findings for every row, with the lexical pipeline and the ensemble (small models trained here from
 * the real data: what is compared is Spark's plumbing, not the models); rows that cannot be annotated kept with an
 * error; models read once per JVM.
 */
class HpoAnnotatorIT {

    private static final StructType INPUT = DataTypes.createStructType(List.of(
            DataTypes.createStructField("id", DataTypes.StringType, true),
            DataTypes.createStructField("text", DataTypes.StringType, true)));

    @TempDir
    static Path models;

    private static SparkSession spark;
    private static Hpo hpo;
    private static Corpus training;
    private static PipelineModels lexical;
    private static PipelineModels ensemble;

    @BeforeAll
    static void trainModelsAndStartSpark() throws IOException {
        hpo = new org.hpolink.ontology.HpoJsonReader().read(RealDataFolder.hpoFile());
        training = new Bc8CorpusReader(hpo::isKnown).read(RealDataFolder.trainFile());
        Path lexicalFolder = models.resolve("lexical");
        LexicalModelIO.write(new LexicalTrainer(Profile.NOTES.lexicalConfig()).train(training, hpo, "all"), lexicalFolder);
        lexical = new PipelineModels(PipelineModels.LEXICAL, RealDataFolder.hpoFile().toString(), lexicalFolder.toString(), null, null,
                Profile.NOTES);
        // Small learned models, trained in seconds on a part of the data, on the full-precision encoder: the quantized
        // encoders quantize the activations of a whole batch together, so a text's vectors, and a near tie between two
        // ids, can depend on the texts it is encoded with, which Spark's partitions change (docs/spark.md).
        Corpus part = new Corpus(training.source(), training.sha256(), training.observations().subList(0, 150));
        Path normalizerFolder = models.resolve("normalizer");
        Path gridFolder = models.resolve("grid");
        try (Encoders encoders = new Encoders()) {
            BiosynConfig normalizer = new BiosynConfig(3, EncoderModel.ALL_MINILM_L6_V2, 8, 4, 5, 2, 0, 0, 1, 16, 0.05,
                    MentionQuery.MENTION, 0, 0, 0);
            BiosynModelIO.write(new BiosynTrainer(normalizer).train(hpo, part, "first 150", encoders.pretrained(normalizer.encoder()),
                    (phase, pass, queries, loss) -> { }), normalizerFolder);
            GridConfig grid = new GridConfig(5, EncoderModel.ALL_MINILM_L6_V2, 6, 8, 4, 8, 8, 8, 0.0, 1, 2, 8_192, 1e-2, 0, false);
            try (GridModel model = new GridTrainer(grid).train(part, hpo, "first 150", encoders, (epoch, loss) -> { })) {
                GridModelIO.write(model, gridFolder);
            }
        }
        ensemble = new PipelineModels(PipelineModels.ENSEMBLE, RealDataFolder.hpoFile().toString(), lexicalFolder.toString(),
                normalizerFolder.toString(), gridFolder.toString(), Profile.NOTES);
        spark = AnnotateJob.localSpark("local[2]").appName("HpoAnnotatorIT")
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** BC8 observations and the GeneReviews documents, one with CR LF line ends. */
    private static List<Document> documents() throws IOException {
        List<Document> documents = new ArrayList<>();
        training.observations().stream().limit(300).forEach(o -> documents.add(new Document(o.id(), o.text())));
        Path corpus = RealDataFolder.folder().resolve("notes").resolve("genereviews").resolve("corpus");
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.sorted().toList()) {
                documents.add(new Document(file.getFileName().toString(), Files.readString(file)));
            }
        }
        Document first = documents.get(documents.size() - 1);
        documents.add(new Document(first.id() + "-crlf", first.text().replace("\n", "\r\n")));
        return documents;
    }

    private static Dataset<Row> frame(List<Document> documents, int partitions) {
        List<Row> rows = documents.stream().map(d -> RowFactory.create(d.id(), d.text())).toList();
        return spark.createDataFrame(rows, INPUT).repartition(partitions);
    }

    /** Each document's findings as {@code annotate --format jsonl} writes them, by id, from the pipeline run without Spark. */
    private static Map<String, String> annotatedWithoutSpark(PipelineModels models, List<Document> documents) throws IOException {
        Map<String, String> byId = new HashMap<>();
        try (OpenPipeline pipeline = models.open(hpo, 1)) {
            DocumentAnnotator annotator = new DocumentAnnotator(pipeline.pipeline(), hpo, models.profile());
            List<Document> asRead = documents.stream().map(d -> new Document(d.id(), d.text().replace("\r\n", "\n"))).toList();
            for (AnnotatedDocument document : annotator.annotate(asRead)) {
                StringWriter line = new StringWriter();
                new JsonLinesDocumentWriter(line).write(document);
                byId.put(document.id(), findingsOf(line.toString()));
            }
        }
        return byId;
    }

    /** The findings array of a JSON Lines document line. */
    private static String findingsOf(String line) {
        return line.substring(line.indexOf("\"findings\":") + "\"findings\":".length(), line.lastIndexOf('}'));
    }

    /** Each row's findings as Spark writes them to JSON, scores written as {@code annotate} writes them, by id. */
    private static Map<String, String> annotatedWithSpark(Dataset<Row> annotated) {
        Map<String, String> byId = new HashMap<>();
        for (String line : annotated.select("id", "findings").toJSON().collectAsList()) {
            byId.put(line.substring(7, line.indexOf("\",\"findings\"")), normalizedScores(findingsOf(line)));
        }
        return byId;
    }

    /** Spark writes a whole score as 1.0, JSON Lines as 1. */
    private static String normalizedScores(String findings) {
        return java.util.regex.Pattern.compile("\"score\":([0-9.]+)").matcher(findings)
                .replaceAll(m -> "\"score\":" + JsonLinesDocumentWriter.rounded(Double.parseDouble(m.group(1))).toPlainString());
    }

    private static void assertSameFindings(PipelineModels models) throws IOException {
        List<Document> documents = documents();
        Map<String, String> expected = annotatedWithoutSpark(models, documents);
        Dataset<Row> annotated = new HpoAnnotator().setModels(models).setIdCol("id").setBatchSize(7).transform(frame(documents, 5));
        Map<String, String> actual = annotatedWithSpark(annotated);
        assertEquals(documents.size(), actual.size());
        expected.forEach((id, findings) -> assertEquals(findings, actual.get(id), id));
        long withFindings = expected.values().stream().filter(f -> !f.equals("[]")).count();
        assertTrue(withFindings > documents.size() / 2, withFindings + " documents with findings");
    }

    @Test
    void findsWhatThePipelineFindsWithoutSparkForTheLexicalPipeline() throws IOException {
        assertSameFindings(lexical);
    }

    @Test
    void findsWhatThePipelineFindsWithoutSparkForTheEnsemble() throws IOException {
        assertSameFindings(ensemble);
    }

    @Test
    void keepsRowsItCannotAnnotateWithTheirError() {
        List<Row> rows = List.of(RowFactory.create("null", null), RowFactory.create("empty", ""),
                RowFactory.create("long", "EYES: epicanthus. ".repeat(10)), RowFactory.create("fine", "EYES: epicanthus"));
        Dataset<Row> annotated = new HpoAnnotator().setModels(lexical).setIdCol("id").setMaxChars(100)
                .transform(spark.createDataFrame(rows, INPUT).repartition(2));
        Map<String, Row> byId = new HashMap<>();
        annotated.collectAsList().forEach(row -> byId.put(row.getString(0), row));
        assertEquals(4, byId.size());
        assertEquals("the row of id null has no text: the column 'text' is null", byId.get("null").getString(3));
        assertTrue(byId.get("null").isNullAt(2));
        assertEquals("the row of id long has 180 characters: expected at most 100 (raise maxChars, or --max-chars, to annotate it)",
                byId.get("long").getString(3));
        assertEquals(0, byId.get("empty").getList(2).size());
        assertNull(byId.get("empty").getString(3));
        Row epicanthus = byId.get("fine").<Row>getList(2).get(0);
        assertEquals("HP:0000286", epicanthus.getString(0));
        assertEquals(List.of(List.of(6, 16)), epicanthus.getList(2).stream().map(s -> scala.jdk.javaapi.CollectionConverters.asJava(
                (scala.collection.Seq<?>) s)).toList());
    }

    @Test
    void readsTheModelsOncePerJvmWhateverTheTasks() throws IOException {
        PipelineModels exam = new PipelineModels(PipelineModels.LEXICAL, lexical.hpoFile(), lexical.lexicalModel(), null, null, Profile.EXAM);
        int before = ExecutorPipelines.loads();
        HpoAnnotator annotator = new HpoAnnotator().setModels(exam);
        assertEquals(300, annotator.transform(frame(documents().subList(0, 300), 6)).count());
        assertEquals(300, annotator.transform(frame(documents().subList(0, 300), 3)).filter("error IS NULL").count());
        assertEquals(before + 1, ExecutorPipelines.loads(), "9 tasks over two jobs read the models once");
    }

    @Test
    void refusesAMissingColumnOrATakenOutputColumn() {
        Dataset<Row> frame = frame(List.of(new Document("a", "EYES: epicanthus")), 1);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new HpoAnnotator().setModels(lexical).setTextCol("note").transform(frame));
        assertEquals("HpoAnnotator: textCol names the column 'note', which the input does not have (its columns: id, text)", missing.getMessage());
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> new HpoAnnotator().setModels(lexical).setOutputCol("id").transform(frame));
        assertEquals("HpoAnnotator: the input already has a column 'id': name another output column", taken.getMessage());
    }

    @Test
    void survivesASaveAndLoad(@TempDir Path folder) throws IOException {
        HpoAnnotator annotator = new HpoAnnotator().setModels(ensemble).setIdCol("id").setMaxChars(1234);
        annotator.write().save(folder.resolve("annotator").toString());
        HpoAnnotator loaded = HpoAnnotator.load(folder.resolve("annotator").toString());
        assertEquals(annotator.uid(), loaded.uid());
        assertEquals(ensemble, loaded.models());
        assertEquals(1234, loaded.getOrDefault(loaded.maxChars()));
        assertEquals("id", loaded.getOrDefault(loaded.idCol()));
    }
}
