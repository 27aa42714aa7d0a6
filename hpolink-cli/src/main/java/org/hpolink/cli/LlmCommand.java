package org.hpolink.cli;

import picocli.CommandLine.Command;

/** {@code hpolink llm}: commands about the LLM extractor. */
@Command(
        name = "llm",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = "Work with the LLM extractor (--model llm or lexical+llm).",
        subcommands = LlmExportFinetuneCommand.class)
final class LlmCommand {
}
