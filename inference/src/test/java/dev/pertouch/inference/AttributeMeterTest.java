package dev.pertouch.inference;

import dev.pertouch.inference.image.WorkingImage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AttributeMeterTest {
    private final AttributeMeter meter = new AttributeMeter();

    /** The design notes' 64x48 test image, measured as it is. */
    private static WorkingImage testVector() {
        int w = 64;
        int h = 48;
        float[] r = new float[w * h];
        float[] g = new float[w * h];
        float[] b = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r[y * w + x] = (37 * x + 11 * y) % 256;
                g[y * w + x] = (5 * x + 23 * y) % 256;
                b[y * w + x] = (13 * x + 7 * y + 50) % 256;
            }
        }
        return new WorkingImage(w, h, r, g, b);
    }

    private static float[] leftHalf(WorkingImage image, float weight) {
        float[] m = new float[image.pixelCount()];
        for (int y = 0; y < image.height(); y++) {
            Arrays.fill(m, y * image.width(), y * image.width() + image.width() / 2, weight);
        }
        return m;
    }

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-3, () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void wholeTestImageMeasuresAsTheDesignNotesSay() {
        AttributeValues v = meter.measure(testVector(), (float[]) null);
        assertRelative(113.4636, v.colorfulness());
        assertRelative(2836.25, v.contrast());
        assertRelative(-6491.698, v.temperature());
        assertRelative(126.7669, v.brightness());
    }

    @Test
    void leftHalfOfTestImageMeasuresAsTheDesignNotesSay() {
        WorkingImage image = testVector();
        AttributeValues v = meter.measure(image, leftHalf(image, 1f));
        assertRelative(112.8329, v.colorfulness());
        assertRelative(2724.3796, v.contrast());
        assertRelative(-6722.448, v.temperature());
        assertRelative(126.5459, v.brightness());
    }

    @Test
    void uniformSoftMaskMeasuresLikeTheBinaryOne() {
        WorkingImage image = testVector();
        AttributeValues binary = meter.measure(image, leftHalf(image, 1f));
        AttributeValues soft = meter.measure(image, leftHalf(image, 0.4f));
        for (Attribute a : Attribute.values()) {
            assertRelative(binary.get(a), soft.get(a));
        }
    }

    @Test
    void emptyRegionMeasuresZero() {
        WorkingImage image = testVector();
        assertEquals(AttributeValues.ZERO, meter.measure(image, new float[image.pixelCount()]));
    }

    @Test
    void saturatedSkyBlueIsClampedInsteadOfExploding() {
        int n = 16;
        float[] green = new float[n];
        float[] blue = new float[n];
        Arrays.fill(green, 160f);
        Arrays.fill(blue, 255f);
        // The CCT formula gives about 4.6e99 K for this colour.
        AttributeValues v = meter.measure(new WorkingImage(4, 4, new float[n], green, blue), (float[]) null);
        assertEquals(-AttributeMeter.TEMPERATURE_LIMIT, v.temperature());
    }

    @Test
    void severalMasksInOnePassMeasureLikeOneAtATime() {
        WorkingImage image = testVector();
        float[] left = leftHalf(image, 1f);
        float[] soft = leftHalf(image, 0.3f);
        List<AttributeValues> together = meter.measure(image, Arrays.asList(null, left, soft));
        assertEquals(meter.measure(image, (float[]) null), together.get(0));
        assertEquals(meter.measure(image, left), together.get(1));
        assertEquals(meter.measure(image, soft), together.get(2));
    }
}
