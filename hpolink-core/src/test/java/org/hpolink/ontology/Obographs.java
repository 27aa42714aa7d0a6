package org.hpolink.ontology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Writes an {@link Hpo} as an obographs document shaped like {@code hp.json}, so that tests (here and in the CLI) can
 * hand {@link HpoJsonReader} a small ontology made in code, such as {@link TinyHpo}.
 */
public final class Obographs {

    /** The release IRI written to {@code meta.version}; the reader takes the release name {@code 2023-01-27} from it. */
    public static final String VERSION = "http://purl.obolibrary.org/obo/hp/releases/2023-01-27/hp.json";

    private Obographs() {
    }

    /** The ontology's terms as nodes with their labels, definitions, synonyms, old ids and deprecation, and is_a edges. */
    public static String json(Hpo hpo) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode document = mapper.createObjectNode();
        ObjectNode graph = document.putArray("graphs").addObject();
        graph.putObject("meta").put("version", VERSION);
        ArrayNode nodes = graph.putArray("nodes");
        ArrayNode edges = graph.putArray("edges");
        for (Term term : hpo.terms()) {
            ObjectNode node = nodes.addObject().put("id", iri(term.id())).put("lbl", term.label()).put("type", "CLASS");
            ObjectNode meta = node.putObject("meta");
            term.definition().ifPresent(definition -> meta.putObject("definition").put("val", definition));
            ArrayNode synonyms = meta.putArray("synonyms");
            for (Synonym synonym : term.synonyms()) {
                String scope = synonym.scope().name().toLowerCase(Locale.ROOT);
                synonyms.addObject().put("pred", "has" + Character.toUpperCase(scope.charAt(0)) + scope.substring(1) + "Synonym")
                        .put("val", synonym.text());
            }
            ArrayNode properties = meta.putArray("basicPropertyValues");
            term.alternativeIds().forEach(alternative -> properties.addObject()
                    .put("pred", "http://www.geneontology.org/formats/oboInOwl#hasAlternativeId").put("val", alternative.value()));
            term.replacedBy().ifPresent(replacement -> properties.addObject()
                    .put("pred", "http://purl.obolibrary.org/obo/IAO_0100001").put("val", replacement.value()));
            if (term.obsolete()) {
                meta.put("deprecated", true);
            }
            term.parents().forEach(parent -> edges.addObject().put("sub", iri(term.id())).put("pred", "is_a").put("obj", iri(parent)));
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a JSON tree to a string does not fail", e);
        }
    }

    private static String iri(HpoId id) {
        return "http://purl.obolibrary.org/obo/HP_" + id.value().substring(3);
    }
}
