package org.hpolink.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HpoIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"HP:0000118", "HP:0000001", "HP:0000000", "HP:9999999", "HP:0000369"})
    void acceptsHpAndSevenDigits(String value) {
        HpoId id = HpoId.of(value);

        assertTrue(HpoId.isValid(value));
        assertEquals(value, id.value());
        assertEquals(value, id.toString());
        assertEquals(new HpoId(value), id);
        assertEquals(new HpoId(value).hashCode(), id.hashCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "HP:", "HP:000011", "HP:00001180", "hp:0000118", "HP_0000118", "HP0000118", "HP:000011a",
            " HP:0000118", "HP:0000118 ", "HP:-000118", "0000118", "MONDO:0000118", "HP:+000118",
            "HP:\uFF10\uFF10\uFF10\uFF10\uFF11\uFF11\uFF18", "HP:\u0660\u0660\u0660\u0660\u0661\u0661\u0668"})
    void rejectsOtherFormsSayingWhatIsExpected(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HpoId.of(value));

        assertEquals("'" + value + "' is not an HPO id: expected HP: and seven digits, such as HP:0000369", e.getMessage());
        assertFalse(HpoId.isValid(value));
    }

    @Test
    void rejectsNull() {
        assertEquals("'null' is not an HPO id: expected HP: and seven digits, such as HP:0000369",
                assertThrows(IllegalArgumentException.class, () -> HpoId.of(null)).getMessage());
        assertFalse(HpoId.isValid(null));
    }

    @Test
    void phenotypicAbnormalityIsTheRootOfClinicalFindings() {
        assertEquals(HpoId.of("HP:0000118"), HpoId.PHENOTYPIC_ABNORMALITY);
        assertEquals("HP:0000118", HpoId.PHENOTYPIC_ABNORMALITY.value());
    }

    @Test
    void sortsByNumber() {
        List<HpoId> ids = new ArrayList<>(List.of(HpoId.of("HP:0001000"), HpoId.of("HP:0000369"), HpoId.of("HP:0000118"),
                HpoId.of("HP:0000002")));
        ids.sort(null);

        assertEquals(List.of(HpoId.of("HP:0000002"), HpoId.of("HP:0000118"), HpoId.of("HP:0000369"), HpoId.of("HP:0001000")), ids);
    }

    @Property(tries = 500)
    void orderAgreesWithTheNumbers(@ForAll @IntRange(max = 9_999_999) int a, @ForAll @IntRange(max = 9_999_999) int b) {
        HpoId x = HpoId.of(String.format(Locale.ROOT, "HP:%07d", a));
        HpoId y = HpoId.of(String.format(Locale.ROOT, "HP:%07d", b));

        assertEquals(Integer.signum(Integer.compare(a, b)), Integer.signum(x.compareTo(y)));
        assertEquals(a == b, x.equals(y));
    }
}
