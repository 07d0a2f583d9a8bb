package dev.pertouch.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pertouch.inference.image.DecodeLimits;
import dev.pertouch.inference.image.ImageCodec;
import dev.pertouch.inference.image.ImageRejectedException;
import dev.pertouch.inference.image.RgbImage;
import dev.pertouch.inference.image.WorkingImage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Maps raw attribute values to PerTouch's normalized scale and back. Per attribute, a table of quantiles of raw
 * values measured on a reference set of well-retouched photos (as the official quantile transformer: evenly spaced
 * probabilities from 0 to 1); a raw value maps to 2u - 1 where u is its interpolated probability, values outside the
 * table clamp to -1 or +1. Runs of equal quantiles map to the middle of their run. Instances are immutable.
 */
public final class Calibration {
    public static final int QUANTILES = 1000;
    static final String FORMAT = "pertouch-calibration";
    private static final String BUNDLED = "calibration-default.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Attribute, double[]> quantiles;
    private final String source;
    private final int samples;

    private Calibration(Map<Attribute, double[]> quantiles, String source, int samples) {
        this.quantiles = quantiles;
        this.source = source;
        this.samples = samples;
    }

    /** Builds tables from raw region values, {@link #QUANTILES} per attribute. */
    public static Calibration fromSamples(List<AttributeValues> rawSamples, String source) {
        if (rawSamples.size() < 2) {
            throw new IllegalArgumentException("a calibration needs at least two samples, got " + rawSamples.size());
        }
        Map<Attribute, double[]> tables = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) {
            double[] v = rawSamples.stream().mapToDouble(s -> s.get(a)).sorted().toArray();
            double[] q = new double[QUANTILES];
            for (int i = 0; i < QUANTILES; i++) {
                double pos = (double) i / (QUANTILES - 1) * (v.length - 1);
                int lo = (int) Math.floor(pos);
                int hi = Math.min(lo + 1, v.length - 1);
                q[i] = v[lo] + (pos - lo) * (v[hi] - v[lo]);
            }
            tables.put(a, q);
        }
        return new Calibration(tables, source, rawSamples.size());
    }

    /**
     * Builds tables from photos: each photo is brought to its working size and measured on the regions of
     * {@link #samplingMasks(int, int)}. The photos are read one at a time, so the iterable may decode lazily.
     */
    public static Calibration build(Iterable<RgbImage> photos, String source) {
        AttributeMeter meter = new AttributeMeter();
        List<AttributeValues> samples = new ArrayList<>();
        for (RgbImage photo : photos) {
            WorkingImage work = WorkingImage.of(photo);
            for (float[] mask : samplingMasks(work.width(), work.height())) {
                samples.add(meter.measure(work, mask));
            }
        }
        return fromSamples(samples, source);
    }

    /**
     * Builds a table from photo files (JPEG or PNG), decoding them one at a time so that a large reference set
     * never has to fit in memory at once.
     *
     * @throws IllegalArgumentException naming the file that cannot be read or decoded
     */
    public static Calibration buildFromFiles(List<Path> files, String source) {
        Iterable<RgbImage> photos = () -> files.stream().map(Calibration::decode).iterator();
        return build(photos, source);
    }

    private static RgbImage decode(Path file) {
        try {
            return ImageCodec.decode(Files.readAllBytes(file), DecodeLimits.defaults()).image();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (ImageRejectedException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The regions sampled on each reference photo. The official tables sample every region of every training map
     * (segments found by SAM); without a segmenter, the whole image, its four halves and the cells of a 3x3 and a
     * 4x4 grid stand in for regions of different sizes and places: 30 regions per photo.
     */
    public static List<float[]> samplingMasks(int width, int height) {
        List<float[]> masks = new ArrayList<>();
        masks.add(null);
        masks.add(box(width, height, 0, 0, 0.5, 1));
        masks.add(box(width, height, 0.5, 0, 1, 1));
        masks.add(box(width, height, 0, 0, 1, 0.5));
        masks.add(box(width, height, 0, 0.5, 1, 1));
        for (int n = 3; n <= 4; n++) {
            for (int gy = 0; gy < n; gy++) {
                for (int gx = 0; gx < n; gx++) {
                    masks.add(box(width, height, (double) gx / n, (double) gy / n,
                            (double) (gx + 1) / n, (double) (gy + 1) / n));
                }
            }
        }
        return masks;
    }

    private static float[] box(int width, int height, double x0, double y0, double x1, double y1) {
        float[] m = new float[width * height];
        int xa = (int) Math.round(x0 * width);
        int xb = (int) Math.round(x1 * width);
        int ya = (int) Math.round(y0 * height);
        int yb = (int) Math.round(y1 * height);
        for (int y = ya; y < yb; y++) {
            Arrays.fill(m, y * width + xa, y * width + xb, 1f);
        }
        return m;
    }

    /** The raw value's place on the normalized scale, in [-1, 1]. */
    public double normalize(Attribute attribute, double raw) {
        double[] q = quantiles.get(attribute);
        if (Double.isNaN(raw)) {
            raw = 0;
        }
        int n = q.length;
        if (raw < q[0]) {
            return -1;
        }
        if (raw > q[n - 1]) {
            return 1;
        }
        int firstAtLeast = lowerBound(q, raw);
        int firstAbove = upperBound(q, raw);
        int lastAtMost = firstAbove - 1;
        double step = 1.0 / (n - 1);
        double fromBelow = lastAtMost == n - 1 ? 1
                : (lastAtMost + (raw - q[lastAtMost]) / (q[lastAtMost + 1] - q[lastAtMost])) * step;
        double fromAbove = firstAtLeast == 0 ? 0
                : (firstAtLeast - (q[firstAtLeast] - raw) / (q[firstAtLeast] - q[firstAtLeast - 1])) * step;
        return (fromBelow + fromAbove) - 1;
    }

    /** The raw value at a place on the normalized scale (clamped to [-1, 1]). */
    public double raw(Attribute attribute, double normalized) {
        double[] q = quantiles.get(attribute);
        double u = Math.max(0, Math.min(1, (normalized + 1) / 2));
        double pos = u * (q.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, q.length - 1);
        return q[lo] + (pos - lo) * (q[hi] - q[lo]);
    }

    public AttributeValues normalize(AttributeValues raw) {
        double[] v = raw.toArray();
        for (Attribute a : Attribute.values()) {
            v[a.ordinal()] = normalize(a, v[a.ordinal()]);
        }
        return AttributeValues.of(v);
    }

    public AttributeValues raw(AttributeValues normalized) {
        double[] v = normalized.toArray();
        for (Attribute a : Attribute.values()) {
            v[a.ordinal()] = raw(a, v[a.ordinal()]);
        }
        return AttributeValues.of(v);
    }

    /** What the table was made from, in words. */
    public String source() {
        return source;
    }

    /** How many region measurements the table was made from. */
    public int samples() {
        return samples;
    }

    /** A copy of one attribute's quantiles, lowest first. */
    public double[] quantiles(Attribute attribute) {
        return quantiles.get(attribute).clone();
    }

    private static int lowerBound(double[] q, double v) {
        int lo = 0;
        int hi = q.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (q[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] q, double v) {
        int lo = 0;
        int hi = q.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (q[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The table as JSON; quantiles keep 7 significant digits. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("source", source);
        root.put("samples", samples);
        root.put("workingLongSide", WorkingImage.LONG_SIDE);
        ObjectNode tables = root.putObject("quantiles");
        MathContext digits = new MathContext(7);
        for (Attribute a : Attribute.values()) {
            ArrayNode arr = tables.putArray(a.key());
            for (double v : quantiles.get(a)) {
                arr.add(new BigDecimal(v).round(digits).stripTrailingZeros());
            }
        }
        return root.toString();
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /** Reads a table written by {@link #write(Path)}; a malformed table fails with a message saying what is wrong. */
    public static Calibration read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** The table shipped with the engine; docs/CALIBRATION.md says what it was made from. */
    public static Calibration bundled() {
        try (InputStream in = Calibration.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled calibration table " + BUNDLED + " is missing");
            }
            return read(in, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Calibration read(InputStream in, String name) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(name + " is not a calibration table (format must be '" + FORMAT + "')");
        }
        JsonNode tables = root.path("quantiles");
        Map<Attribute, double[]> q = new EnumMap<>(Attribute.class);
        int length = -1;
        for (Attribute a : Attribute.values()) {
            JsonNode arr = tables.path(a.key());
            if (!arr.isArray() || arr.size() < 2) {
                throw new IOException(name + ": quantiles of '" + a.key() + "' must be an array of at least 2 numbers");
            }
            if (length >= 0 && arr.size() != length) {
                throw new IOException(name + ": every attribute needs the same number of quantiles");
            }
            length = arr.size();
            double[] v = new double[length];
            for (int i = 0; i < length; i++) {
                JsonNode e = arr.get(i);
                if (!e.isNumber() || !Double.isFinite(e.doubleValue())) {
                    throw new IOException(name + ": quantile " + i + " of '" + a.key() + "' is not a finite number");
                }
                v[i] = e.doubleValue();
                if (i > 0 && v[i] < v[i - 1]) {
                    throw new IOException(name + ": quantiles of '" + a.key() + "' must not decrease (at " + i + ")");
                }
            }
            q.put(a, v);
        }
        return new Calibration(q, root.path("source").asText(""), root.path("samples").asInt(0));
    }
}
