package org.hpolink.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A BERT WordPiece tokenizer read from a Hugging Face {@code tokenizer.json}, in pure Java, giving the same pieces
 * and offsets as Hugging Face's own for the files of the encoder models (checked against DJL's binding in the
 * tests).
 *
 * <p>Steps, as Hugging Face runs them: special tokens written in the text ({@code [SEP]}, {@code [MASK]}...) are cut
 * out first and kept as they are; the rest is normalized ({@code BertNormalizer}: its flags are read from the file),
 * split into words ({@code BertPreTokenizer}), and each word split into the longest vocabulary pieces from the left,
 * continuations prefixed ({@code ##}); a word longer than the limit, or with a part that is in no piece, becomes one
 * unknown token. The post-processor's template adds {@code [CLS]} and {@code [SEP]}. Pieces past
 * {@link #maxLength()} (special tokens included) are dropped from the end.
 *
 * <p>The file's own padding and truncation settings are not used (the MiniLM file pads to 128, bge's does not pad):
 * {@link #encodeBatch} pads to the longest text of the batch and the caller chooses the maximum length.
 *
 * <p>Immutable and thread-safe.
 */
public final class WordPieceTokenizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final BertNormalizer normalizer;
    private final Map<String, Integer> vocabulary;
    private final int maxPieceLength;
    private final String continuingPrefix;
    private final int unknownId;
    private final int maxInputCharsPerWord;
    private final List<AddedToken> addedTokens;
    private final List<TemplatePart> template;
    private final int padId;
    private final int maxLength;

    private WordPieceTokenizer(String source, BertNormalizer normalizer, Map<String, Integer> vocabulary, String continuingPrefix,
            int unknownId, int maxInputCharsPerWord, List<AddedToken> addedTokens, List<TemplatePart> template, int padId, int maxLength) {
        this.source = source;
        this.normalizer = normalizer;
        this.vocabulary = vocabulary;
        this.maxPieceLength = vocabulary.keySet().stream().mapToInt(p -> p.codePointCount(0, p.length())).max().orElse(0);
        this.continuingPrefix = continuingPrefix;
        this.unknownId = unknownId;
        this.maxInputCharsPerWord = maxInputCharsPerWord;
        this.addedTokens = addedTokens;
        this.template = template;
        this.padId = padId;
        this.maxLength = maxLength;
    }

    /**
     * The tokenizer of an encoder model, read from the classpath, cutting texts at {@link EncoderModel#MAX_LENGTH}.
     *
     * @throws java.io.FileNotFoundException if the resource is missing; the message names it and its artifact
     * @throws TokenizerFormatException      if it is not a BERT WordPiece tokenizer
     */
    public static WordPieceTokenizer forModel(EncoderModel model) throws IOException {
        return forModel(model, WordPieceTokenizer.class.getClassLoader());
    }

    static WordPieceTokenizer forModel(EncoderModel model, ClassLoader loader) throws IOException {
        byte[] json = ModelResources.read(loader, model, model.tokenizerResource());
        return read(new ByteArrayInputStream(json), ModelResources.describe(model, model.tokenizerResource()), EncoderModel.MAX_LENGTH);
    }

    /**
     * Reads a {@code tokenizer.json} from a stream, which it does not close.
     *
     * @param sourceName names the file in error messages
     * @param maxLength  the most pieces an encoding may have, special tokens included (512 for the BERT models)
     * @throws TokenizerFormatException if the file is not JSON, or not a WordPiece tokenizer of the BERT kind; the
     *         message names the file, the field and what was expected
     */
    public static WordPieceTokenizer read(InputStream in, String sourceName, int maxLength) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new TokenizerFormatException(sourceName + ": not a JSON document: " + e.getMessage(), e);
        }
        Fields f = new Fields(sourceName);
        if (root == null || !root.isObject()) {
            throw new TokenizerFormatException(sourceName + ": expected a JSON object at the top");
        }
        JsonNode model = f.object(root, "model");
        f.expectType(model, "model", "WordPiece");
        Map<String, Integer> vocabulary = readVocabulary(f, model);
        String unknown = f.text(model, "unk_token", "model");
        String prefix = f.text(model, "continuing_subword_prefix", "model");
        int maxChars = f.integer(model, "max_input_chars_per_word", "model");
        BertNormalizer normalizer = readNormalizer(f, root.get("normalizer"));
        JsonNode preTokenizer = root.get("pre_tokenizer");
        if (preTokenizer == null || preTokenizer.isNull()) {
            throw new TokenizerFormatException(sourceName + ": field pre_tokenizer is missing: expected {\"type\": \"BertPreTokenizer\"}");
        }
        f.expectType(preTokenizer, "pre_tokenizer", "BertPreTokenizer");
        List<AddedToken> added = readAddedTokens(f, root.get("added_tokens"));
        List<TemplatePart> template = readTemplate(f, f.object(root, "post_processor"));
        int padId = f.id(vocabulary, root.path("padding").path("pad_token").asText("[PAD]"), "padding.pad_token");
        int unknownId = f.id(vocabulary, unknown, "model.unk_token");
        long specials = template.stream().filter(p -> p.id() >= 0).count();
        if (maxLength <= specials) {
            throw new IllegalArgumentException("maxLength " + maxLength + " leaves no room for text: the template of "
                    + sourceName + " adds " + specials + " special tokens");
        }
        return new WordPieceTokenizer(sourceName, normalizer, vocabulary, prefix, unknownId, maxChars, added, template, padId, maxLength);
    }

    private static Map<String, Integer> readVocabulary(Fields f, JsonNode model) throws TokenizerFormatException {
        JsonNode vocab = f.object(model, "vocab");
        Map<String, Integer> vocabulary = new HashMap<>(vocab.size() * 2);
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 0) {
                throw new TokenizerFormatException(f.source + ": field model.vocab[\"" + e.getKey() + "\"] is " + e.getValue()
                        + ": expected a non-negative integer id");
            }
            vocabulary.put(e.getKey(), e.getValue().asInt());
        }
        if (vocabulary.isEmpty()) {
            throw new TokenizerFormatException(f.source + ": field model.vocab is empty: expected the WordPiece vocabulary");
        }
        return Map.copyOf(vocabulary);
    }

    private static BertNormalizer readNormalizer(Fields f, JsonNode normalizer) throws TokenizerFormatException {
        if (normalizer == null || normalizer.isNull()) {
            return BertNormalizer.identity();
        }
        f.expectType(normalizer, "normalizer", "BertNormalizer");
        boolean lowercase = f.flag(normalizer, "lowercase");
        // Hugging Face: strip_accents null means "as lowercase".
        JsonNode strip = normalizer.get("strip_accents");
        boolean stripAccents = strip == null || strip.isNull() ? lowercase : f.flag(normalizer, "strip_accents");
        return new BertNormalizer(f.flag(normalizer, "clean_text"), f.flag(normalizer, "handle_chinese_chars"), stripAccents, lowercase);
    }

    private static List<AddedToken> readAddedTokens(Fields f, JsonNode tokens) throws TokenizerFormatException {
        List<AddedToken> added = new ArrayList<>();
        if (tokens == null || tokens.isNull()) {
            return added;
        }
        for (int i = 0; i < tokens.size(); i++) {
            JsonNode t = tokens.get(i);
            String field = "added_tokens[" + i + "]";
            // Only tokens matched on the raw text as written are supported: that is what BERT's special tokens are.
            for (String option : List.of("normalized", "lstrip", "rstrip", "single_word")) {
                if (t.path(option).asBoolean(false)) {
                    throw new TokenizerFormatException(f.source + ": field " + field + "." + option + " is true: expected false "
                            + "(only special tokens matched as written are supported)");
                }
            }
            added.add(new AddedToken(f.text(t, "content", field), f.integer(t, "id", field)));
        }
        // Longest first, so that at one position the longest match wins, as in Hugging Face's leftmost-longest search.
        added.sort(Comparator.comparingInt((AddedToken a) -> -a.content().length()).thenComparing(AddedToken::content));
        return List.copyOf(added);
    }

    private static List<TemplatePart> readTemplate(Fields f, JsonNode processor) throws TokenizerFormatException {
        f.expectType(processor, "post_processor", "TemplateProcessing");
        JsonNode single = processor.get("single");
        if (single == null || !single.isArray()) {
            throw new TokenizerFormatException(f.source + ": field post_processor.single is missing: expected the template for one text");
        }
        List<TemplatePart> parts = new ArrayList<>();
        int sequences = 0;
        for (int i = 0; i < single.size(); i++) {
            JsonNode part = single.get(i);
            String field = "post_processor.single[" + i + "]";
            if (part.has("SpecialToken")) {
                JsonNode special = part.get("SpecialToken");
                String name = f.text(special, "id", field + ".SpecialToken");
                JsonNode ids = processor.path("special_tokens").path(name).path("ids");
                if (ids.size() != 1) {
                    throw new TokenizerFormatException(f.source + ": field post_processor.special_tokens[\"" + name
                            + "\"].ids is " + ids + ": expected exactly one id");
                }
                parts.add(new TemplatePart(ids.get(0).asInt(), f.integer(special, "type_id", field + ".SpecialToken")));
            } else if (part.has("Sequence")) {
                parts.add(new TemplatePart(-1, f.integer(part.get("Sequence"), "type_id", field + ".Sequence")));
                sequences++;
            } else {
                throw new TokenizerFormatException(f.source + ": field " + field + " is " + part + ": expected SpecialToken or Sequence");
            }
        }
        if (sequences != 1) {
            throw new TokenizerFormatException(f.source + ": field post_processor.single has " + sequences
                    + " sequences: expected exactly one");
        }
        return List.copyOf(parts);
    }

    /** The most pieces an encoding has, special tokens included. */
    public int maxLength() {
        return maxLength;
    }

    /** The id of the padding token. */
    public int padId() {
        return padId;
    }

    /** The number of ids in the vocabulary. */
    public int vocabularySize() {
        return vocabulary.size();
    }

    /** Encodes one text: the template's special tokens around its pieces, truncated to {@link #maxLength()}, no padding. */
    public Encoding encode(String text) {
        List<int[]> pieces = new ArrayList<>();
        int budget = maxLength - (int) template.stream().filter(p -> p.id() >= 0).count();
        int position = 0;
        while (position < text.length() && pieces.size() < budget) {
            Match match = nextAddedToken(text, position);
            int segmentEnd = match == null ? text.length() : match.start();
            wordPieces(text, position, segmentEnd, pieces, budget);
            if (match == null) {
                break;
            }
            if (pieces.size() < budget) {
                pieces.add(new int[] {match.token().id(), match.start(), match.start() + match.token().content().length()});
            }
            position = match.start() + match.token().content().length();
        }
        int n = pieces.size() + template.size() - 1;
        int[] ids = new int[n];
        int[] types = new int[n];
        int[] mask = new int[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        boolean[] special = new boolean[n];
        int k = 0;
        for (TemplatePart part : template) {
            if (part.id() >= 0) {
                ids[k] = part.id();
                types[k] = part.typeId();
                special[k] = true;
                mask[k++] = 1;
            } else {
                for (int[] piece : pieces) {
                    ids[k] = piece[0];
                    starts[k] = piece[1];
                    ends[k] = piece[2];
                    types[k] = part.typeId();
                    mask[k++] = 1;
                }
            }
        }
        return new Encoding(ids, types, mask, starts, ends, special);
    }

    /** Encodes each text as {@link #encode} does, then pads all to the longest with {@link #padId()} (attention 0). */
    public List<Encoding> encodeBatch(List<String> texts) {
        List<Encoding> encodings = texts.stream().map(this::encode).toList();
        int longest = encodings.stream().mapToInt(Encoding::length).max().orElse(0);
        return encodings.stream().map(e -> e.padTo(longest, padId)).toList();
    }

    /** The first special token written in {@code text} at or after {@code from}, the longest where several start there. */
    private Match nextAddedToken(String text, int from) {
        Match best = null;
        for (AddedToken token : addedTokens) {
            int at = text.indexOf(token.content(), from);
            if (at >= 0 && (best == null || at < best.start())) {
                best = new Match(token, at);
            }
        }
        return best;
    }

    /** Appends {id, start, end} for each piece of {@code text[from, to)}, stopping at {@code budget} pieces in all. */
    private void wordPieces(String text, int from, int to, List<int[]> pieces, int budget) {
        if (from >= to) {
            return;
        }
        BertNormalizer.Words words = normalizer.words(text, from, to);
        StringBuilder candidate = new StringBuilder();
        for (int w = 0; w < words.count() && pieces.size() < budget; w++) {
            int wordStart = words.wordStart(w);
            int wordEnd = words.wordEnd(w);
            int wordOriginalStart = words.originalStart(wordStart);
            int wordOriginalEnd = words.originalEnd(wordEnd - 1);
            if (wordEnd - wordStart > maxInputCharsPerWord) {
                pieces.add(new int[] {unknownId, wordOriginalStart, wordOriginalEnd});
                continue;
            }
            int mark = pieces.size();
            int start = wordStart;
            while (start < wordEnd) {
                int id = -1;
                int end = Math.min(wordEnd, start + maxPieceLength);
                for (; end > start; end--) {
                    candidate.setLength(0);
                    if (start > wordStart) {
                        candidate.append(continuingPrefix);
                    }
                    for (int c = start; c < end; c++) {
                        candidate.appendCodePoint(words.codePoint(c));
                    }
                    Integer found = vocabulary.get(candidate.toString());
                    if (found != null) {
                        id = found;
                        break;
                    }
                }
                if (id < 0) {
                    // One part of the word is in no piece: the whole word is unknown.
                    pieces.subList(mark, pieces.size()).clear();
                    pieces.add(new int[] {unknownId, wordOriginalStart, wordOriginalEnd});
                    break;
                }
                pieces.add(new int[] {id, words.originalStart(start), words.originalEnd(end - 1)});
                start = end;
            }
            // Truncation drops pieces, not whole words, as Hugging Face's does.
            if (pieces.size() > budget) {
                pieces.subList(budget, pieces.size()).clear();
            }
        }
    }

    @Override
    public String toString() {
        return "WordPieceTokenizer[" + source + ", " + vocabulary.size() + " pieces, maxLength " + maxLength + "]";
    }

    private record AddedToken(String content, int id) {
    }

    private record Match(AddedToken token, int start) {
    }

    /** A special token of the template (id >= 0) or the place of the text's pieces (id -1). */
    private record TemplatePart(int id, int typeId) {
    }

    /** Reads required fields, naming the file and field path in every error. */
    private record Fields(String source) {

        JsonNode object(JsonNode parent, String name) throws TokenizerFormatException {
            JsonNode node = parent.get(name);
            if (node == null || !node.isObject()) {
                throw new TokenizerFormatException(source + ": field " + name + " is " + (node == null ? "missing" : node.getNodeType())
                        + ": expected an object");
            }
            return node;
        }

        void expectType(JsonNode node, String field, String expected) throws TokenizerFormatException {
            String type = node.path("type").asText("");
            if (!type.equals(expected)) {
                throw new TokenizerFormatException(source + ": field " + field + ".type is '" + type + "': expected '" + expected + "'");
            }
        }

        String text(JsonNode parent, String name, String path) throws TokenizerFormatException {
            JsonNode node = parent.get(name);
            if (node == null || !node.isTextual()) {
                throw new TokenizerFormatException(source + ": field " + path + "." + name + " is " + (node == null ? "missing" : node)
                        + ": expected a string");
            }
            return node.asText();
        }

        int integer(JsonNode parent, String name, String path) throws TokenizerFormatException {
            JsonNode node = parent.get(name);
            if (node == null || !node.canConvertToInt()) {
                throw new TokenizerFormatException(source + ": field " + path + "." + name + " is " + (node == null ? "missing" : node)
                        + ": expected an integer");
            }
            return node.asInt();
        }

        boolean flag(JsonNode parent, String name) throws TokenizerFormatException {
            JsonNode node = parent.get(name);
            if (node == null || !node.isBoolean()) {
                throw new TokenizerFormatException(source + ": field normalizer." + name + " is " + (node == null ? "missing" : node)
                        + ": expected true or false");
            }
            return node.asBoolean();
        }

        int id(Map<String, Integer> vocabulary, String token, String field) throws TokenizerFormatException {
            Integer id = vocabulary.get(token);
            if (id == null) {
                throw new TokenizerFormatException(source + ": field " + field + " names '" + token + "', which is not in model.vocab");
            }
            return id;
        }
    }
}
