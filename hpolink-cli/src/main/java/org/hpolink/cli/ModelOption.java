package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hpolink.encode.EncoderOptions;
import org.hpolink.extract.grid.GridModel;
import org.hpolink.extract.lexical.LexicalConfig;
import org.hpolink.extract.lexical.LexicalMentionExtractor;
import org.hpolink.extract.lexical.LexicalModel;
import org.hpolink.extract.lexical.LexicalModelIO;
import org.hpolink.extract.llm.LlmMentionExtractor;
import org.hpolink.normalize.BiosynNormalizer;
import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.Encoders;
import org.hpolink.pipeline.ExtractionPipeline;
import org.hpolink.pipeline.GapFillingEnsemble;
import org.hpolink.pipeline.NormalizedExtractor;
import org.hpolink.pipeline.OpenPipeline;
import org.hpolink.pipeline.PipelineModels;
import org.hpolink.pipeline.Profile;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --model NAME|DIR} option of every command that annotates: {@code lexical} (the default: the ensemble's
 * gain does not pay for its cost, docs/RESULTS.md), {@code ensemble} or {@code grid} picks a pipeline of default models,
 * any other value is the folder of a lexical model. A model named by folder is read and must match the HPO in use; a default model
 * ({@link ModelLocation}) is trained on the data folder's training file first when it is missing, unreadable, or was
 * trained on other data or another HPO release.
 */
final class ModelOption {

    static final String LEXICAL = PipelineModels.LEXICAL;
    static final String GRID = PipelineModels.GRID;
    static final String ENSEMBLE = PipelineModels.ENSEMBLE;
    static final String LLM = "llm";
    static final String LEXICAL_LLM = "lexical+llm";

    @Option(names = "--model", paramLabel = "NAME|DIR",
            description = "lexical (default): the lexical model alone, over 50,000 observations/s on 2 cores in a few hundred "
                    + "MB. ensemble: the lexical and the grid model, the grid's mentions added where the lexicon found "
                    + "nothing, ids of the lexicon's unsure mentions and of the grid's from the BioSyn normalizer: 0.7 point "
                    + "more normalization F1 on BC8 cross-validated, none on notes, for over 100 times the time and 7 to 11 "
                    + "times the memory. grid: the W2NER-style grid model, ids from the normalizer. llm: the LLM extractor (--llm-endpoint, "
                    + "--llm-model), ids from the normalizer. lexical+llm: the lexical model, the LLM's mentions added where it "
                    + "found nothing. Default models live in "
                    + "$HPOLINK_MODELS or ~/.cache/hpolink/models and are trained on the data folder's bc8t3/train.tsv "
                    + "whenever missing or out of date. Any other value is the folder of a lexical model written by "
                    + "hpolink train.")
    private String model;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** The pipeline's name as given ({@code lexical} when not), a lexical model's folder for one named by folder. */
    String name() {
        return model == null ? LEXICAL : model;
    }

    /**
     * The pipeline this option names, for {@code hpo}, to be run by {@code workers} threads at once, with the lexical
     * model of {@code profile}; {@code normalizer} and {@code grid} name the other models of the grid and ensemble
     * pipelines. ONNX Runtime (the encoders and the grid network) gives every worker its share of the processors;
     * default models trained first, if any, train as {@code hpolink train} does (default encoder options, LibTorch's
     * own thread count).
     *
     * @throws IllegalArgumentException naming both releases when a model named by folder was trained with another HPO
     *                                  release than {@code hpo}
     */
    OpenPipeline pipeline(Hpo hpo, NormalizerOption normalizer, GridModelOption grid, LlmOption llm, int workers, Profile profile)
            throws IOException {
        return pipeline(model == null ? LEXICAL : model, command, hpo, normalizer, grid, llm, workers, profile);
    }

    /**
     * The pipeline {@code name} names ({@code ensemble}, {@code lexical}, {@code grid}, {@code llm},
     * {@code lexical+llm} or a lexical model's folder), as
     * {@link #pipeline(Hpo, NormalizerOption, GridModelOption, LlmOption, int, Profile)} gives it, for a command whose own
     * option names it.
     */
    static OpenPipeline pipeline(String name, CommandSpec command, Hpo hpo, NormalizerOption normalizer, GridModelOption grid,
            LlmOption llm, int workers, Profile profile) throws IOException {
        boolean learned = name.equals(GRID) || name.equals(ENSEMBLE);
        boolean asksLlm = name.equals(LLM) || name.equals(LEXICAL_LLM);
        requireCompanionsFit(name, command, normalizer, grid);
        if (!asksLlm && llm.isSet()) {
            throw new ParameterException(command.commandLine(), "the --llm- options go with --model llm or lexical+llm");
        }
        if (asksLlm) {
            return llmPipeline(name, command, hpo, normalizer, llm, workers, profile);
        }
        if (!learned) {
            return PipelineModels.lexical(lexicalModel(name, command, hpo, profile), hpo);
        }
        Path trainFile = HpolinkCommand.of(command).dataLocation().bc8Train();
        List<AutoCloseable> resources = new ArrayList<>();
        Encoders training = opened(new Encoders(), resources);
        Encoders encoders = opened(new Encoders(EncoderOptions.sharedBy(workers)), resources);
        try {
            BiosynNormalizer ids = normalizer.normalizer(hpo, trainFile, encoders, training);
            GridModel gridModel = grid.model(hpo, trainFile, training);
            resources.add(gridModel);
            // The grid pipeline needs the lexical model only for a grid model that reads its mentions.
            LexicalModel lexicalModel = name.equals(GRID) && !gridModel.config().lexiconHints() ? null
                    : profile.lexicalModel(defaultLexicalModel(command, hpo, profile));
            return PipelineModels.learned(name, lexicalModel, ids, gridModel, encoders, hpo, resources);
        } catch (IOException | RuntimeException e) {
            new OpenPipeline(null, "", List.of(), resources).close();
            throw e;
        }
    }

    /** Refuses a --grid-model or --normalizer-model that the pipeline {@code name} does not read. */
    private static void requireCompanionsFit(String name, CommandSpec command, NormalizerOption normalizer, GridModelOption grid) {
        boolean learned = name.equals(GRID) || name.equals(ENSEMBLE);
        if (!learned && grid.isSet()) {
            throw new ParameterException(command.commandLine(), "--grid-model goes with --model grid or ensemble");
        }
        if (!learned && !name.equals(LLM) && !name.equals(LEXICAL_LLM) && normalizer.isSet()) {
            throw new ParameterException(command.commandLine(), "--normalizer-model goes with --model grid, ensemble, llm or lexical+llm");
        }
    }

    /**
     * The folders of the models of the pipeline this option names, for a job that reads them elsewhere ({@code hpolink
     * spark}): default models are trained first when missing or out of date, as for {@link #pipeline}.
     */
    PipelineModels models(Hpo hpo, Path hpoFile, NormalizerOption normalizer, GridModelOption grid, Profile profile) throws IOException {
        String name = name();
        if (name.equals(LLM) || name.equals(LEXICAL_LLM)) {
            throw new ParameterException(command.commandLine(), "--model " + name + ": this command runs lexical, grid or ensemble, "
                    + "or the lexical model of a folder");
        }
        requireCompanionsFit(name, command, normalizer, grid);
        boolean learned = name.equals(GRID) || name.equals(ENSEMBLE);
        Path lexicalFolder;
        if (name.equals(LEXICAL) || learned) {
            defaultLexicalModel(command, hpo, profile);
            lexicalFolder = defaultLexicalLocation(command, profile).folder();
        } else {
            lexicalFolder = Path.of(name);
            LexicalModelIO.read(lexicalFolder, hpo);
        }
        if (!learned) {
            return new PipelineModels(LEXICAL, hpoFile.toString(), lexicalFolder.toString(), null, null, profile);
        }
        Path trainFile = HpolinkCommand.of(command).dataLocation().bc8Train();
        // Read here, and trained first if need be, so that the job's executors find them ready.
        try (Encoders training = new Encoders()) {
            normalizer.normalizer(hpo, trainFile, training, training);
            grid.model(hpo, trainFile, training).close();
        }
        return new PipelineModels(name, hpoFile.toString(), lexicalFolder.toString(), normalizer.folder().toString(),
                grid.folder().toString(), profile);
    }

    /**
     * The LLM extractor with ids from the normalizer ({@code llm}), or the lexical model with the LLM's mentions where
     * it found nothing ({@code lexical+llm}, {@link GapFillingEnsemble#DEFAULT}, the rule chosen for the grid model: no
     * LLM was at hand to choose one for the LLM).
     */
    private static OpenPipeline llmPipeline(String name, CommandSpec command, Hpo hpo, NormalizerOption normalizer, LlmOption llm,
            int workers, Profile profile) throws IOException {
        Path trainFile = HpolinkCommand.of(command).dataLocation().bc8Train();
        // The LLM's settings first: a wrong or remote endpoint fails before a model is trained.
        LlmMentionExtractor llmExtractor = llm.extractor(hpo, trainFile);
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(llm.reportOnClose(llmExtractor));
        Encoders training = opened(new Encoders(), resources);
        Encoders encoders = opened(new Encoders(EncoderOptions.sharedBy(workers)), resources);
        try {
            BiosynNormalizer ids = normalizer.normalizer(hpo, trainFile, encoders, training);
            if (name.equals(LLM)) {
                return new OpenPipeline(ExtractionPipeline.of(new NormalizedExtractor(llmExtractor, ids, 0), hpo),
                        "LLM extractor, ids from the BioSyn normalizer", List.of(ids.provenance()), resources);
            }
            LexicalModel lexicalModel = profile.lexicalModel(defaultLexicalModel(command, hpo, profile));
            GapFillingEnsemble setting = GapFillingEnsemble.DEFAULT;
            return new OpenPipeline(ExtractionPipeline.of(setting.extractor(new LexicalMentionExtractor(lexicalModel), llmExtractor, ids), hpo),
                    "lexical model and LLM extractor (" + setting.toString().replace("grid", "LLM") + ")", List.of(lexicalModel.provenance(), ids.provenance()), resources);
        } catch (IOException | RuntimeException e) {
            new OpenPipeline(null, "", List.of(), resources).close();
            throw e;
        }
    }

    /**
     * {@code resource}, added to {@code resources} to be closed with the pipeline. Of a pipeline's two sets of
     * encoders, one trains default models that must first be trained (all processors), the other serves the workers
     * (each its share).
     */
    private static <T extends AutoCloseable> T opened(T resource, List<AutoCloseable> resources) {
        resources.add(resource);
        return resource;
    }

    /** The lexical model this option names, the default of {@code profile} or the one in its folder, as the profile uses it. */
    private static LexicalModel lexicalModel(String name, CommandSpec command, Hpo hpo, Profile profile) throws IOException {
        return profile.lexicalModel(name.equals(LEXICAL) ? defaultLexicalModel(command, hpo, profile) : LexicalModelIO.read(Path.of(name), hpo));
    }

    /** The default lexical model of {@code profile}, each profile's in a folder of its own. */
    private static LexicalModel defaultLexicalModel(CommandSpec command, Hpo hpo, Profile profile) throws IOException {
        HpolinkCommand root = HpolinkCommand.of(command);
        ModelLocation location = defaultLexicalLocation(command, profile);
        PrintWriter err = command.commandLine().getErr();
        LexicalConfig config = profile.lexicalConfig();
        return location.readOrTrain(LexicalModelIO::read, LexicalModel::provenance, config.asMap(),
                corpus -> TrainCommand.trainOnAll(config, corpus, hpo, err), m -> folder -> LexicalModelIO.write(m, folder),
                root.dataLocation().bc8Train(), hpo, err);
    }

    private static ModelLocation defaultLexicalLocation(CommandSpec command, Profile profile) {
        return HpolinkCommand.of(command).modelLocation(null, profile == Profile.EXAM ? ModelLocation.LEXICAL : ModelLocation.LEXICAL_NOTES);
    }
}
