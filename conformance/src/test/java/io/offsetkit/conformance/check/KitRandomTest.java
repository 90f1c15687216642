package io.offsetkit.conformance.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KitRandomTest {

    @Test
    void theSameSeedAndPurposeGiveTheSameValuesWhateverWasDrawnBefore() {
        // GIVEN two runs with one seed, the second drawing for other purposes first
        KitRandom first = new KitRandom(1234);
        KitRandom second = new KitRandom(1234);
        second.hex("something else", 16);
        second.uuid("unknown-group");

        // THEN each purpose still gives the same values
        assertThat(second.hex("unknown-topic", 4)).isEqualTo(first.hex("unknown-topic", 4));
        assertThat(second.uuid("unknown-instance")).isEqualTo(first.uuid("unknown-instance"));
    }

    @Test
    void anotherSeedOrPurposeGivesOtherValues() {
        KitRandom random = new KitRandom(1234);

        assertThat(new KitRandom(1235).hex("unknown-topic", 8)).isNotEqualTo(random.hex("unknown-topic", 8));
        assertThat(random.hex("unknown-group", 8)).isNotEqualTo(random.hex("unknown-topic", 8));
    }

    @Test
    void uuidsAreVersionFourAndNewSeedsAreNonNegative() {
        assertThat(new KitRandom(9).uuid("x").version()).isEqualTo(4);
        assertThat(new KitRandom(9).uuid("x").variant()).isEqualTo(2);
        for (int i = 0; i < 100; i++) {
            assertThat(KitRandom.newSeed()).isNotNegative();
        }
    }
}
