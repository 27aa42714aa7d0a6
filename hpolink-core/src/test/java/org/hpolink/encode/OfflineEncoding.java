package org.hpolink.encode;

import java.util.List;
import java.util.Locale;

/** Main class of {@link NoNetworkTest}'s JVM: loads a model and encodes with every network access refused. */
public final class OfflineEncoding {

    private OfflineEncoding() {
    }

    public static void main(String[] args) throws Exception {
        NoNetwork.install();
        NoNetwork.selfCheck();
        List<String> phrases = List.of("EARS: low-set ears", "thin helices", "EYES: mild hooding and epicanthus");
        float[][] vectors;
        try (TextEncoder encoder = TextEncoder.open(EncoderModel.ALL_MINILM_L6_V2_Q, EncoderOptions.defaults())) {
            vectors = encoder.embed(phrases, VectorNorm.L2);
        }
        if (NoNetwork.attempts() > 0) {
            System.out.println(NoNetwork.attempts() + " network accesses attempted");
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "encoded %d phrases into %d floats each; no network access attempted%n", vectors.length,
                vectors[0].length);
    }
}
