package dev.pertouch.inference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibrationTest {
    private static Calibration uniform(double from, double to, int n) {
        List<AttributeValues> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double v = from + (to - from) * i / (n - 1);
            samples.add(new AttributeValues(v, v, v, v));
        }
        return Calibration.fromSamples(samples, "uniform");
    }

    @Test
    void quantilesOfEvenlySpacedSamplesMapLinearly() {
        Calibration c = uniform(0, 100, 101);
        assertEquals(-1, c.normalize(Attribute.BRIGHTNESS, 0), 1e-9);
        assertEquals(0, c.normalize(Attribute.BRIGHTNESS, 50), 1e-9);
        assertEquals(0.5, c.normalize(Attribute.BRIGHTNESS, 75), 1e-9);
        assertEquals(75, c.raw(Attribute.BRIGHTNESS, 0.5), 1e-9);
    }

    @Test
    void rawAndNormalizedAreInverseInsideTheTable() {
        Calibration c = Calibration.bundled();
        for (Attribute a : Attribute.values()) {
            for (double v = -0.95; v <= 0.95; v += 0.05) {
                double raw = c.raw(a, v);
                // Where the table repeats a value (clamped temperatures), any place in the run has that raw value.
                assertEquals(raw, c.raw(a, c.normalize(a, raw)), Math.abs(raw) * 1e-9, a + " at " + v);
            }
        }
        assertEquals(0.5, c.normalize(Attribute.BRIGHTNESS, c.raw(Attribute.BRIGHTNESS, 0.5)), 1e-9);
    }

    @Test
    void valuesOutsideTheTableClampToItsEnds() {
        Calibration c = uniform(10, 20, 11);
        assertEquals(-1, c.normalize(Attribute.CONTRAST, -1e9));
        assertEquals(1, c.normalize(Attribute.CONTRAST, 1e9));
        assertEquals(10, c.raw(Attribute.CONTRAST, -7));
        assertEquals(20, c.raw(Attribute.CONTRAST, 3));
    }

    @Test
    void aRunOfEqualQuantilesMapsToItsMiddle() {
        List<AttributeValues> samples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            double v = i < 50 ? 0 : i;
            samples.add(new AttributeValues(v, v, v, v));
        }
        Calibration c = Calibration.fromSamples(samples, "half zeros");
        // Half the table is 0: 0 sits in the middle of the lower half, u = 0.25.
        assertEquals(-0.5, c.normalize(Attribute.COLORFULNESS, 0), 0.01);
    }

    @Test
    void writtenTableReadsBackWithTheSameValues(@TempDir Path dir) throws IOException {
        Calibration c = Calibration.bundled();
        Path file = dir.resolve("t.json");
        c.write(file);
        Calibration back = Calibration.read(file);
        assertEquals(c.source(), back.source());
        assertEquals(c.samples(), back.samples());
        for (Attribute a : Attribute.values()) {
            assertArrayEquals(c.quantiles(a), back.quantiles(a), 0);
        }
    }

    @Test
    void malformedTablesAreRefusedWithTheReason(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"format\":\"pertouch-calibration\",\"quantiles\":{\"colorfulness\":[3,2,1]}}");
        IOException e = assertThrows(IOException.class, () -> Calibration.read(file));
        assertTrue(e.getMessage().contains("must not decrease"), e.getMessage());
        Files.writeString(file, "{\"hello\": 1}");
        String reason = assertThrows(IOException.class, () -> Calibration.read(file)).getMessage();
        assertTrue(reason.contains("not a calibration table"), reason);
    }

    @Test
    void bundledTableIsSmallAndHasAThousandQuantiles() throws IOException {
        try (var in = Calibration.class.getResourceAsStream("calibration-default.json")) {
            assertTrue(in.readAllBytes().length < 200_000);
        }
        assertEquals(Calibration.QUANTILES, Calibration.bundled().quantiles(Attribute.CONTRAST).length);
    }

    @Test
    void bundledTableIsWhatTheReferencePhotosBuild() {
        List<Path> files = Photos.all();
        Calibration rebuilt = Calibration.buildFromFiles(files, "rebuilt");
        Calibration bundled = Calibration.bundled();
        assertEquals(files.size() * Calibration.samplingMasks(8, 8).size(), rebuilt.samples());
        assertEquals(bundled.samples(), rebuilt.samples());
        for (Attribute a : Attribute.values()) {
            double[] x = bundled.quantiles(a);
            double[] y = rebuilt.quantiles(a);
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i], y[i], Math.abs(x[i]) * 1e-6 + 1e-9, a + " quantile " + i);
            }
        }
    }
}
