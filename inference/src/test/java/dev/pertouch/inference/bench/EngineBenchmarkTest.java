package dev.pertouch.inference.bench;

import dev.pertouch.inference.EditState;
import dev.pertouch.inference.EngineConfig;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.Photos;
import dev.pertouch.inference.RetouchEngine;
import dev.pertouch.inference.image.RgbImage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineBenchmarkTest {
    @Test
    void benchmarkEditSetsFourAttributesInSixSeparateRegions() {
        RgbImage photo = Photos.load("sunset.jpg");
        Map<String, float[]> regions = EngineBenchmark.regions(photo);
        assertEquals(EngineBenchmark.REGIONS, regions.size());
        float[] cover = null;
        for (float[] m : regions.values()) {
            if (cover == null) {
                cover = new float[m.length];
            }
            for (int i = 0; i < m.length; i++) {
                cover[i] += m[i];
            }
        }
        for (float c : cover) {
            assertTrue(c <= 1f, "regions overlap");
        }
        try (RetouchEngine engine = RetouchEngine.create(EngineConfig.defaults())) {
            PhotoAnalysis analysis = engine.analyze(photo, regions);
            EditState edit = EngineBenchmark.edit(analysis, 0.1);
            int targets = 0;
            for (String region : edit.regions()) {
                targets += edit.targets(region).size();
            }
            assertEquals(24, targets);
        }
    }

    @Test
    void benchmarkReportsPreviewAndTwelveMegapixelFigures() {
        try (RetouchEngine engine = RetouchEngine.create(EngineConfig.defaults())) {
            EngineBenchmark.Figures f = EngineBenchmark.run(engine, Photos.load("chelsea.jpg"), 1);
            assertEquals(EngineBenchmark.PREVIEW_SIDE, Math.max(f.previewWidth(), f.previewHeight()));
            assertEquals(12.0, f.fullWidth() * (double) f.fullHeight() / 1e6, 0.05);
            assertTrue(f.previewMillis() > 0 && f.fullMillis() > f.previewMillis(), f.describe());
            assertTrue(f.peakExtraBytes() > 0, f.describe());
            assertTrue(f.describe().contains("preview 1024x"), f.describe());
        }
    }

    @Test
    void regionsFigureTimesWholeAnalysesOfATwelveMegapixelPhoto() {
        RgbImage photo = EngineBenchmark.twelveMegapixels(Photos.load("sunset.jpg"));
        assertEquals(12.0, photo.pixelCount() / 1e6, 0.05);
        try (RetouchEngine engine = RetouchEngine.create(EngineConfig.defaults())) {
            double millis = EngineBenchmark.regionsMillis(engine, photo, 1);
            assertTrue(millis > 0 && Double.isFinite(millis), "regions took " + millis + " ms");
        }
    }
}
