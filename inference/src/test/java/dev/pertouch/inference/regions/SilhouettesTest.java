package dev.pertouch.inference.regions;

import dev.pertouch.inference.image.RgbImage;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SilhouettesTest {
    private static final int W = 200;
    private static final int H = 100;
    private static final LabImage GREY = LabImage.of(photo(0x808080));

    private static RgbImage photo(int rgb) {
        int[] px = new int[W * H];
        java.util.Arrays.fill(px, rgb);
        return new RgbImage(W, H, px);
    }

    /** A plane of zeros with a filled rectangle of the given value. */
    private static float[] rect(int x0, int y0, int x1, int y1, float value) {
        float[] p = new float[W * H];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                p[y * W + x] = value;
            }
        }
        return p;
    }

    @Test
    void aTallFigureOnlyTheSlidingPassSeesIsAPerson() {
        float[] none = new float[W * H];
        Optional<float[]> person = Silhouettes.person(none, Optional.of(rect(40, 20, 55, 90, 0.97f)), GREY);
        assertTrue(person.isPresent());
        assertEquals(15 * 70 / (double) (W * H), SoftMasks.area(person.get()), 0.01);
    }

    @Test
    void aRoundThingOnlyTheSlidingPassSeesIsNotAPerson() {
        float[] none = new float[W * H];
        assertFalse(Silhouettes.person(none, Optional.of(rect(40, 20, 100, 80, 0.97f)), GREY).isPresent());
    }

    @Test
    void aLessCertainFigureMustBeSlimmer() {
        float[] none = new float[W * H];
        assertTrue(Silhouettes.person(none, Optional.of(rect(40, 20, 80, 80, 0.97f)), GREY).isPresent());
        assertFalse(Silhouettes.person(none, Optional.of(rect(40, 20, 80, 80, 0.8f)), GREY).isPresent());
        assertTrue(Silhouettes.person(none, Optional.of(rect(40, 20, 60, 90, 0.8f)), GREY).isPresent());
    }

    @Test
    void whatTheWholeFramePassSeesNeedsFullConfidenceButNotAStandingShape() {
        float[] wide = rect(40, 20, 120, 80, 0.97f);
        assertTrue(Silhouettes.person(wide, Optional.empty(), GREY).isPresent());
        assertFalse(Silhouettes.person(rect(40, 20, 120, 80, 0.8f), Optional.empty(), GREY).isPresent());
    }

    @Test
    void aPersonFillingMuchOfThePhotoShowsSomeSkin() {
        float[] large = rect(20, 10, 180, 100, 0.97f);
        assertFalse(Silhouettes.person(large, Optional.empty(), GREY).isPresent());
        assertTrue(Silhouettes.person(large, Optional.empty(), LabImage.of(photo(0xC89070))).isPresent());
    }

    @Test
    void blueAboveAPersonIsABackdropButSkyAboveLandIsNot() {
        float[] person = rect(0, 40, W, H, 1f);
        assertTrue(Silhouettes.backdrop(rect(0, 0, W, 38, 1f), person, W, H));
        assertFalse(Silhouettes.backdrop(rect(0, 0, W, 38, 1f), rect(80, 40, 120, H, 1f), W, H));
    }
}
