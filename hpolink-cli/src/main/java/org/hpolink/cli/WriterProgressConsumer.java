package org.hpolink.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Renders a progress bar on a {@link PrintWriter}, redrawing the line with a carriage return, so progress goes
 * wherever the command's error stream goes (a terminal, or a test's buffer).
 */
final class WriterProgressConsumer implements ProgressBarConsumer {

    private static final int WIDTH = 100;
    private static final int FIRST_DRAW_SECONDS = 5;

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

    /** Released by the first draw. */
    private final CountDownLatch drawn = new CountDownLatch(1);

    @Override
    public synchronized void accept(String rendered) {
        if (!closed) {
            out.print("\r" + rendered);
            out.flush();
        }
        drawn.countDown();
    }

    /**
     * Waits (a few seconds at most) for the bar's first draw. The library ends the bar's line only from a refresh after
     * its first one: a bar closed before its timer thread first drew it draws once and leaves the line open, so that an
     * error message would follow on it. The timer thread runs one task at a time, so a bar closed after this returns
     * has its line ended.
     */
    void awaitFirstDraw() {
        try {
            drawn.await(FIRST_DRAW_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
