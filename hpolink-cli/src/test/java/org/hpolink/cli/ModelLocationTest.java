package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Where the lexical model is looked for. */
class ModelLocationTest {

    private static final Path HOME = Path.of("/home/someone");

    @Test
    void aGivenFolderIsUsedAsItIs() {
        Path given = Path.of("/models/mine");

        ModelLocation location = ModelLocation.of(given, Map.of(ModelLocation.ENVIRONMENT_VARIABLE, "/elsewhere"), HOME, ModelLocation.LEXICAL);

        assertEquals(new ModelLocation(given, ModelLocation.Origin.GIVEN), location);
    }

    @Test
    void theDefaultIsTheLexicalFolderOfHpolinkModels() {
        ModelLocation location = ModelLocation.of(null, Map.of(ModelLocation.ENVIRONMENT_VARIABLE, "/srv/models"), HOME, ModelLocation.LEXICAL);

        assertEquals(new ModelLocation(Path.of("/srv/models/lexical"), ModelLocation.Origin.DEFAULT), location);
    }

    @Test
    void withoutHpolinkModelsTheDefaultIsInTheUsersCache() {
        Path expected = Path.of("/home/someone/.cache/hpolink/models/lexical");

        assertEquals(expected, ModelLocation.of(null, Map.of(), HOME, ModelLocation.LEXICAL).folder());
        assertEquals(expected, ModelLocation.of(null, Map.of(ModelLocation.ENVIRONMENT_VARIABLE, ""), HOME, ModelLocation.LEXICAL).folder(),
                "an empty value counts as unset");
    }

    @Test
    void aGivenFolderIsNeverReplaced() {
        ModelLocation given = ModelLocation.of(Path.of("/models/mine"), Map.of(), HOME, ModelLocation.LEXICAL);

        assertThrows(IllegalStateException.class, () -> given.replaceWith(null));
    }
}
