package dev.pertouch.inference;

import dev.pertouch.inference.image.Resampler;
import dev.pertouch.inference.image.RgbImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetouchEngineTest {
    private static final double REACHED = 0.05;
    private static final double DRIFT = 0.1;
    private static RetouchEngine engine;

    @BeforeAll
    static void start() {
        engine = RetouchEngine.create(EngineConfig.defaults());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static EditState state(String json) {
        return EditState.fromJson(json);
    }

    private static double clampTarget(double v) {
        return Math.max(-0.95, Math.min(0.95, v));
    }

    /** Asserts that every set target of the region is met and nothing else moved, unless a note says so. */
    private static void assertOnTarget(RenderResult result, String region, AttributeValues own,
                                       Map<Attribute, Double> targets) {
        AttributeValues got = result.measured().get(region);
        for (Attribute a : Attribute.values()) {
            boolean noted = result.notes().stream().anyMatch(n -> n.contains(a.key()));
            if (targets.containsKey(a)) {
                assertTrue(noted || Math.abs(got.get(a) - targets.get(a)) <= REACHED,
                        region + " " + a.key() + ": asked " + targets.get(a) + ", got " + got.get(a) + " "
                                + result.notes());
            } else {
                assertTrue(noted || Math.abs(got.get(a) - own.get(a)) <= DRIFT,
                        region + " " + a.key() + " moved from " + own.get(a) + " to " + got.get(a) + " "
                                + result.notes());
            }
        }
    }

    @Test
    void emptyStateGivesThePhotoBackUnchanged() {
        RgbImage photo = Photos.load("sunset.jpg");
        PhotoAnalysis analysis = engine.analyze(photo);
        RenderResult full = engine.render(photo, analysis, EditState.empty(), 0);
        assertArrayEquals(photo.pixels(), full.image().pixels());
        assertTrue(full.notes().isEmpty());
        RenderResult preview = engine.render(photo, analysis, EditState.empty(), 640);
        assertEquals(640, preview.image().width());
        assertArrayEquals(Resampler.resize(photo, 640, preview.image().height()).pixels(), preview.image().pixels());
        assertEquals(analysis.region("global").orElseThrow().normalized(), full.measured().get("global"));
    }

    @Test
    void targetsEqualToThePhotosOwnValuesChangeNothing() {
        RgbImage photo = Photos.load("friends.jpg");
        PhotoAnalysis analysis = engine.analyze(photo, Map.of("left", Photos.leftOf(photo, 0.5)));
        AttributeValues left = analysis.region("left").orElseThrow().normalized();
        EditState state = EditState.empty()
                .with("left", Attribute.BRIGHTNESS, left.brightness(), analysis.baseline())
                .with("global", Attribute.CONTRAST, analysis.baseline().value("global", Attribute.CONTRAST),
                        analysis.baseline());
        assertArrayEquals(photo.pixels(), engine.render(photo, analysis, state, 0).image().pixels());
    }

    @Test
    void globalTargetsAreReachedAndTheOtherAttributesStay() {
        for (String name : List.of("aitzgorri.jpg", "friends.jpg", "dragonfly.jpg")) {
            RgbImage photo = Photos.load(name);
            PhotoAnalysis analysis = engine.analyze(photo);
            AttributeValues own = analysis.region("global").orElseThrow().normalized();
            for (Attribute a : Attribute.values()) {
                for (double step : new double[] {-0.25, 0.25}) {
                    double target = clampTarget(own.get(a) + step);
                    RenderResult r = engine.render(photo, analysis,
                            EditState.empty().with("global", a, target, analysis.baseline()), 768);
                    assertTrue(r.notes().isEmpty(), name + " " + a.key() + " -> " + target + ": " + r.notes());
                    assertOnTarget(r, "global", own, Map.of(a, target));
                }
            }
        }
    }

    @Test
    void brighteningTheLeftHalfLeavesTheRightHalfAlone() {
        RgbImage photo = Photos.load("picos.jpg");
        PhotoAnalysis analysis = engine.analyze(photo, Map.of("left", Photos.leftOf(photo, 0.5)));
        AttributeValues own = analysis.region("left").orElseThrow().normalized();
        double target = clampTarget(own.brightness() + 0.3);
        RenderResult r = engine.render(photo, analysis, state("{\"left\": {\"brightness\": " + target + "}}"), 0);
        assertOnTarget(r, "left", own, Map.of(Attribute.BRIGHTNESS, target));
        int w = photo.width();
        for (int y = 0; y < photo.height(); y++) {
            for (int x = (int) (0.6 * w); x < w; x++) {
                int a = photo.rgb(x, y);
                int b = r.image().rgb(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    assertTrue(Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) <= 1,
                            "changed at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void aDiscReachesItsColorfulnessAndBrightness() {
        RgbImage photo = Photos.load("dandelions.jpg");
        PhotoAnalysis analysis = engine.analyze(photo, Map.of("disc", Photos.disc(photo, 0.5, 0.5, 0.2)));
        AttributeValues own = analysis.region("disc").orElseThrow().normalized();
        double colorfulness = clampTarget(own.colorfulness() + 0.3);
        double brightness = clampTarget(own.brightness() - 0.2);
        RenderResult r = engine.render(photo, analysis, state("{\"disc\": {\"colorfulness\": " + colorfulness
                + ", \"brightness\": " + brightness + "}}"), 1024);
        assertOnTarget(r, "disc", own, Map.of(Attribute.COLORFULNESS, colorfulness, Attribute.BRIGHTNESS, brightness));
    }

    @Test
    void sixRegionsWithFourTargetsEachLandOnTheirTargets() {
        RgbImage photo = Photos.load("stream.jpg");
        Map<String, float[]> masks = new LinkedHashMap<>();
        for (int k = 0; k < 6; k++) {
            masks.put("r" + k, Photos.disc(photo, 0.2 + 0.3 * (k % 3), 0.28 + 0.44 * (k / 3), 0.12));
        }
        PhotoAnalysis analysis = engine.analyze(photo, masks);
        StringBuilder json = new StringBuilder("{");
        Map<String, Map<Attribute, Double>> targets = new LinkedHashMap<>();
        for (int k = 0; k < 6; k++) {
            AttributeValues own = analysis.region("r" + k).orElseThrow().normalized();
            Map<Attribute, Double> t = new LinkedHashMap<>();
            double sign = own.colorfulness() < 0 ? 1 : -1;
            t.put(Attribute.COLORFULNESS, clampTarget(own.colorfulness() + 0.15 * sign));
            t.put(Attribute.CONTRAST, clampTarget(own.contrast() - 0.1 * Math.signum(own.contrast())));
            t.put(Attribute.TEMPERATURE, clampTarget(own.temperature() - 0.15 * Math.signum(own.temperature())));
            t.put(Attribute.BRIGHTNESS, clampTarget(own.brightness() - 0.15 * Math.signum(own.brightness())));
            targets.put("r" + k, t);
            json.append(k > 0 ? "," : "").append("\"r").append(k).append("\": {");
            json.append(String.join(",", t.entrySet().stream()
                    .map(e -> "\"" + e.getKey().key() + "\": " + e.getValue()).toList()));
            json.append("}");
        }
        RenderResult r = engine.render(photo, analysis, state(json.append("}").toString()), 1024);
        assertTrue(r.notes().isEmpty(), r.notes().toString());
        for (Map.Entry<String, Map<Attribute, Double>> e : targets.entrySet()) {
            assertOnTarget(r, e.getKey(), analysis.region(e.getKey()).orElseThrow().normalized(), e.getValue());
        }
    }

    /**
     * Mean squared horizontal difference in a band of columns, all rows, all channels: the energy a seam would add
     * to.
     */
    private static double gradientEnergy(RgbImage image, int from, int to) {
        double sum = 0;
        long n = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = from; x < to; x++) {
                int a = image.rgb(x, y);
                int b = image.rgb(x + 1, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    double d = ((a >> shift) & 0xFF) - ((b >> shift) & 0xFF);
                    sum += d * d;
                }
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void aRegionsEdgeAddsNoSeam() {
        // The edge runs down the middle, through soft out-of-focus background; at 3.7 megapixels the render goes
        // through the full-resolution strips.
        RgbImage photo = Resampler.resize(Photos.load("dandelions.jpg"), 2560, 1440);
        PhotoAnalysis analysis = engine.analyze(photo, Map.of("left", Photos.leftOf(photo, 0.5)));
        AttributeValues own = analysis.region("left").orElseThrow().normalized();
        RenderResult r = engine.render(photo, analysis, state("{\"left\": {\"brightness\": "
                + clampTarget(own.brightness() + 0.35) + "}}"), 0);
        int w = photo.width();
        int edge = w / 2;
        int band = 3;
        double seamOriginal = gradientEnergy(photo, edge - band, edge + band);
        double seamRendered = gradientEnergy(r.image(), edge - band, edge + band);
        double insideOriginal = gradientEnergy(photo, w / 5 - band, w / 5 + band);
        double insideRendered = gradientEnergy(r.image(), w / 5 - band, w / 5 + band);
        double growth = Math.max(1, insideRendered / insideOriginal);

        // The same change with a hard edge: what the measure is there to catch.
        RenderResult everywhere = engine.render(photo, engine.analyze(photo), state("{\"global\": {\"brightness\": "
                + clampTarget(analysis.region("global").orElseThrow().normalized().brightness() + 0.35) + "}}"), 0);
        int[] cut = photo.pixels().clone();
        for (int y = 0; y < photo.height(); y++) {
            System.arraycopy(everywhere.image().pixels(), y * w, cut, y * w, edge);
        }
        double hard = gradientEnergy(new RgbImage(w, photo.height(), cut), edge - band, edge + band);
        double hardExcess = hard - seamOriginal * growth;
        double excess = seamRendered - seamOriginal * growth;
        assertTrue(hardExcess > 10 * seamOriginal, "a hard edge adds " + hardExcess + " to " + seamOriginal);
        assertTrue(excess < 0.02 * hardExcess,
                "the region's edge adds " + excess + " where a hard one adds " + hardExcess);
    }

    @Test
    void colourCannotBeAddedToAGreyPhotoAndTheNotesSaySo() {
        RgbImage photo = Photos.grey(Photos.load("clock.jpg"));
        PhotoAnalysis analysis = engine.analyze(photo);
        RenderResult r = engine.render(photo, analysis, state("{\"global\": {\"colorfulness\": 0.9}}"), 512);
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("whole photo: colorfulness 0.90 was asked")),
                r.notes().toString());
        assertTrue(r.measured().get("global").colorfulness() < 0.9 - REACHED);
    }

    @Test
    void aRegionThePhotoLacksIsRefusedWithTheRegionsItHas() {
        RgbImage photo = Photos.load("chelsea.jpg");
        PhotoAnalysis analysis = engine.analyze(photo, Map.of("cat", Photos.disc(photo, 0.5, 0.5, 0.2)));
        InvalidEditException e = assertThrows(InvalidEditException.class,
                () -> engine.render(photo, analysis, state("{\"sky\": {\"brightness\": 0.2}}"), 256));
        assertEquals("unknown_region", e.code());
        assertTrue(e.getMessage().contains("'sky'") && e.getMessage().contains("global, cat"), e.getMessage());
    }

    @Test
    void masksMustHaveTheWorkingSizeAndDistinctNames() {
        RgbImage photo = Photos.load("chelsea.jpg");
        assertThrows(IllegalArgumentException.class, () -> engine.analyze(photo, Map.of("cat", new float[10])));
        InvalidEditException e = assertThrows(InvalidEditException.class,
                () -> engine.analyze(photo, Map.of("global", Photos.leftOf(photo, 0.5))));
        assertEquals("duplicate_region", e.code());
    }

    @Test
    void concurrentRendersAgreeWithRendersOneAtATime() throws Exception {
        RgbImage photo = Photos.load("wine.jpg");
        PhotoAnalysis analysis = engine.analyze(photo, Map.of("left", Photos.leftOf(photo, 0.4)));
        List<EditState> states = List.of(
                state("{\"global\": {\"brightness\": 0.3}}"),
                state("{\"left\": {\"colorfulness\": 0.4}}"),
                state("{\"global\": {\"temperature\": 0.2}, \"left\": {\"contrast\": 0.3}}"),
                state("{\"global\": {\"colorfulness\": -0.3}}"));
        List<RenderResult> serial = new ArrayList<>();
        for (EditState s : states) {
            serial.add(engine.render(photo, analysis, s, 512));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RenderResult>> futures = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (EditState s : states) {
                    futures.add(pool.submit(() -> engine.render(photo, analysis, s, 512)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                RenderResult expected = serial.get(i % states.size());
                RenderResult got = futures.get(i).get();
                for (String region : List.of("global", "left")) {
                    for (Attribute a : Attribute.values()) {
                        assertEquals(expected.measured().get(region).get(a), got.measured().get(region).get(a), 0.01);
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void measuredValuesDescribeTheFullResolutionRender() {
        RgbImage photo = Resampler.resize(Photos.load("aitzgorri.jpg"), 2400, 1598);
        float[] left = Photos.leftOf(photo, 0.5);
        PhotoAnalysis analysis = engine.analyze(photo, Map.of("left", left));
        EditState s = state("{\"global\": {\"contrast\": 0.4}, \"left\": {\"brightness\": 0.6, \"temperature\": 0.3}}");
        RenderResult full = engine.render(photo, analysis, s, 0);
        RenderResult preview = engine.render(photo, analysis, s, 700);
        assertEquals(photo.width(), full.image().width());
        AttributeMeter meter = engine.meter();
        Map<String, AttributeValues> seen = Map.of(
                "global", engine.calibration().normalize(meter.measure(full.image(), (float[]) null)),
                "left", engine.calibration().normalize(meter.measure(full.image(), left)));
        for (String region : List.of("global", "left")) {
            for (Attribute a : Attribute.values()) {
                assertEquals(seen.get(region).get(a), full.measured().get(region).get(a), REACHED, region + " " + a);
                assertEquals(full.measured().get(region).get(a), preview.measured().get(region).get(a), 0.01,
                        region + " " + a);
            }
        }
    }

    @Test
    void engineNamesItsDeviceAndCalibration() {
        assertTrue(engine.device().equals("cpu") || engine.device().startsWith("gpu("), engine.device());
        assertSame(engine.calibration(), engine.calibration());
        assertEquals(Calibration.bundled().samples(), engine.calibration().samples());
    }
}
