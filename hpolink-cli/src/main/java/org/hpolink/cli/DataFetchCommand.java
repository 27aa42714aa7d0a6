package org.hpolink.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hpolink data fetch}: downloads the {@link DataFile}s, verified, into the data folder. */
@Command(
        name = "fetch",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Download the HPO release 2023-01-27 and the BC8 Track 3 training file from their official addresses, "
                    + "checking each file's SHA-256. Files already present with the right hash are kept.",
            "The data folder is HPOLINK_DATA when set, otherwise ~/.cache/hpolink/data."
        })
public final class DataFetchCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Download into DIR instead of the data folder.")
    private Path dir;

    @Option(names = "--force", description = "Download every file again, even when present and verified.")
    private boolean force;

    @Spec
    private CommandSpec spec;

    private final List<DataFile> files;

    /** Fetches the official files. */
    public DataFetchCommand() {
        this(DataFile.OFFICIAL);
    }

    /** Fetches {@code files}; tests point it at a local server. */
    public DataFetchCommand(List<DataFile> files) {
        this.files = List.copyOf(files);
    }

    @Override
    public Integer call() throws Exception {
        Path folder = dir != null ? dir : HpolinkCommand.of(spec).dataFolder();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataFetcher fetcher = new DataFetcher(DataFetcher.defaultClient(), () -> new WriterProgressConsumer(err));
        DataFetcher.WhenPresent whenPresent =
                force ? DataFetcher.WhenPresent.DOWNLOAD_AGAIN : DataFetcher.WhenPresent.KEEP_IF_VERIFIED;
        for (DataFile file : files) {
            DataFetcher.Result result = fetcher.fetch(file, folder, whenPresent);
            out.printf(Locale.ROOT, "%s: %s, sha256 verified%n", result.path(),
                    result.outcome() == DataFetcher.Outcome.DOWNLOADED ? "downloaded from " + file.url() : "already present");
            out.flush();
        }
        return 0;
    }
}
