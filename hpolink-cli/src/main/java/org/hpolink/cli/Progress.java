package org.hpolink.cli;

import java.io.PrintWriter;
import java.util.function.UnaryOperator;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The progress bars of long commands, drawn alike on the command's error stream so that standard output stays clean. */
final class Progress {

    private static final int UPDATE_MILLIS = 250;

    private Progress() {
    }

    /** A bar of {@code total} steps, such as observations annotated. */
    static ProgressBar of(String task, long total, PrintWriter err) {
        return started(task, err, builder -> builder.setInitialMax(total));
    }

    /** A bar of characters of text, shown in kB; {@code total} -1 when it is not known. */
    static ProgressBar ofCharacters(String task, long total, PrintWriter err) {
        return started(task, err, builder -> builder.setInitialMax(total).setUnit(" kB", 1000));
    }

    /**
     * A bar for one step whose progress cannot be observed (training is a single call into the core): it shows that
     * the command is working and for how long.
     */
    static ProgressBar running(String task, PrintWriter err) {
        return started(task, err, builder -> builder.setInitialMax(-1).hideEta());
    }

    /** A bar set up alike and then as {@code settings} say, returned once drawn (see {@link WriterProgressConsumer#awaitFirstDraw}). */
    private static ProgressBar started(String task, PrintWriter err, UnaryOperator<ProgressBarBuilder> settings) {
        WriterProgressConsumer consumer = new WriterProgressConsumer(err);
        ProgressBar bar = settings.apply(new ProgressBarBuilder()
                .setTaskName(task)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(UPDATE_MILLIS)
                .setConsumer(consumer)).build();
        consumer.awaitFirstDraw();
        return bar;
    }
}
