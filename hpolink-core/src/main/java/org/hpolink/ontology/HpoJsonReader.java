package org.hpolink.ontology;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an HPO release in obographs JSON ({@code hp.json}), plain or gzipped, into an {@link Hpo}.
 *
 * <p>From {@code graphs[0]} it keeps the nodes whose id is an {@code http://purl.obolibrary.org/obo/HP_} IRI and
 * whose type is {@code CLASS}, with their label, synonyms, {@code deprecated} flag, alternative ids
 * ({@code oboInOwl#hasAlternativeId}), replacement ({@code IAO_0100001}) and definition, and the {@code is_a} edges
 * between two such classes; the release name comes from {@code meta.version}. Everything else is skipped. The
 * {@link Hpo#sha256} is that of the bytes read (the compressed ones for a gzipped file).
 *
 * <p>The document is streamed: only one node or edge is held as a JSON tree at a time. Stateless and thread-safe.
 */
public final class HpoJsonReader {

    private static final String HP_IRI = "http://purl.obolibrary.org/obo/HP_";
    private static final String ALTERNATIVE_ID = "http://www.geneontology.org/formats/oboInOwl#hasAlternativeId";
    private static final String REPLACED_BY = "http://purl.obolibrary.org/obo/IAO_0100001";
    private static final Map<String, SynonymScope> SCOPES = Map.of(
            "hasExactSynonym", SynonymScope.EXACT,
            "hasRelatedSynonym", SynonymScope.RELATED,
            "hasBroadSynonym", SynonymScope.BROAD,
            "hasNarrowSynonym", SynonymScope.NARROW);
    private static final Pattern RELEASE = Pattern.compile("/releases/(\\d{4}-\\d{2}-\\d{2})/");
    private static final int BUFFER_SIZE = 1 << 16;

    // The caller owns the stream: the parser must not close it, since the rest is drained for the hash afterwards.
    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build());

    /** Reads a file, gzipped or not, whatever its name. */
    public Hpo read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    /**
     * Reads a stream to its end, gzipped or not (told by its first two bytes), without closing it.
     *
     * @param sourceName names the source in error messages
     * @throws HpoFormatException if the bytes are not gzip or JSON, not an obographs document, or not a consistent
     *         ontology (see {@link Hpo}); the message names the source, line, field and what was expected
     */
    public Hpo read(InputStream in, String sourceName) throws IOException {
        MessageDigest sha256 = newSha256();
        DigestInputStream digesting = new DigestInputStream(in, sha256);
        BufferedInputStream buffered = new BufferedInputStream(digesting, BUFFER_SIZE);
        Graph graph;
        try {
            graph = readDocument(isGzip(buffered) ? new GZIPInputStream(buffered, BUFFER_SIZE) : buffered, sourceName);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new HpoFormatException(sourceName + where + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (ZipException | EOFException e) {
            throw new HpoFormatException(sourceName + ": corrupt or truncated gzip data: " + e.getMessage(), e);
        }
        // The parser may stop before the last bytes (gzip trailer, trailing blanks); the hash must cover them all.
        digesting.transferTo(OutputStream.nullOutputStream());
        String hash = HexFormat.of().formatHex(sha256.digest());
        try {
            return Hpo.of(graph.release(), hash, graph.terms());
        } catch (IllegalArgumentException e) {
            throw new HpoFormatException(sourceName + ": not a consistent ontology: " + e.getMessage(), e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip;
    }

    private Graph readDocument(InputStream json, String source) throws IOException {
        try (JsonParser parser = mapper.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new HpoFormatException(source + ": expected a JSON object at the top level, found " + parser.currentToken());
            }
            Graph graph = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!field.equals("graphs")) {
                    parser.skipChildren();
                } else if (value != JsonToken.START_ARRAY) {
                    throw new HpoFormatException(source + ", line " + line(parser) + ": graphs: expected an array");
                } else if (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        throw new HpoFormatException(source + ", line " + line(parser) + ": graphs[0]: expected an object");
                    }
                    graph = readGraph(parser, source);
                    // Only graphs[0] is the ontology; skip any others.
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        parser.skipChildren();
                    }
                }
            }
            if (parser.nextToken() != null) {
                throw new HpoFormatException(source + ", line " + line(parser) + ": content after the top-level object: expected the end of the document");
            }
            if (graph == null) {
                throw new HpoFormatException(source + ": no graphs[0]: expected an obographs document {\"graphs\": [{\"nodes\": [...], \"edges\": [...]}]}");
            }
            return graph;
        }
    }

    private Graph readGraph(JsonParser parser, String source) throws IOException {
        Graph graph = new Graph(source);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "nodes" -> readObjects(parser, new Where(source, "graphs[0].nodes", -1, line(parser)), graph::addNode);
                case "edges" -> readObjects(parser, new Where(source, "graphs[0].edges", -1, line(parser)), graph::addEdge);
                case "meta" -> {
                    Where where = new Where(source, "graphs[0].meta", -1, line(parser));
                    graph.meta(mapper.readTree(parser), where);
                }
                default -> parser.skipChildren();
            }
        }
        return graph;
    }

    private void readObjects(JsonParser parser, Where array, ObjectHandler handler) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw array.error("expected an array");
        }
        for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
            Where element = new Where(array.source(), array.path(), index, line(parser));
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw element.error("expected an object");
            }
            handler.accept(mapper.readTree(parser), element);
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    @FunctionalInterface
    private interface ObjectHandler {
        void accept(JsonNode object, Where where) throws HpoFormatException;
    }

    /**
     * Where something is in the document, for error messages: {@code index} is -1 for a whole array or object, and
     * {@code line} is where the node, edge or meta object starts.
     */
    private record Where(String source, String path, int index, int line) {

        /** A place inside this one, such as {@code meta.synonyms} with its index. */
        Where at(String field, int fieldIndex) {
            return new Where(source, this + "." + field, fieldIndex, line);
        }

        HpoFormatException error(String detail) {
            return new HpoFormatException(source + ", line " + line + ": " + this + ": " + detail);
        }

        @Override
        public String toString() {
            return path + (index < 0 ? "" : "[" + index + "]");
        }
    }

    private record IsA(String subject, String object, Where where) {
    }

    /** A node kept as an HP class, before the edges and other nodes it depends on are known. */
    private static final class Draft {
        final Where where;
        final Term.Builder term;
        final HpoId id;
        final List<HpoId> alternativeIds = new ArrayList<>();
        final Set<HpoId> replacements = new LinkedHashSet<>();
        // A set: a repeated edge says nothing new.
        final SortedSet<HpoId> parents = new TreeSet<>();

        Draft(Where where, HpoId id) {
            this.where = where;
            this.id = id;
            this.term = Term.builder(id);
        }
    }

    /** What one {@code graphs[0]} holds, collected in document order (edges may come before nodes) and then joined. */
    private static final class Graph {
        private final String source;
        // Document order, so that the first faulty node is the one reported.
        private final Map<HpoId, Draft> drafts = new LinkedHashMap<>();
        private final List<IsA> isAEdges = new ArrayList<>();
        private String release;

        Graph(String source) {
            this.source = source;
        }

        void meta(JsonNode meta, Where where) throws HpoFormatException {
            String version = text(meta, "version", where).orElseThrow(() -> where.error("no version: expected a release IRI such as "
                    + "http://purl.obolibrary.org/obo/hp/releases/2023-01-27/hp.json"));
            Matcher matcher = RELEASE.matcher(version);
            if (!matcher.find()) {
                throw where.error("version '" + version + "' names no release: expected an IRI with /releases/YYYY-MM-DD/");
            }
            release = matcher.group(1);
        }

        void addNode(JsonNode node, Where where) throws HpoFormatException {
            String iri = requiredText(node, "id", where);
            if (!iri.startsWith(HP_IRI) || !"CLASS".equals(text(node, "type", where).orElse(null))) {
                return;
            }
            Draft draft = new Draft(where, parseId(iri, "id", where));
            if (drafts.putIfAbsent(draft.id, draft) != null) {
                throw where.error(draft.id + " appears a second time: first at line " + drafts.get(draft.id).where.line());
            }
            draft.term.label(requiredText(node, "lbl", where));
            JsonNode meta = node.path("meta");
            JsonNode deprecated = meta.path("deprecated");
            if (!deprecated.isMissingNode() && !deprecated.isBoolean()) {
                throw where.error("meta.deprecated is " + deprecated + ": expected true or false");
            }
            if (deprecated.asBoolean(false)) {
                draft.term.obsolete();
            }
            text(meta.path("definition"), "val", where.at("meta.definition", -1)).ifPresent(draft.term::definition);
            JsonNode synonyms = array(meta, "synonyms", where);
            for (int i = 0; i < synonyms.size(); i++) {
                Where at = where.at("meta.synonyms", i);
                String predicate = requiredText(synonyms.get(i), "pred", at);
                SynonymScope scope = SCOPES.get(predicate);
                if (scope == null) {
                    throw at.error(draft.id + ": pred '" + predicate + "': expected one of " + SCOPES.keySet().stream().sorted().toList());
                }
                draft.term.synonym(requiredText(synonyms.get(i), "val", at), scope);
            }
            JsonNode properties = array(meta, "basicPropertyValues", where);
            for (int i = 0; i < properties.size(); i++) {
                Where at = where.at("meta.basicPropertyValues", i);
                String predicate = requiredText(properties.get(i), "pred", at);
                if (predicate.equals(ALTERNATIVE_ID)) {
                    draft.alternativeIds.add(parseId(requiredText(properties.get(i), "val", at), "val", at));
                } else if (predicate.equals(REPLACED_BY)) {
                    draft.replacements.add(parseId(requiredText(properties.get(i), "val", at), "val", at));
                }
            }
        }

        void addEdge(JsonNode edge, Where where) throws HpoFormatException {
            String subject = requiredText(edge, "sub", where);
            String object = requiredText(edge, "obj", where);
            if (requiredText(edge, "pred", where).equals("is_a") && subject.startsWith(HP_IRI) && object.startsWith(HP_IRI)) {
                isAEdges.add(new IsA(subject, object, where));
            }
        }

        String release() throws HpoFormatException {
            if (release == null) {
                throw new HpoFormatException(source + ": graphs[0] has no meta: expected meta.version naming the release");
            }
            return release;
        }

        List<Term> terms() throws HpoFormatException {
            for (IsA edge : isAEdges) {
                Draft child = drafts.get(parseId(edge.subject(), "sub", edge.where()));
                HpoId parent = parseId(edge.object(), "obj", edge.where());
                if (child != null && drafts.containsKey(parent)) {
                    child.parents.add(parent);
                }
            }
            Map<HpoId, HpoId> alternativeIdOwners = new HashMap<>();
            drafts.values().forEach(draft -> draft.alternativeIds.forEach(alternative -> alternativeIdOwners.put(alternative, draft.id)));
            List<Term> terms = new ArrayList<>(drafts.size());
            for (Draft draft : drafts.values()) {
                draft.alternativeIds.forEach(draft.term::alternativeId);
                draft.parents.forEach(draft.term::parent);
                if (!draft.replacements.isEmpty()) {
                    draft.term.replacedBy(soleReplacement(draft, alternativeIdOwners.get(draft.id)));
                }
                try {
                    terms.add(draft.term.build());
                } catch (IllegalArgumentException e) {
                    throw draft.where.error(e.getMessage());
                }
            }
            return terms;
        }

        /**
         * A term has one replacement; where a release lists several (HP:0000535 in 2023-01-27), the one that also
         * lists the obsolete id as alternative is meant.
         */
        private static HpoId soleReplacement(Draft draft, HpoId alternativeIdOwner) throws HpoFormatException {
            if (draft.replacements.size() == 1) {
                return draft.replacements.iterator().next();
            }
            if (alternativeIdOwner != null && draft.replacements.contains(alternativeIdOwner)) {
                return alternativeIdOwner;
            }
            throw draft.where.error(draft.id + " has replacements " + draft.replacements + " (IAO_0100001), none of which lists it "
                    + "as alternative id: expected one replacement");
        }
    }

    private static HpoId parseId(String value, String field, Where where) throws HpoFormatException {
        String curie = value.startsWith(HP_IRI) ? "HP:" + value.substring(HP_IRI.length()) : value;
        if (!HpoId.isValid(curie)) {
            throw where.error(field + " '" + value + "': expected an HPO id such as HP:0000369 or " + HP_IRI + "0000369");
        }
        return HpoId.of(curie);
    }

    private static Optional<String> text(JsonNode object, String field, Where where) throws HpoFormatException {
        JsonNode value = object.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw where.error(field + " is " + value + ": expected a string");
        }
        return Optional.of(value.textValue());
    }

    private static String requiredText(JsonNode object, String field, Where where) throws HpoFormatException {
        return text(object, field, where).orElseThrow(() -> where.error("no " + field + ": expected a string"));
    }

    /** The array {@code meta.field} of objects; an empty one if absent. */
    private static JsonNode array(JsonNode meta, String field, Where where) throws HpoFormatException {
        JsonNode value = meta.path(field);
        if (value.isMissingNode()) {
            return MissingNode.getInstance();
        }
        if (!value.isArray()) {
            throw where.error("meta." + field + " is " + value + ": expected an array");
        }
        for (JsonNode element : value) {
            if (!element.isObject()) {
                throw where.error("meta." + field + " holds " + element + ": expected objects");
            }
        }
        return value;
    }
}
