package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.hpolink.RealDataFolder;
import org.hpolink.model.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The data folder named by HPOLINK_DATA holds exactly the files {@link DataFile} describes. */
class DataLocationIT {

    private static DataLocation location;

    @BeforeAll
    static void locate() throws IOException {
        // resolved as the other integration tests resolve it: a relative value from where Maven was started
        location = DataLocation.of(Map.of(DataLocation.ENVIRONMENT_VARIABLE, RealDataFolder.folder().toString()), DataLocation.userHome());
    }

    @Test
    void hpoFileIsTheReleaseDataFetchDownloads() throws IOException {
        Path hpo = location.hpoFile();
        try (InputStream in = open(hpo); CountingInputStream counted = new CountingInputStream(in)) {
            assertEquals(DataFile.HPO.sha256(), Sha256.of(counted), hpo.toString());
            assertEquals(DataFile.HPO.size(), counted.count(), hpo.toString());
        }
    }

    @Test
    void trainingFileIsTheOneDataFetchDownloads() throws IOException {
        Path train = location.bc8Train();

        assertEquals(DataFile.BC8_TRAIN.sha256(), Sha256.of(train), train.toString());
        assertEquals(DataFile.BC8_TRAIN.size(), Files.size(train), train.toString());
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
