package org.hpolink.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests as lower-case hex: how provenance, bundles and the data files identify the files models and
 * figures come from.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** A fresh SHA-256 digest; every Java platform must provide the algorithm. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    /** The digest of what {@code digest} was fed, which it then forgets. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String of(byte[] bytes) {
        MessageDigest digest = newDigest();
        digest.update(bytes);
        return hex(digest);
    }

    /** The digest of everything left in {@code in}; does not close it. */
    public static String of(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return hex(digest);
    }

    /**
     * The bytes of a file a model bundle's manifest records by digest ({@code what}, for the messages).
     *
     * @throws IOException naming the file when it is missing or its digest is not {@code expected}
     */
    public static byte[] readChecked(Path file, String expected, String what) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file: " + what + " should be here", e);
        }
        String actual = of(bytes);
        if (!actual.equals(expected)) {
            throw new IOException(file + ": SHA-256 " + actual + ", but the manifest expects " + expected
                    + ": the file was changed or belongs to another model");
        }
        return bytes;
    }

    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }
}
