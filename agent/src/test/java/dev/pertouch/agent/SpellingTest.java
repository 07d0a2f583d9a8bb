package dev.pertouch.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpellingTest {
    private final Spelling spelling = new Spelling(Set.of("matter", "the"),
            List.of("brighter", "contrast", "warmer", "matte", "more", "sky", "saturation"));

    @ParameterizedTest
    @CsvSource({"brigther, brighter", "brigter, brighter", "contarst, contrast", "wamer, warmer", "mor, more",
            "skyy, sky", "saturaton, saturation"})
    void aSmallSlipIsCorrected(String typo, String word) {
        assertEquals(word, spelling.correct(typo));
    }

    @ParameterizedTest
    @CsvSource({"matter", "the", "zebra", "brutal", "ore"})
    void knownAndUnrelatedWordsAreLeftAlone(String word) {
        assertEquals(word, spelling.correct(word));
    }

    @Test
    void aSwapOfNeighbouringLettersIsOneEdit() {
        assertEquals(1, Spelling.distance("warm", "wram", 3));
        assertEquals(1, Spelling.distance("contrast", "contarst", 3));
        assertEquals(4, Spelling.distance("warm", "cold", 3));
    }
}
