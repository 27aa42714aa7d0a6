package org.hpolink.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * The job jar the build made (integration tests run after packaging): it holds hpolink and its libraries but no Spark
 * or Scala, and no class in it refers to a library Spark ships in its own version (Jackson, protobuf, Guava, Gson)
 * other than through hpolink's relocated copy, so it cannot clash with the cluster's; nor LibTorch, which only trains.
 */
class JobJarIT {

    private static final Path JAR = Path.of("target", "hpolink-spark-job.jar");

    /** Packages Spark brings in versions of its own, as they appear in class files. */
    private static final List<String> SPARKS_OWN = List.of("com/fasterxml/jackson/", "com/google/protobuf/", "com/google/common/",
            "com/google/gson/");

    /**
     * A reference to one of them in a class file: a class name (after the constant's length bytes) or a descriptor
     * ({@code Lcom/...}), not a web address that holds the same letters ({@code github.com/google/gson/}).
     */
    private static final Pattern REFERENCE = Pattern.compile("(?<![\\w.$/&&[^L]])(" + String.join("|", SPARKS_OWN) + ")");

    @Test
    void leavesSparkOutAndReachesSparksLibrariesOnlyThroughItsOwnCopies() throws IOException {
        assertTrue(Files.isRegularFile(JAR), JAR.toAbsolutePath() + " exists: mvn package builds it");
        List<String> bundled = new ArrayList<>();
        List<String> unrelocated = new ArrayList<>();
        int classes = 0;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertEquals("org.hpolink.spark.AnnotateJob", jar.getManifest().getMainAttributes().getValue("Main-Class"));
            for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.endsWith(".class")) {
                    continue;
                }
                classes++;
                if (name.startsWith("org/apache/spark/") || name.startsWith("scala/") || SPARKS_OWN.stream().anyMatch(name::startsWith)) {
                    bundled.add(name);
                }
                String constants;
                try (InputStream in = jar.getInputStream(entry)) {
                    constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                }
                Matcher reference = REFERENCE.matcher(constants);
                if (reference.find()) {
                    unrelocated.add(name + " refers to " + reference.group(1));
                }
            }
        }
        assertTrue(classes > 1_000, classes + " classes");
        assertEquals(List.of(), bundled);
        assertEquals(List.of(), unrelocated);
    }

    @Test
    void leavesLibTorchOut() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> libTorch = jar.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("pytorch/") || name.startsWith("jnilib/")).toList();
            assertEquals(List.of(), libTorch);
            assertTrue(jar.getEntry("all-minilm-l6-v2-q.onnx") != null, "the grid model's encoder is in the jar");
        }
    }
}
