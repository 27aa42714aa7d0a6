package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hpolink.text.Document;
import org.junit.jupiter.api.Test;

class ProfileTest {

    private static String window(Profile profile, String text) {
        return profile.segmenter().segment(new Document("d", text)).windows().get(0).observation().text();
    }

    @Test
    void theNotesProfileReadsNotesWithTheirAbbreviationsWrittenOutAndTheExamProfileAsWritten() {
        String note = "Hx of recurrent OM, Sz and b/l upslanting PFs.";

        assertEquals("Hx of recurrent otitis media, seizure and bilateral upslanting palpebral fissures.", window(Profile.NOTES, note));
        assertEquals(note, window(Profile.EXAM, note));
    }
}
