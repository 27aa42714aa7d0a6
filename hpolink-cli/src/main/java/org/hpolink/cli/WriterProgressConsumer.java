package org.hpolink.cli;

import java.io.PrintWriter;

import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Renders a progress bar on a {@link PrintWriter}, redrawing the line with a carriage return, so progress goes
 * wherever the command's error stream goes (a terminal, or a test's buffer).
 */
final class WriterProgressConsumer implements ProgressBarConsumer {

    private static final int WIDTH = 100;

    private final PrintWriter out;

    WriterProgressConsumer(PrintWriter out) {
        this.out = out;
    }

    @Override
    public int getMaxRenderedLength() {
        return WIDTH;
    }

    /** Set once the bar's line is ended: a redraw the bar's timer thread sends later would reopen it. */
    private boolean closed;

    @Override
    public synchronized void accept(String rendered) {
        if (!closed) {
            out.print("\r" + rendered);
            out.flush();
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            out.println();
            out.flush();
        }
    }
}
