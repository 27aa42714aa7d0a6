package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class WriterProgressConsumerTest {

    /** A redraw from the bar's timer thread after the line was ended must not reopen it: an error would follow on it. */
    @Test
    void nothingIsDrawnAfterTheLineIsEnded() {
        StringWriter written = new StringWriter();
        WriterProgressConsumer consumer = new WriterProgressConsumer(new PrintWriter(written));

        consumer.accept("annotating 0%");
        consumer.close();
        consumer.accept("annotating 0%");
        consumer.close();

        assertEquals("\rannotating 0%" + System.lineSeparator(), written.toString());
    }

    /** A bar closed at once, as by a run that fails on its first document, still ends its line. */
    @Test
    void aBarClosedAtOnceEndsItsLine() {
        for (int i = 0; i < 200; i++) {
            StringWriter written = new StringWriter();
            Progress.ofCharacters("annotating", 0, new PrintWriter(written)).close();
            assertTrue(written.toString().endsWith(System.lineSeparator()), "round " + i + ": " + written);
        }
    }
}
