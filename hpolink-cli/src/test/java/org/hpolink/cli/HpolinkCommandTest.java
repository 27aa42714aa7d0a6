package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class HpolinkCommandTest {

    /** What one in-process run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    static Run run(CommandLine.IFactory factory, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = HpolinkCommand.commandLine(factory, environment);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(CommandLine.defaultFactory(), Map.of(), args);
    }

    @Test
    void helpListsTheCommands() {
        Run run = run("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: hpolink "), run.out());
        for (String command : new String[] {"annotate", "predict", "extract", "normalize", "train", "evaluate", "data", "corpus", "hpo", "llm", "serve", "spark", "bench"}) {
            assertTrue(run.out().contains("  " + command + " "), command + " in:\n" + run.out());
        }
        assertEquals("", run.err());
    }

    @Test
    void subcommandHelpDescribesItsOptions() {
        Run run = run("data", "fetch", "--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: hpolink data fetch "), run.out());
        assertTrue(run.out().contains("--dir=DIR"), run.out());
        assertTrue(run.out().contains("--force"), run.out());
    }

    @Test
    void versionIsTheMavenProjectVersion() {
        String expected = System.getProperty("hpolink.expectedVersion");
        assertTrue(expected != null && !expected.isBlank(), "surefire must pass hpolink.expectedVersion");

        Run run = run("--version");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("hpolink " + expected + System.lineSeparator()), run.out());
    }

    @Test
    void anUnknownCommandFailsNamingIt() {
        Run run = run("frobnicate");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("Unmatched argument at index 0: 'frobnicate'"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aGroupWithoutASubcommandFailsShowingUsage() {
        Run run = run("data");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("Missing required subcommand"), run.err());
        assertTrue(run.err().contains("fetch"), run.err());
    }
}
