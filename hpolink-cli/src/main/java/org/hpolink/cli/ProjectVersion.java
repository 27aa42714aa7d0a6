package org.hpolink.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** The hpolink version, the Maven project version written into {@code version.properties} at build time. */
public final class ProjectVersion implements IVersionProvider {

    private static final String RESOURCE = "version.properties";

    /** The project version, such as {@code 0.1.0}. */
    public static String version() {
        try (InputStream in = ProjectVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("org/hpolink/cli/" + RESOURCE + " is missing from the class path: "
                        + "hpolink was not built by Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version == null || version.isBlank() || version.contains("${")) {
                throw new IllegalStateException("org/hpolink/cli/" + RESOURCE + " holds no built version: "
                        + "expected version=<Maven project version>, found " + properties);
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read org/hpolink/cli/" + RESOURCE, e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "hpolink " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
