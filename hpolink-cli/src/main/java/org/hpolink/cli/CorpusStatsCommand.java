package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.CorpusStats;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hpolink corpus stats FILE}: the counts that describe an annotated BC8 file. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Print the counts that describe an annotated BC8 file.",
            "Observations, key and normal findings, distinct ids, discontinuous and overlapping findings, and key "
                    + "findings per section.",
            "HPO ids are checked for their form only, not against an ontology, so files annotated against any HPO "
                    + "release can be described."
        })
final class CorpusStatsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE",
            description = "An annotated BC8 file, such as bc8t3/train.tsv of the data folder.")
    private Path file;

    @Spec
    private CommandSpec spec;

    private record Figure(int count, String what) {
    }

    @Override
    public Integer call() throws IOException {
        Corpus corpus = new Bc8CorpusReader(id -> true).read(file);
        CorpusStats stats = CorpusStats.of(corpus);
        List<Figure> figures = List.of(
                new Figure(stats.observations(), "observations"),
                new Figure(stats.keyFindings(), "key findings"),
                new Figure(stats.distinctKeyIds(), "distinct ids among the key findings"),
                new Figure(stats.normalFindings(), "normal findings"),
                new Figure(stats.discontinuousKeyFindings(), "discontinuous key findings"),
                new Figure(stats.overlappingKeyPairs(), "pairs of overlapping key findings (same observation)"),
                new Figure(stats.observationsWithoutFindings(), "observations without any finding"),
                new Figure(stats.observationsWithoutKeyFindings(), "observations without a key finding"));

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s (sha256 %s)%n", corpus.source(), corpus.sha256());
        int width = figures.stream().mapToInt(f -> grouped(f.count()).length()).max().orElse(0);
        for (Figure figure : figures) {
            out.printf(Locale.ROOT, "  %" + width + "s %s%n", grouped(figure.count()), figure.what());
        }
        out.println();
        out.println("key findings by section:");
        Map<String, Integer> bySection = stats.keyFindingsBySection();
        int nameWidth = bySection.keySet().stream().mapToInt(name -> sectionLabel(name).length()).max().orElse(0);
        int countWidth = bySection.values().stream().mapToInt(count -> grouped(count).length()).max().orElse(0);
        bySection.forEach((name, count) -> out.printf(Locale.ROOT, "  %-" + nameWidth + "s  %" + countWidth + "s%n",
                sectionLabel(name), grouped(count)));
        out.flush();
        return 0;
    }

    private static String grouped(int count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** Observations without a header have the section name {@code ""}. */
    private static String sectionLabel(String name) {
        return name.isEmpty() ? "(none)" : name;
    }
}
