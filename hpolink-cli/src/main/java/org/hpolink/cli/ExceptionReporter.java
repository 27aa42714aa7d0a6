package org.hpolink.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports a failed command as one line, {@code hpolink: error: <message>}, adding the stack trace only for
 * {@code --verbose} or when {@code HPOLINK_DEBUG} is set: users need the reason, developers the trace.
 */
final class ExceptionReporter implements IExecutionExceptionHandler {

    static final String DEBUG_VARIABLE = "HPOLINK_DEBUG";

    private final boolean debugFromEnvironment;

    ExceptionReporter(Map<String, String> environment) {
        String debug = environment.get(DEBUG_VARIABLE);
        this.debugFromEnvironment = debug != null && !debug.isEmpty();
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getColorScheme().errorText("hpolink: error: " + message(exception)));
        if (debugFromEnvironment || root(commandLine).verbose()) {
            exception.printStackTrace(err);
        }
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnExecutionException();
    }

    private static HpolinkCommand root(CommandLine commandLine) {
        CommandLine root = commandLine;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand();
    }

    /**
     * The exception's message on one line; the exception's type when it has none. These two file-system errors have the
     * bare path as their message, so the reason is added.
     */
    private static String message(Exception exception) {
        if (exception instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file or folder";
        }
        if (exception instanceof AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        String message = exception.getMessage();
        return message == null || message.isBlank() ? exception.toString() : message.replaceAll("\\R+", " ");
    }
}
