package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.hpolink.corpus.Finding;
import org.hpolink.eval.AlignmentReportWriter;
import org.hpolink.eval.Bc8Scorer;
import org.hpolink.eval.Counts;
import org.hpolink.eval.ErrorAnalysis;
import org.hpolink.eval.EvaluationTable;
import org.hpolink.eval.HandMadeExample;
import org.hpolink.eval.Metric;
import org.hpolink.eval.MetricCounts;
import org.hpolink.ontology.HpoId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code hpolink evaluate} on the hand-made example of hpolink-core, whose counts were worked out by hand. */
class EvaluateCommandTest {

    @TempDir
    Path folder;

    private Path gold;
    private Path predictions;
    private Path hpo;

    @BeforeEach
    void writeFiles() throws IOException {
        gold = Files.writeString(folder.resolve("gold.tsv"), HandMadeExample.goldTsv());
        predictions = Files.writeString(folder.resolve("pred.tsv"), HandMadeExample.predictionsTsv());
        hpo = TestHpo.flat(folder.resolve("hpo.json"), goldIds());
    }

    /** Every id of the gold file, key and normal: the least an ontology must know for the gold to read. */
    private static List<HpoId> goldIds() {
        return HandMadeExample.gold().observations().stream()
                .flatMap(o -> o.findings().stream())
                .map(Finding::id)
                .toList();
    }

    private static Run run(String... args) {
        return HpolinkCommandTest.run(CommandLine.defaultFactory(), Map.of(), args);
    }

    @Test
    void printsTheHandWorkedCountsAndWritesTheAlignment() throws IOException {
        Path alignment = folder.resolve("alignment.tsv");

        Run run = run("evaluate", "--hpo", hpo.toString(), "--gold", gold.toString(), "--pred", predictions.toString(),
                "--alignment", alignment.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        String expectedTable = table("metric", Map.of(
                "normalization", HandMadeExample.NORMALIZATION, "exact", HandMadeExample.EXACT, "overlap", HandMadeExample.OVERLAP));
        assertEquals(String.join(System.lineSeparator(),
                "gold:        " + gold + " (14 observations; HPO 2023-01-27)",
                "predictions: " + predictions + " (with spans)",
                "",
                expectedTable.replace("\n", System.lineSeparator())
                        + "true negatives: 2 (observations where neither gold nor predictions have a key finding; not part of P, R or F1)",
                "",
                "alignment report: " + alignment + " (20 rows)",
                ""), run.out());

        String report = Files.readString(alignment);
        assertEquals(AlignmentReportWriter.toTsv(Bc8Scorer.score(HandMadeExample.gold(), HandMadeExample.predictions()).rows()), report);
        Map<String, Long> verdicts = report.lines().skip(1)
                .collect(Collectors.groupingBy(line -> line.split("\t", -1)[2], TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("EXACT", 5L, "OVERLAP", 4L, "ID_ONLY", 2L, "MISSED", 4L, "SPURIOUS", 5L), verdicts,
                "the verdicts worked out by hand in HandMadeExample");
    }

    @Test
    void bySectionPrintsEachMetricPerSection() {
        Run run = run("evaluate", "--hpo", hpo.toString(), "--gold", gold.toString(), "--pred", predictions.toString(), "--by-section");

        assertEquals(0, run.exitCode(), run.err());
        String out = run.out().replace(System.lineSeparator(), "\n");
        for (Metric metric : Metric.values()) {
            assertTrue(out.contains("\n\n" + sectionTable(metric)), metric + " per section in:\n" + out);
        }
    }

    @Test
    void errorsPrintsTheErrorKindsOfTheExample() {
        Run run = run("evaluate", "--hpo", hpo.toString(), "--gold", gold.toString(), "--pred", predictions.toString(), "--errors");

        assertEquals(0, run.exitCode(), run.err());
        String out = run.out().replace(System.lineSeparator(), "\n");
        String table = ErrorAnalysis.of(Bc8Scorer.score(HandMadeExample.gold(), HandMadeExample.predictions()), HandMadeExample.gold()).markdown();
        assertTrue(out.endsWith("\n\n" + table), "the error table ends the output:\n" + out);
        assertTrue(table.lines().count() > 3, table);
    }

    @Test
    void predictionsWithoutSpansAreScoredForNormalizationOnly() throws IOException {
        // The example's ids-only file repeats a row where an observation has one id twice (o04, o05), which the
        // official rules reject as duplicate rows; keeping one row of each, o04 and o05 each lose a true positive
        // to a false negative.
        Path idsOnly = Files.write(folder.resolve("ids.tsv"), HandMadeExample.predictionsTsvWithoutSpans().lines().distinct().toList());

        Run run = run("evaluate", "--hpo", hpo.toString(), "--gold", gold.toString(), "--pred", idsOnly.toString(), "--by-section");

        assertEquals(0, run.exitCode(), run.err());
        String out = run.out().replace(System.lineSeparator(), "\n");
        assertTrue(out.contains(idsOnly + " (no spans: normalization only)\n"), out);
        assertTrue(out.contains("\n" + table("metric", Map.of("normalization", new Counts(9, 5, 6)))), out);
        assertTrue(out.contains("\n\nsection (normalization)"), out);
        assertFalse(out.contains("exact"), out);
        assertFalse(out.contains("overlap"), out);
    }

    @Test
    void aBadSpanFailsNamingFileLineAndField() throws IOException {
        List<String> lines = new ArrayList<>(HandMadeExample.predictionsTsv().lines().toList());
        int row = indexOfRow(lines, "o03");
        lines.set(row, lines.get(row).replace("\t0-6", "\t7-3"));
        Path broken = Files.write(folder.resolve("broken.tsv"), lines);

        Run run = run("evaluate", "--hpo", hpo.toString(), "--gold", gold.toString(), "--pred", broken.toString());

        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        String err = run.err().strip();
        assertTrue(err.startsWith("hpolink: error: " + broken + " line " + (row + 1) + ", field Spans: '7-3'"), err);
        assertEquals(1, err.lines().count(), "one line, no stack trace: " + err);
    }

    @Test
    void aGoldIdTheOntologyLacksFailsNamingIt() throws IOException {
        Path smaller = TestHpo.flat(folder.resolve("smaller.json"),
                goldIds().stream().filter(id -> !id.equals(HpoId.of("HP:0000252"))).toList());
        int row = indexOfRow(HandMadeExample.goldTsv().lines().toList(), "o03");

        Run run = run("evaluate", "--hpo", smaller.toString(), "--gold", gold.toString(), "--pred", predictions.toString());

        assertEquals(1, run.exitCode());
        assertEquals("hpolink: error: " + gold + " line " + (row + 1) + ", field HPO Term: HP:0000252 is not in the ontology: "
                + "expected a known HPO id", run.err().strip());
    }

    @Test
    void aMissingFileIsNamed() {
        Path absent = folder.resolve("absent.tsv");

        Run run = run("evaluate", "--hpo", hpo.toString(), "--gold", gold.toString(), "--pred", absent.toString());

        assertEquals(1, run.exitCode());
        assertEquals("hpolink: error: " + absent + ": no such file or folder", run.err().strip());
    }

    @Test
    void withoutHpoOptionTheDataFolderIsRead() throws IOException {
        Path data = Files.createDirectories(folder.resolve("data"));

        Run run = HpolinkCommandTest.run(CommandLine.defaultFactory(), Map.of(DataLocation.ENVIRONMENT_VARIABLE, data.toString()),
                "evaluate", "--gold", gold.toString(), "--pred", predictions.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("hpolink: error: no HPO file in " + data.toAbsolutePath()), run.err());

        TestHpo.flat(Files.createDirectories(data.resolve("hpo")).resolve("hp-2023-01-27.json"), goldIds());
        Run again = HpolinkCommandTest.run(CommandLine.defaultFactory(), Map.of(DataLocation.ENVIRONMENT_VARIABLE, data.toString()),
                "evaluate", "--gold", gold.toString(), "--pred", predictions.toString());

        assertEquals(0, again.exitCode(), again.err());
    }

    @Test
    void goldAndPredictionsComeTogether() {
        Run run = run("evaluate", "--hpo", hpo.toString(), "--gold", gold.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("--gold needs --pred: the predictions to score"), run.err());
    }

    private static int indexOfRow(List<String> lines, String observationId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(observationId + "\t")) {
                return i;
            }
        }
        throw new AssertionError("no row of " + observationId);
    }

    /** The table of {@code counts} as EvaluationTable lays it out, lines in metric order. */
    private static String table(String heading, Map<String, Counts> counts) {
        List<EvaluationTable.Line> lines = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (counts.containsKey(metric.label())) {
                lines.add(new EvaluationTable.Line(metric.label(), counts.get(metric.label())));
            }
        }
        return new EvaluationTable(heading, lines).text();
    }

    /** The hand-worked per-section counts of {@code metric}, laid out as EvaluationTable does. */
    private static String sectionTable(Metric metric) {
        List<EvaluationTable.Line> lines = new ArrayList<>();
        for (Map.Entry<String, MetricCounts> section : HandMadeExample.BY_SECTION.entrySet()) {
            lines.add(new EvaluationTable.Line(section.getKey().isEmpty() ? "(none)" : section.getKey(),
                    section.getValue().get(metric).orElseThrow()));
        }
        return new EvaluationTable("section (" + metric.label() + ")", lines).text();
    }
}
