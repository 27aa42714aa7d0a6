package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import org.hpolink.RealDataFolder;
import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phenopackets.schema.v2.Phenopacket;

/**
 * {@code hpolink annotate --model lexical} on the ten GeneReviews documents of the data folder, in each format: every
 * JSON Lines span covers the document's own characters, and each format reads back with its own parser.
 */
class AnnotateCommandIT {

    @TempDir
    static Path folder;

    private static Path corpus;

    @BeforeAll
    static void findCorpus() {
        corpus = RealDataFolder.folder().resolve("notes").resolve("genereviews");
        assertTrue(Files.isDirectory(corpus.resolve("corpus")), corpus + " holds corpus/");
    }

    private static Path annotate(String format, String output) {
        Path out = folder.resolve(output);
        String given = output.endsWith("/") ? out + "/" : out.toString();
        Run run = RealData.runWithModels(folder.resolve("models"), "annotate", corpus.toString(), "--model", "lexical", "--format", format,
                "--output", given);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith(given + ": 10 documents, 23,606 characters, "), run.out());
        return out;
    }

    @Test
    void everyJsonLinesSpanCoversTheDocumentsOwnCharacters() throws IOException {
        List<String> lines = Files.readAllLines(annotate("jsonl", "genereviews.jsonl"));

        assertEquals(10, lines.size());
        int findings = 0;
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode document = json.readTree(line);
            String text = Files.readString(corpus.resolve("corpus").resolve(document.get("id").asText()));
            for (JsonNode finding : document.get("findings")) {
                StringBuilder covered = new StringBuilder();
                for (JsonNode segment : finding.get("spans")) {
                    covered.append(covered.length() > 0 ? " " : "").append(text, segment.get(0).asInt(), segment.get(1).asInt());
                }
                assertEquals(finding.get("text").asText(), covered.toString(), document.get("id") + " " + finding);
                findings++;
            }
        }
        assertTrue(findings > 200, findings + " findings in ten summaries");
    }

    @Test
    void phenopacketsBiocAndTheTableReadBack() throws Exception {
        Path packets = annotate("phenopacket", "packets/");
        try (Stream<Path> files = Files.list(packets)) {
            for (Path file : files.toList()) {
                Phenopacket.Builder phenopacket = Phenopacket.newBuilder();
                JsonFormat.parser().merge(Files.readString(file), phenopacket);
                assertEquals(file.getFileName().toString(), phenopacket.getId() + ".json");
                assertTrue(phenopacket.getPhenotypicFeaturesCount() > 0, file.toString());
            }
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        org.w3c.dom.Document bioc = factory.newDocumentBuilder().parse(annotate("bioc", "genereviews.xml").toFile());
        assertEquals(10, bioc.getElementsByTagName("document").getLength());
        List<String> table = Files.readAllLines(annotate("tsv", "genereviews.tsv"));
        assertEquals(bioc.getElementsByTagName("annotation").getLength(), table.size() - 1, "a row a finding, as BioC has an annotation a finding");
    }
}
