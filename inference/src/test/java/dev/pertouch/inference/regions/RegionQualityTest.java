package dev.pertouch.inference.regions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pertouch.inference.image.Resampler;
import dev.pertouch.inference.image.RgbImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Judges the named regions against the labelled set (real photos with hand-checked masks) and composites whose
 * masks are exact by construction. The floors sit just under the scores measured when they were set
 * (docs/REGIONS.md), so a change that makes regions worse fails here.
 */
class RegionQualityTest {
    private static final List<String> LABELS = List.of("person", "subject", "sky", "vegetation", "water");
    private static final Map<String, Double> FLOOR = Map.of(
            "person", 0.83, "subject", 0.81, "sky", 0.84, "vegetation", 0.36, "water", 0.40);

    private static RegionFinder finder;

    @BeforeAll
    static void load() {
        finder = RegionFinder.create();
    }

    @AfterAll
    static void close() {
        finder.close();
    }

    @Test
    void namedRegionsMatchTheLabelledSetAndInventNothing() throws IOException {
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        List<String> invented = new ArrayList<>();
        JsonNode set = new ObjectMapper().readTree(LabelledSet.DIR.resolve("set.json").toFile());
        for (Map.Entry<String, JsonNode> entry : set.properties()) {
            String photo = entry.getKey();
            FoundRegions found = finder.scan(LabelledSet.photo(photo));
            for (String label : LABELS) {
                if (LabelledSet.hasMask(photo, label)) {
                    score(scores, photo, label, found, LabelledSet.mask(photo, label));
                }
            }
            for (JsonNode absent : entry.getValue().get("absent")) {
                if (found.region(absent.asText()).isPresent()) {
                    invented.add(photo + ": " + absent.asText());
                }
            }
        }
        personComposite(scores, "picos", 0.8, 0.55);
        personComposite(scores, "aitzgorri", 0.7, 0.25);
        skyOverGrassComposite(scores);
        lakeComposite(scores);
        seaComposite(scores);
        discComposite(scores);

        StringBuilder table = new StringBuilder("label       photos  mean IoU  min IoU\n");
        scores.forEach((label, values) -> table.append(String.format("%-11s %6d  %8.3f  %7.3f%n", label,
                values.size(), mean(values), values.stream().mapToDouble(Double::doubleValue).min().orElse(0))));
        System.out.print(table);
        System.out.println("invented: " + invented);
        FLOOR.forEach((label, floor) -> assertTrue(mean(scores.get(label)) >= floor,
                label + " IoU " + mean(scores.get(label)) + " fell under " + floor + "\n" + table));
        assertEquals(List.of(), invented, "regions found where the photo has none");
    }

    private static void score(Map<String, List<Double>> scores, String photo, String label, FoundRegions found,
                              float[] reference) {
        float[] mask = found.region(label).map(FoundRegion::mask).orElse(new float[reference.length]);
        double iou = SoftMasks.iou(mask, reference);
        System.out.printf("%-12s %-10s IoU %.3f%n", photo, label, iou);
        scores.computeIfAbsent(label, k -> new ArrayList<>()).add(iou);
    }

    /** The astronaut, cut out along her reference mask and scaled, standing in a landscape. */
    private static void personComposite(Map<String, List<Double>> scores, String background, double scale,
                                        double left) {
        RgbImage scene = LabelledSet.photo(background);
        RgbImage portrait = LabelledSet.photo("astronaut");
        float[] cut = LabelledSet.mask("astronaut", "person");
        int side = (int) Math.round(scene.height() * scale);
        RgbImage person = Resampler.resize(portrait, side, side);
        float[] personCut = Resampler.resize(cut, portrait.width(), portrait.height(), side, side);
        int[] px = scene.pixels().clone();
        float[] truth = new float[px.length];
        int x0 = (int) Math.round(left * scene.width());
        int y0 = scene.height() - side;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side && x0 + x < scene.width(); x++) {
                if (personCut[y * side + x] >= 0.5f) {
                    int i = (y0 + y) * scene.width() + x0 + x;
                    px[i] = person.pixels()[y * side + x];
                    truth[i] = 1f;
                }
            }
        }
        RgbImage composite = new RgbImage(scene.width(), scene.height(), px);
        score(scores, "person+" + background, "person", finder.scan(composite), truth);
    }

    /** A clear sky fading to the horizon over a field of textured grass; the horizon line is exact. */
    private static void skyOverGrassComposite(Map<String, List<Double>> scores) {
        int w = 512;
        int h = 340;
        int horizon = 150;
        Random random = new Random(7);
        int[] px = new int[w * h];
        float[] sky = new float[w * h];
        float[] grass = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (y < horizon) {
                    double t = (double) y / horizon;
                    px[i] = rgb(70 + 100 * t, 120 + 80 * t, 205 + 35 * t);
                    sky[i] = 1f;
                } else {
                    double n = random.nextGaussian() * 18;
                    px[i] = rgb(60 + n * 0.6, 125 + n, 45 + n * 0.4);
                    grass[i] = 1f;
                }
            }
        }
        FoundRegions found = finder.scan(new RgbImage(w, h, px));
        score(scores, "sky+grass", "sky", found, sky);
        score(scores, "sky+grass", "vegetation", found, grass);
    }

    /** A calm lake mirroring a clear sky below a band of wooded hills; the shore lines are exact. */
    private static void lakeComposite(Map<String, List<Double>> scores) {
        int w = 512;
        int h = 340;
        int hills = 110;
        int shore = 170;
        Random random = new Random(3);
        int[] px = new int[w * h];
        float[] sky = new float[w * h];
        float[] water = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int ridge = hills - (int) Math.round(25 * Math.sin(x / 70.0) * Math.sin(x / 23.0));
                if (y < ridge) {
                    double t = (double) y / hills;
                    px[i] = rgb(80 + 90 * t, 130 + 70 * t, 210 + 30 * t);
                    sky[i] = 1f;
                } else if (y < shore) {
                    double n = random.nextGaussian() * 14;
                    px[i] = rgb(40 + n * 0.5, 80 + n, 35 + n * 0.4);
                } else {
                    double t = (double) (h - y) / (h - shore);
                    double ripple = 4 * Math.sin(y * 0.9 + x * 0.05) + random.nextGaussian() * 2;
                    px[i] = rgb(70 + 80 * t + ripple, 115 + 65 * t + ripple, 190 + 30 * t + ripple);
                    water[i] = 1f;
                }
            }
        }
        FoundRegions found = finder.scan(new RgbImage(w, h, px));
        score(scores, "lake", "sky", found, sky);
        score(scores, "lake", "water", found, water);
    }

    /** Open sea under a clear sky, meeting it at a straight horizon: water may touch the sky only like this. */
    private static void seaComposite(Map<String, List<Double>> scores) {
        int w = 512;
        int h = 340;
        int horizon = 150;
        Random random = new Random(5);
        int[] px = new int[w * h];
        float[] sky = new float[w * h];
        float[] sea = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (y < horizon) {
                    double t = (double) y / horizon;
                    px[i] = rgb(90 + 90 * t, 140 + 70 * t, 215 + 25 * t);
                    sky[i] = 1f;
                } else {
                    double t = (double) (y - horizon) / (h - horizon);
                    double ripple = 2 * Math.sin(y * 1.3 + x * 0.04) + random.nextGaussian();
                    px[i] = rgb(30 + 20 * t + ripple, 80 + 25 * t + ripple, 150 + 20 * t + ripple);
                    sea[i] = 1f;
                }
            }
        }
        FoundRegions found = finder.scan(new RgbImage(w, h, px));
        score(scores, "sea", "sky", found, sky);
        score(scores, "sea", "water", found, sea);
    }

    /** A shaded red ball on a grey, slightly noisy table: an unmistakable subject with an exact outline. */
    private static void discComposite(Map<String, List<Double>> scores) {
        int w = 512;
        int h = 384;
        Random random = new Random(11);
        int[] px = new int[w * h];
        float[] ball = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double dx = x - 300;
                double dy = y - 200;
                double r = Math.sqrt(dx * dx + dy * dy);
                if (r < 80) {
                    double shade = 0.6 + 0.4 * (1 - (dx + dy + 113) / 226);
                    px[i] = rgb(220 * shade, 40 * shade, 30 * shade);
                    ball[i] = 1f;
                } else {
                    double g = 150 + random.nextGaussian() * 6;
                    px[i] = rgb(g, g, g + 4);
                }
            }
        }
        score(scores, "ball", "subject", finder.scan(new RgbImage(w, h, px)), ball);
    }

    private static int rgb(double r, double g, double b) {
        return (channel(r) << 16) | (channel(g) << 8) | channel(b);
    }

    private static int channel(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static double mean(List<Double> values) {
        return values == null ? 0 : values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
