package dev.pertouch.agent;

import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.EditState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StyleLibraryTest {
    private final StyleLibrary library = StyleLibrary.bundled();

    @Test
    void theLibraryHasAtLeast24WellFormedLooks() {
        assertTrue(library.all().size() >= 24, "looks: " + library.all().size());
        Set<String> ids = new HashSet<>();
        for (Style s : library.all()) {
            assertTrue(s.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), s.id());
            assertTrue(ids.add(s.id()), "duplicate " + s.id());
            assertFalse(s.description().isBlank(), s.id());
            assertTrue(s.state().region(EditState.GLOBAL).isPresent(), s.id() + " sets nothing globally");
            for (String region : s.state().regions()) {
                assertTrue(region.equals(EditState.GLOBAL) || PhotoContext.NAMED_REGIONS.contains(region),
                        s.id() + " uses an unknown region " + region);
            }
        }
    }

    @Test
    void noTwoLooksShareANameOrAlias() {
        Set<String> phrases = new HashSet<>();
        for (Style s : library.all()) {
            Set<String> own = new HashSet<>();
            own.add(Words.key(s.id()));
            own.add(Words.key(s.name()));
            s.aliases().forEach(a -> own.add(Words.key(a)));
            for (String p : own) {
                assertTrue(phrases.add(p), "'" + p + "' names two looks");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"Kodak Portra, kodak-portra", "kodak-portra, kodak-portra", "PORTRA, kodak-portra",
            "teal & orange, teal-and-orange", "b&w, black-and-white", "Golden Hour, golden-hour"})
    void looksAreFoundByNameOrAliasInAnyCase(String name, String id) {
        assertEquals(id, library.find(name).orElseThrow().id());
    }

    @ParameterizedTest
    @CsvSource({
            "like a summer afternoon in Italy, mediterranean-summer",
            "neon signs in a rainy futuristic city at night, cyberpunk",
            "a spooky haunted house, gothic",
            "an old faded family photo from the seventies, faded-vintage"})
    void freeTextFindsTheLookClosestInMeaning(String text, String id) {
        StyleLibrary.Match match = library.nearest(text);

        assertEquals(id, match.style().id());
        assertTrue(match.similarity() >= InstructionReader.HINTED_LOOK_SIMILARITY, "similarity " + match.similarity());
    }

    @Test
    void gibberishIsFarFromEveryLook() {
        assertTrue(library.nearest("qwpoeiru zxmcnv asdkjh").similarity() < InstructionReader.LOOK_SIMILARITY);
    }

    @Test
    void everyLookIsDocumented() throws IOException {
        Path doc = Path.of("..", "docs", "STYLES.md");
        String text = Files.readString(doc);
        for (Style s : library.all()) {
            assertTrue(text.contains("`" + s.id() + "`"), s.id() + " is missing from " + doc);
            for (String region : s.state().regions()) {
                for (Attribute a : s.state().targets(region).keySet()) {
                    assertTrue(Attribute.find(a.key()).isPresent());
                }
            }
        }
    }
}
