package org.hpolink.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A data file hpolink downloads: where from, where to (relative to the data folder), and what it must hash to.
 *
 * @param url          the official address; redirects are followed
 * @param relativePath the path under the data folder, with {@code /} separators
 * @param sha256       the lower-case hex SHA-256 of the file's bytes
 * @param size         the file's length in bytes, used for progress when the server does not send one
 */
public record DataFile(URI url, String relativePath, String sha256, long size) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** HPO release 2023-01-27, obographs JSON (unzipped). */
    public static final DataFile HPO = new DataFile(
            URI.create("http://purl.obolibrary.org/obo/hp/releases/2023-01-27/hp.json"),
            "hpo/hp-2023-01-27.json",
            "8d67da16fbe4dc4520ceb5a4b909229017a81fa9a028a1bc893766ee9bcc0ddd",
            22_831_521L);

    /** The BioCreative VIII Track 3 training set, as published by the Campbell lab at commit ef223df. */
    public static final DataFile BC8_TRAIN = new DataFile(
            URI.create("https://raw.githubusercontent.com/Ian-Campbell-Lab/Clinical-Genetics-Training-Data/ef223df/"
                    + "Physical-Exam/Clinical-Genetics-Physical-Exam-Data-Train.tsv"),
            "bc8t3/train.tsv",
            "8d30da5dde0d331f7227adfdedba6f34fd994d26eabc6f253d76a44efd01ff84",
            376_045L);

    /** Everything {@code hpolink data fetch} downloads, in download order. */
    public static final List<DataFile> OFFICIAL = List.of(HPO, BC8_TRAIN);

    public DataFile {
        if (url == null || !url.isAbsolute()
                || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("data file url '" + url + "' is not an absolute http(s) address");
        }
        if (relativePath == null || relativePath.isEmpty() || relativePath.startsWith("/")
                || Path.of(relativePath).isAbsolute() || List.of(relativePath.split("/")).contains("..")) {
            throw new IllegalArgumentException("data file path '" + relativePath
                    + "' must be relative to the data folder and stay inside it");
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 '" + sha256 + "' of " + url
                    + " is not 64 lower-case hex digits");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size " + size + " of " + url + " is negative");
        }
    }

    /** Where this file lies under {@code dataFolder}. */
    public Path in(Path dataFolder) {
        return dataFolder.resolve(relativePath);
    }
}
