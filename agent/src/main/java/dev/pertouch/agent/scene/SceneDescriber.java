package dev.pertouch.agent.scene;

import dev.pertouch.agent.PhotoContext;
import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.Region;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Describes a photo's scene from its analysis: the named regions the region finder found (how much of the frame
 * each covers and how it measures) and the whole photo's measured values. The analysis holds measurements, not
 * pixels, so every tag below is a rule over those numbers, and tags that need a classifier this project does not
 * have offline are not guessed.
 *
 * <table>
 *   <caption>Tags</caption>
 *   <tr><th>tag</th><th>when</th></tr>
 *   <tr><td>{@code sky}</td><td>a {@code sky} region covers at least 10% of the frame</td></tr>
 *   <tr><td>{@code greenery}</td><td>{@code vegetation} covers at least 10%</td></tr>
 *   <tr><td>{@code water}</td><td>{@code water} covers at least 5% (a lake or a strip of sea is often thin)</td></tr>
 *   <tr><td>{@code portrait}</td><td>{@code person} covers at least 10%</td></tr>
 *   <tr><td>{@code landscape}</td><td>sky, vegetation and water together cover at least half the frame, and
 *       {@code person} less than 5%</td></tr>
 *   <tr><td>{@code close-up}</td><td>the salient {@code subject} covers at least 25% and is not a person
 *       ({@code person} under 10%): food, animals and objects shot up close</td></tr>
 *   <tr><td>{@code night}</td><td>the whole photo's brightness is under 70 of 255 (the reference set's night
 *       shot measures 61, its darkest day scene 84)</td></tr>
 *   <tr><td>{@code monochrome}</td><td>the whole photo's colourfulness is under 5: grey pixels measure 0, and the
 *       least colourful colour photo of the reference set 14</td></tr>
 *   <tr><td>{@code group}</td><td>the {@code person} mask falls apart into at least two people: separate pieces
 *       (weights at least 0.5, neighbours across edges) each covering at least 1% of the frame</td></tr>
 * </table>
 * Not produced: {@code city}, {@code indoor}, {@code food}, {@code animal} (no region or measurement tells them
 * apart; a region finder that names buildings, rooms, dishes or animals, or a configured VLM, would). People who
 * touch in the frame count as one.
 *
 * <p>The descriptor has {@value #DESCRIPTOR_LENGTH} numbers:
 * <ol>
 *   <li>0-5: the area of each named region, in {@link PhotoContext#NAMED_REGIONS} order (0 when absent);</li>
 *   <li>6-9: the whole photo's normalized values, in {@link Attribute} order;</li>
 *   <li>10-33: each named region's normalized values times its area (0 when absent), so a region counts as much
 *       as it covers. Colour enters here and in 6-9, through colourfulness and temperature.</li>
 * </ol>
 * Every entry lies in [-1, 1], so none dominates the cosine that compares descriptors.
 */
public final class SceneDescriber {
    private static final List<String> NAMED = PhotoContext.NAMED_REGIONS;
    private static final int ATTRIBUTES = Attribute.values().length;
    public static final int DESCRIPTOR_LENGTH = NAMED.size() + ATTRIBUTES + NAMED.size() * ATTRIBUTES;

    static final double SKY_AREA = 0.10;
    static final double GREENERY_AREA = 0.10;
    static final double WATER_AREA = 0.05;
    static final double PORTRAIT_AREA = 0.10;
    static final double LANDSCAPE_AREA = 0.5;
    static final double LANDSCAPE_MAX_PERSON = 0.05;
    static final double CLOSE_UP_AREA = 0.25;
    static final double PERSON_PIECE_AREA = 0.01;
    static final double NIGHT_BRIGHTNESS = 70;
    static final double MONOCHROME_COLORFULNESS = 5;

    public Scene describe(PhotoAnalysis analysis) {
        Region global = analysis.regions().get(0);
        double sky = area(analysis, "sky");
        double vegetation = area(analysis, "vegetation");
        double water = area(analysis, "water");
        double person = area(analysis, "person");
        double subject = area(analysis, "subject");

        Set<String> tags = new TreeSet<>();
        if (sky >= SKY_AREA) {
            tags.add("sky");
        }
        if (vegetation >= GREENERY_AREA) {
            tags.add("greenery");
        }
        if (water >= WATER_AREA) {
            tags.add("water");
        }
        if (person >= PORTRAIT_AREA) {
            tags.add("portrait");
        }
        if (people(analysis) >= 2) {
            tags.add("group");
        }
        if (sky + vegetation + water >= LANDSCAPE_AREA && person < LANDSCAPE_MAX_PERSON) {
            tags.add("landscape");
        }
        if (subject >= CLOSE_UP_AREA && person < PORTRAIT_AREA) {
            tags.add("close-up");
        }
        if (global.raw().brightness() < NIGHT_BRIGHTNESS) {
            tags.add("night");
        }
        if (global.raw().colorfulness() < MONOCHROME_COLORFULNESS) {
            tags.add("monochrome");
        }
        return new Scene(tags, descriptor(analysis, global));
    }

    private static float[] descriptor(PhotoAnalysis analysis, Region global) {
        float[] d = new float[DESCRIPTOR_LENGTH];
        for (int r = 0; r < NAMED.size(); r++) {
            d[r] = (float) area(analysis, NAMED.get(r));
        }
        double[] whole = global.normalized().toArray();
        for (int a = 0; a < ATTRIBUTES; a++) {
            d[NAMED.size() + a] = (float) whole[a];
        }
        for (int r = 0; r < NAMED.size(); r++) {
            int at = NAMED.size() + ATTRIBUTES + r * ATTRIBUTES;
            analysis.region(NAMED.get(r)).ifPresent(region -> {
                double[] own = region.normalized().toArray();
                for (int a = 0; a < ATTRIBUTES; a++) {
                    d[at + a] = (float) (region.area() * own[a]);
                }
            });
        }
        return d;
    }

    /** How many separate people the person mask shows; a region known only by its area counts as one. */
    static int people(PhotoAnalysis analysis) {
        Region person = analysis.region("person").orElse(null);
        if (person == null || person.area() <= 0) {
            return 0;
        }
        float[] mask = person.mask();
        if (mask == null) {
            return 1;
        }
        int w = analysis.workWidth();
        int h = analysis.workHeight();
        int minPixels = (int) Math.ceil(PERSON_PIECE_AREA * w * h);
        boolean[] seen = new boolean[mask.length];
        int[] stack = new int[mask.length];
        int people = 0;
        for (int start = 0; start < mask.length; start++) {
            if (seen[start] || mask[start] < 0.5f) {
                continue;
            }
            int size = 0;
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int p = stack[--top];
                size++;
                int x = p % w;
                int y = p / w;
                int[] next = {x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1};
                for (int q : next) {
                    if (q >= 0 && !seen[q] && mask[q] >= 0.5f) {
                        seen[q] = true;
                        stack[top++] = q;
                    }
                }
            }
            if (size >= minPixels) {
                people++;
            }
        }
        return people;
    }

    private static double area(PhotoAnalysis analysis, String id) {
        return analysis.region(id).map(Region::area).orElse(0.0);
    }
}
