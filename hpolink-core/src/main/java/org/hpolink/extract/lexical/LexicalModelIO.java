package org.hpolink.extract.lexical;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hpolink.extract.lexical.LexicalModel.Attachments;
import org.hpolink.extract.lexical.LexicalModel.BoundaryWords;
import org.hpolink.extract.lexical.LexicalModel.Composition;
import org.hpolink.extract.lexical.LexicalModel.EntryRef;
import org.hpolink.extract.lexical.LexicalModel.EntryStats;
import org.hpolink.extract.lexical.LexicalModel.HeaderVotes;
import org.hpolink.model.BundleJson;
import org.hpolink.model.Provenance;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;

/**
 * Reads and writes a lexical model bundle: a folder with {@code manifest.json} (format, version, provenance) and
 * {@code lexicon.json} (the learned tables, keys spelled as stems so the file can be read by a person).
 */
public final class LexicalModelIO {

    public static final String FORMAT = "hpolink-lexical";
    /** Raised also when what the trainer learns changes, so that default models trained before are retrained. */
    public static final int FORMAT_VERSION = 3;
    static final String MANIFEST = "manifest.json";
    static final String LEXICON = "lexicon.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Manifest(String format, int formatVersion, Provenance provenance) {
    }

    record Entry(List<String> key, SortedMap<String, Integer> ids) {
    }

    record HeaderVote(List<String> key, int withHeader, int withoutHeader) {
    }

    record SectionHeaderVote(String section, int withHeader, int withoutHeader) {
    }

    record Boundary(List<String> key, List<String> leading, List<String> trailing) {
    }

    record Stats(List<String> key, String id, int matched, int right) {
    }

    record CompositionRow(String first, String second, String composite) {
    }

    record Lexicon(LexicalConfig config, List<String> vocabulary, List<String> modifiers, List<String> fillers,
            List<String> preNegationCues, List<String> postNegationCues, List<Entry> entries, List<HeaderVote> headerVotes,
            List<SectionHeaderVote> sectionHeaderVotes, List<Boundary> boundaries, List<String> leadingAttachments, List<String> trailingAttachments,
            List<CompositionRow> compositions, List<Stats> entryStats) {
    }

    private LexicalModelIO() {
    }

    public static void write(LexicalModel model, Path folder) throws IOException {
        Files.createDirectories(folder);
        Vocabulary vocabulary = model.vocabulary();
        List<Entry> entries = new ArrayList<>();
        model.entries().forEach((key, votes) -> {
            SortedMap<String, Integer> ids = new TreeMap<>();
            votes.weights().forEach((id, weight) -> ids.put(id.value(), weight));
            entries.add(new Entry(stems(key, vocabulary), ids));
        });
        List<HeaderVote> headerVotes = new ArrayList<>();
        model.headerVotes().forEach((key, v) -> headerVotes.add(new HeaderVote(stems(key, vocabulary), v.withHeader(), v.withoutHeader())));
        List<SectionHeaderVote> sectionVotes = new ArrayList<>();
        model.sectionHeaderVotes().forEach((section, v) -> sectionVotes.add(new SectionHeaderVote(section, v.withHeader(), v.withoutHeader())));
        List<Boundary> boundaries = new ArrayList<>();
        model.boundaries().forEach((key, b) -> boundaries.add(new Boundary(stems(key, vocabulary), b.leading(), b.trailing())));
        List<Stats> stats = new ArrayList<>();
        model.entryStats().forEach((e, st) -> stats.add(new Stats(stems(e.key(), vocabulary), e.id().value(), st.matched(), st.right())));
        List<String> fillers = model.fillerStemIds().stream().map(vocabulary::stem).sorted().toList();
        List<CompositionRow> compositions = model.compositions().stream()
                .map(c -> new CompositionRow(c.first().value(), c.second().value(), c.composite().value())).toList();
        Lexicon lexicon = new Lexicon(model.config(), vocabulary.stems(), List.copyOf(model.modifiers()), fillers,
                List.copyOf(model.preNegationCues()), List.copyOf(model.postNegationCues()), entries, headerVotes, sectionVotes, boundaries,
                List.copyOf(model.attachments().leading()), List.copyOf(model.attachments().trailing()), compositions, stats);
        JSON.writeValue(folder.resolve(MANIFEST).toFile(), new Manifest(FORMAT, FORMAT_VERSION, model.provenance()));
        JSON.writeValue(folder.resolve(LEXICON).toFile(), lexicon);
    }

    /**
     * The model in {@code folder}, for use with {@code hpo}.
     *
     * @throws IllegalArgumentException naming both releases when it was trained with another HPO release
     */
    public static LexicalModel read(Path folder, Hpo hpo) throws IOException {
        LexicalModel model = read(folder);
        model.provenance().requireRelease(folder, hpo);
        return model;
    }

    /**
     * @throws IOException naming the file when the bundle is missing, of another format or version, or malformed
     */
    public static LexicalModel read(Path folder) throws IOException {
        Manifest manifest = readJson(folder.resolve(MANIFEST), Manifest.class);
        if (!FORMAT.equals(manifest.format()) || manifest.formatVersion() != FORMAT_VERSION) {
            throw new IOException(folder.resolve(MANIFEST) + ": format " + manifest.format() + " version " + manifest.formatVersion()
                    + ", expected " + FORMAT + " version " + FORMAT_VERSION + " (retrain the model with this hpolink)");
        }
        Path lexiconFile = folder.resolve(LEXICON);
        Lexicon lexicon = readJson(lexiconFile, Lexicon.class);
        try {
            Vocabulary vocabulary = new Vocabulary(lexicon.vocabulary(), lexicon.config().typoMinLength());
            Map<TermKey, IdVotes> entries = new HashMap<>();
            for (Entry entry : lexicon.entries()) {
                SortedMap<HpoId, Integer> ids = new TreeMap<>();
                entry.ids().forEach((id, weight) -> ids.put(HpoId.of(id), weight));
                entries.put(key(entry.key(), vocabulary), new IdVotes(ids));
            }
            Map<TermKey, HeaderVotes> headerVotes = new HashMap<>();
            for (HeaderVote vote : lexicon.headerVotes()) {
                headerVotes.put(key(vote.key(), vocabulary), new HeaderVotes(vote.withHeader(), vote.withoutHeader()));
            }
            Map<String, HeaderVotes> sectionVotes = new HashMap<>();
            for (SectionHeaderVote vote : lexicon.sectionHeaderVotes()) {
                sectionVotes.put(vote.section(), new HeaderVotes(vote.withHeader(), vote.withoutHeader()));
            }
            Map<TermKey, BoundaryWords> boundaries = new HashMap<>();
            for (Boundary boundary : lexicon.boundaries()) {
                boundaries.put(key(boundary.key(), vocabulary), new BoundaryWords(boundary.leading(), boundary.trailing()));
            }
            Map<EntryRef, EntryStats> stats = new HashMap<>();
            for (Stats s : lexicon.entryStats()) {
                stats.put(new EntryRef(key(s.key(), vocabulary), HpoId.of(s.id())), new EntryStats(s.matched(), s.right()));
            }
            Set<Integer> fillers = new HashSet<>();
            for (String filler : lexicon.fillers()) {
                fillers.add(stemId(filler, vocabulary));
            }
            Set<Composition> compositions = new HashSet<>();
            for (CompositionRow row : lexicon.compositions()) {
                compositions.add(new Composition(HpoId.of(row.first()), HpoId.of(row.second()), HpoId.of(row.composite())));
            }
            return new LexicalModel(lexicon.config(), manifest.provenance(), vocabulary, Set.copyOf(lexicon.modifiers()), fillers,
                    Set.copyOf(lexicon.preNegationCues()), Set.copyOf(lexicon.postNegationCues()), entries, headerVotes, sectionVotes, boundaries,
                    new Attachments(Set.copyOf(lexicon.leadingAttachments()), Set.copyOf(lexicon.trailingAttachments())), compositions,
                    stats);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException(lexiconFile + ": malformed lexical model: " + e.getMessage(), e);
        }
    }

    private static <T> T readJson(Path file, Class<T> type) throws IOException {
        return BundleJson.read(JSON, file, type, "a lexical model", "hpolink train");
    }

    private static List<String> stems(TermKey key, Vocabulary vocabulary) {
        List<String> stems = new ArrayList<>(key.size());
        for (int i = 0; i < key.size(); i++) {
            stems.add(vocabulary.stem(key.stemId(i)));
        }
        return stems;
    }

    private static TermKey key(List<String> stems, Vocabulary vocabulary) {
        int[] ids = new int[stems.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = stemId(stems.get(i), vocabulary);
        }
        return TermKey.of(ids);
    }

    private static int stemId(String stem, Vocabulary vocabulary) {
        int id = vocabulary.id(stem);
        if (id == Vocabulary.UNKNOWN) {
            throw new IllegalArgumentException("the stem '" + stem + "' is not in the model's vocabulary");
        }
        return id;
    }
}
