package org.hpolink.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.hpolink.pipeline.PipelineModels;
import org.hpolink.pipeline.Profile;

/**
 * A Spark ML transformer that annotates a column of texts with hpolink: each row gets the findings {@code hpolink
 * annotate} gives its text, in a column of an array of structs with the fields of {@code annotate --format jsonl}
 * ({@code hpo}, {@code label}, {@code spans} as [start, end] pairs, {@code text}, {@code assertion}, {@code score},
 * {@code source}), and an error column that is null unless the row could not be annotated (a null text, or one over
 * {@code maxChars}); such a row keeps its place with null findings, so no row is lost. Texts are read as {@code
 * annotate} reads them, each CR LF as LF, and offsets are into that text.
 * <p>
 * Its parameters name the pipeline and the folders of its models, which every executor must be able to read (a shared
 * file system, or files shipped with the job, named relative to the executor's working directory). Each executor JVM
 * reads them once, for all its tasks, and annotates a partition {@code batchSize} texts at a time.
 */
public final class HpoAnnotator extends Transformer implements DefaultParamsWritable {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> textCol;
    private final Param<String> idCol;
    private final Param<String> outputCol;
    private final Param<String> errorCol;
    private final Param<String> pipeline;
    private final Param<String> hpoFile;
    private final Param<String> lexicalModel;
    private final Param<String> normalizerModel;
    private final Param<String> gridModel;
    private final Param<String> profile;
    private final IntParam maxChars;
    private final IntParam batchSize;

    public HpoAnnotator() {
        this(Identifiable.randomUID("hpoAnnotator"));
    }

    public HpoAnnotator(String uid) {
        this.uid = uid;
        textCol = new Param<>(this, "textCol", "the column of the texts to annotate");
        idCol = new Param<>(this, "idCol", "a column naming each text, for error messages (optional)");
        outputCol = new Param<>(this, "outputCol", "the column of the findings");
        errorCol = new Param<>(this, "errorCol", "the column saying why a row was not annotated, null when it was");
        pipeline = new Param<>(this, "pipeline", "lexical, grid or ensemble",
                ParamValidators.inArray(PipelineModels.PIPELINES.toArray(new String[0])));
        hpoFile = new Param<>(this, "hpoFile", "the HPO release the models were trained with (obographs JSON, plain or gzipped)");
        lexicalModel = new Param<>(this, "lexicalModel", "the folder of the lexical model");
        normalizerModel = new Param<>(this, "normalizerModel", "the folder of the BioSyn normalizer (grid and ensemble)");
        gridModel = new Param<>(this, "gridModel", "the folder of the grid model (grid and ensemble)");
        profile = new Param<>(this, "profile", "exam (BC8 observations) or notes (clinical notes and literature)",
                ParamValidators.inArray(new String[] {Profile.EXAM.label(), Profile.NOTES.label()}));
        maxChars = new IntParam(this, "maxChars", "the most characters a text may have", ParamValidators.gtEq(1));
        batchSize = new IntParam(this, "batchSize", "how many texts of a partition are annotated together", ParamValidators.gtEq(1));
        setDefault(textCol, "text");
        setDefault(outputCol, "findings");
        setDefault(errorCol, "error");
        setDefault(pipeline, PipelineModels.LEXICAL);
        setDefault(profile, Profile.NOTES.label());
        setDefault(maxChars, 5_000_000);
        setDefault(batchSize, 256);
    }

    @Override
    public String uid() {
        return uid;
    }

    // Spark finds a stage's parameters by its public methods that return one.

    public Param<String> textCol() {
        return textCol;
    }

    public Param<String> idCol() {
        return idCol;
    }

    public Param<String> outputCol() {
        return outputCol;
    }

    public Param<String> errorCol() {
        return errorCol;
    }

    public Param<String> pipeline() {
        return pipeline;
    }

    public Param<String> hpoFile() {
        return hpoFile;
    }

    public Param<String> lexicalModel() {
        return lexicalModel;
    }

    public Param<String> normalizerModel() {
        return normalizerModel;
    }

    public Param<String> gridModel() {
        return gridModel;
    }

    public Param<String> profile() {
        return profile;
    }

    public IntParam maxChars() {
        return maxChars;
    }

    public IntParam batchSize() {
        return batchSize;
    }

    public HpoAnnotator setTextCol(String column) {
        set(textCol, column);
        return this;
    }

    public HpoAnnotator setIdCol(String column) {
        set(idCol, column);
        return this;
    }

    public HpoAnnotator setOutputCol(String column) {
        set(outputCol, column);
        return this;
    }

    public HpoAnnotator setErrorCol(String column) {
        set(errorCol, column);
        return this;
    }

    public HpoAnnotator setMaxChars(int limit) {
        set(maxChars, limit);
        return this;
    }

    public HpoAnnotator setBatchSize(int texts) {
        set(batchSize, texts);
        return this;
    }

    /** Sets the pipeline, HPO file, model folders and profile of {@code models}; the folders it leaves null are cleared. */
    public HpoAnnotator setModels(PipelineModels models) {
        set(pipeline, models.pipeline());
        set(hpoFile, models.hpoFile());
        setOrClear(lexicalModel, models.lexicalModel());
        setOrClear(normalizerModel, models.normalizerModel());
        setOrClear(gridModel, models.gridModel());
        set(profile, models.profile().label());
        return this;
    }

    private void setOrClear(Param<String> param, String value) {
        if (value == null) {
            clear(param);
        } else {
            set(param, value);
        }
    }

    /** The pipeline and models these parameters name. */
    public PipelineModels models() {
        if (!isDefined(hpoFile)) {
            throw new IllegalArgumentException("HpoAnnotator " + uid + ": hpoFile is not set (set the models with setModels)");
        }
        return new PipelineModels(getOrDefault(pipeline), getOrDefault(hpoFile), optional(lexicalModel), optional(normalizerModel),
                optional(gridModel), Profile.valueOf(getOrDefault(profile).toUpperCase(java.util.Locale.ROOT)));
    }

    private String optional(Param<String> param) {
        return isDefined(param) ? getOrDefault(param) : null;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        String text = getOrDefault(textCol);
        requireColumn(schema, text, "textCol");
        if (!schema.apply(text).dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("HpoAnnotator: the text column '" + text + "' is of type "
                    + schema.apply(text).dataType().simpleString() + ": expected string");
        }
        if (isDefined(idCol)) {
            requireColumn(schema, getOrDefault(idCol), "idCol");
        }
        List<StructField> fields = new ArrayList<>(List.of(schema.fields()));
        for (String added : List.of(getOrDefault(outputCol), getOrDefault(errorCol))) {
            if (List.of(schema.fieldNames()).contains(added)) {
                throw new IllegalArgumentException("HpoAnnotator: the input already has a column '" + added + "': name another output column");
            }
        }
        fields.add(DataTypes.createStructField(getOrDefault(outputCol), FindingRows.FINDINGS, true));
        fields.add(DataTypes.createStructField(getOrDefault(errorCol), DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    private static void requireColumn(StructType schema, String column, String param) {
        if (!List.of(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("HpoAnnotator: " + param + " names the column '" + column + "', which the input does not have "
                    + "(its columns: " + String.join(", ", schema.fieldNames()) + ")");
        }
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        StructType in = dataset.schema();
        AnnotatePartition annotate = new AnnotatePartition(models(), in.fieldIndex(getOrDefault(textCol)),
                isDefined(idCol) ? in.fieldIndex(getOrDefault(idCol)) : -1, getOrDefault(textCol),
                (Integer) getOrDefault(maxChars), (Integer) getOrDefault(batchSize));
        return dataset.toDF().mapPartitions(annotate, org.apache.spark.sql.Encoders.row(out));
    }

    @Override
    public HpoAnnotator copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Reads an annotator saved with {@code write().save(path)} (or in a saved {@code PipelineModel}). */
    public static MLReader<HpoAnnotator> read() {
        return new DefaultParamsReader<>();
    }

    public static HpoAnnotator load(String path) {
        return read().load(path);
    }
}
