package org.hpolink.format;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hpolink.assertion.Assertion;
import org.hpolink.corpus.AnnotatedDocument;
import org.hpolink.corpus.DocumentFinding;
import org.hpolink.ontology.HpoId;
import org.phenopackets.schema.v2.Phenopacket;
import org.phenopackets.schema.v2.core.MetaData;
import org.phenopackets.schema.v2.core.OntologyClass;
import org.phenopackets.schema.v2.core.PhenotypicFeature;
import org.phenopackets.schema.v2.core.Resource;

/**
 * A document's findings as a Phenopacket v2 (the GA4GH schema, read by Exomiser and LIRICAL): its id the document's,
 * one phenotypic feature per distinct HPO id and assertion, in the order of their first mention. Present findings are
 * features, negated ones features with {@code excluded: true}, historical ones features said to be resolved; the
 * feature's description quotes the text and offsets of its mentions. Family and hypothetical findings are not the
 * patient's and are left out. The metadata name the HPO release and the hpolink version.
 */
public final class Phenopackets {

    private static final JsonFormat.Printer PRETTY = JsonFormat.printer();
    private static final JsonFormat.Printer ONE_LINE = JsonFormat.printer().omittingInsignificantWhitespace();

    private final MetaData metaData;

    /**
     * @param hpoRelease the release of the ids, such as {@code 2023-01-27}
     * @param createdBy  the tool that made them, such as {@code hpolink 0.1.0}
     * @param created    when they were made
     */
    public Phenopackets(String hpoRelease, String createdBy, Instant created) {
        this.metaData = MetaData.newBuilder()
                .setCreated(Timestamp.newBuilder().setSeconds(created.getEpochSecond()).setNanos(created.getNano()))
                .setCreatedBy(createdBy)
                .addResources(Resource.newBuilder()
                        .setId("hp")
                        .setName("human phenotype ontology")
                        .setUrl("http://purl.obolibrary.org/obo/hp.json")
                        .setVersion(hpoRelease)
                        .setNamespacePrefix("HP")
                        .setIriPrefix("http://purl.obolibrary.org/obo/HP_"))
                .setPhenopacketSchemaVersion("2.0")
                .build();
    }

    /** The Phenopacket of a document. */
    public Phenopacket of(AnnotatedDocument document) {
        Map<Feature, List<DocumentFinding>> features = document.findings().stream()
                .filter(f -> f.assertion() != Assertion.FAMILY && f.assertion() != Assertion.HYPOTHETICAL)
                .collect(Collectors.groupingBy(f -> new Feature(f.id(), f.label(), f.assertion()), LinkedHashMap::new, Collectors.toList()));
        Phenopacket.Builder phenopacket = Phenopacket.newBuilder().setId(document.id()).setMetaData(metaData);
        String text = document.document().text();
        features.forEach((feature, mentions) -> phenopacket.addPhenotypicFeatures(PhenotypicFeature.newBuilder()
                .setType(OntologyClass.newBuilder().setId(feature.id().toString()).setLabel(feature.label()))
                .setExcluded(feature.assertion() == Assertion.NEGATED)
                .setDescription(mentions.stream().map(m -> "\"" + m.coveredText(text) + "\" at " + m.span()).collect(Collectors.joining("; "))
                        + (feature.assertion() == Assertion.HISTORICAL ? " (resolved)" : ""))));
        return phenopacket.build();
    }

    /** The Phenopacket's JSON, indented. */
    public static String json(Phenopacket phenopacket) {
        return print(PRETTY, phenopacket);
    }

    /** The Phenopacket's JSON on one line. */
    public static String jsonLine(Phenopacket phenopacket) {
        return print(ONE_LINE, phenopacket);
    }

    private static String print(JsonFormat.Printer printer, Phenopacket phenopacket) {
        try {
            return printer.print(phenopacket);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            // Only Any fields with unknown types fail to print, and a Phenopacket made here has none.
            throw new IllegalStateException("cannot print phenopacket " + phenopacket.getId() + ": " + e.getMessage(), e);
        }
    }

    /** What makes one phenotypic feature: the term and what is asserted of it. */
    private record Feature(HpoId id, String label, Assertion assertion) {
    }
}
