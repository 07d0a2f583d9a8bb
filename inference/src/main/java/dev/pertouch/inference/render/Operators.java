package dev.pertouch.inference.render;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The per-pixel retouch, written once for single pixels (the solver's samples) and once for tensors (the render);
 * a test holds the two to the same numbers. For a pixel u (sRGB, 0..255) with luma Y and detail D and settings
 * (t, k, c, s):
 * <pre>
 *   v   = Y (1 + k) / (1 + k Y / 255)   tone curve on luma, added to every channel
 *       + c D                           detail, added to every channel
 *       + (1 + s) (u - Y)               chroma around luma
 *   out = v * (1 + t * WARM)            white balance: gains along the Planckian direction
 * </pre>
 * clamped to 0..255. Adding the same amount to every channel leaves the colorfulness terms |R-G| and |(R+G)/2-B|
 * alone, so tone and detail barely touch colorfulness; chroma scaling leaves luma alone; and white balance comes
 * last, so a colour cast asked for is not scaled down by a saturation change asked at the same time. The four
 * operators act nearly one per attribute, which keeps the solve short. All settings zero give back u.
 */
final class Operators {
    /** Luma weights; the same weights as the brightness formula, and they sum to 1. */
    static final float[] LUMA = {0.241f, 0.691f, 0.068f};
    /** Per-channel gain change for a step of 100 mired towards warm, luma-neutral for grey. */
    static final float[] WARM = planckianDirection();
    /** Added before truncating to 8 bits, so the result is rounded. */
    private static final float HALF = 0.5f;
    /** The largest value that truncates to 255. */
    private static final float TOP = 255.99f;

    private Operators() {
    }

    /** One pixel; {@code out} receives the three channels, clamped to 0..255 but not rounded. */
    static void apply(float r, float g, float b, float detail, float t, float k, float c, float s, float[] out) {
        float y = LUMA[0] * r + LUMA[1] * g + LUMA[2] * b;
        float q = k * y;
        float sigma = s + 1;
        float level = (q + y) / (q * (1f / 255) + 1) - sigma * y + c * detail;
        out[0] = clamp((sigma * r + level) * (t * WARM[0] + 1));
        out[1] = clamp((sigma * g + level) * (t * WARM[1] + 1));
        out[2] = clamp((sigma * b + level) * (t * WARM[2] + 1));
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(255f, v));
    }

    /**
     * A tensor of pixels, rounded to 8 bits. {@code rgb} is (3, H, W) with values 0..255 and is consumed;
     * {@code luma} is (1, H, W) from {@link #LUMA}; each operator map is (1, H, W), or {@code null} where that
     * operator is off everywhere ({@code detail} is needed only with {@code localContrast}).
     */
    static NDArray apply(NDArray rgb, NDArray luma, NDArray detail, NDArray warmth, NDArray tone,
                         NDArray localContrast, NDArray saturation) {
        NDArray level;
        if (tone == null) {
            level = luma.duplicate();
        } else {
            NDArray q = tone.mul(luma);
            level = q.add(luma).divi(q.muli(1f / 255).addi(1f));
        }
        NDArray sigma = saturation == null ? null : saturation.add(1f);
        level.subi(sigma == null ? luma : sigma.mul(luma));
        if (localContrast != null) {
            level.addi(localContrast.mul(detail));
        }
        NDArray out = sigma == null ? rgb : rgb.muli(sigma);
        if (warmth == null) {
            out.addi(level.addi(HALF));
        } else {
            out.addi(level).muli(warmth.mul(rgb.getManager().create(WARM, new Shape(3, 1, 1))).addi(1f)).addi(HALF);
        }
        return out.getNDArrayInternal().relu().minimum(TOP).toType(DataType.UINT8, false);
    }

    /**
     * The direction of white-balance gains along the Planckian locus at 6500 K, as log-gains of the gamma-encoded
     * white point per 100 mired, made luma-neutral so a grey keeps its luma. The locus is Kim et al.'s cubic fit.
     */
    private static float[] planckianDirection() {
        double mired = 1e6 / 6500;
        double step = 5;
        double[] warmer = encodedWhite(1e6 / (mired + step));
        double[] cooler = encodedWhite(1e6 / (mired - step));
        double[] d = new double[3];
        double lumaShift = 0;
        for (int c = 0; c < 3; c++) {
            d[c] = (Math.log(warmer[c]) - Math.log(cooler[c])) / (2 * step) * 100;
            lumaShift += LUMA[c] * d[c];
        }
        float[] out = new float[3];
        for (int c = 0; c < 3; c++) {
            out[c] = (float) (d[c] - lumaShift);
        }
        return out;
    }

    private static double[] encodedWhite(double kelvin) {
        double t = kelvin;
        double x = t < 4000
                ? -0.2661239e9 / (t * t * t) - 0.2343589e6 / (t * t) + 0.8776956e3 / t + 0.179910
                : -3.0258469e9 / (t * t * t) + 2.1070379e6 / (t * t) + 0.2226347e3 / t + 0.240390;
        double y = t < 2222 ? -1.1063814 * x * x * x - 1.34811020 * x * x + 2.18555832 * x - 0.20219683
                : t < 4000 ? -0.9549476 * x * x * x - 1.37418593 * x * x + 2.09137015 * x - 0.16748867
                : 3.0817580 * x * x * x - 5.87338670 * x * x + 3.75112997 * x - 0.37001483;
        double bigX = x / y;
        double bigZ = (1 - x - y) / y;
        double[] rgb = {
                3.2409699 * bigX - 1.5373832 - 0.4986108 * bigZ,
                -0.9692436 * bigX + 1.8759675 + 0.0415551 * bigZ,
                0.0556301 * bigX - 0.2039770 + 1.0569715 * bigZ};
        double max = Math.max(rgb[0], Math.max(rgb[1], rgb[2]));
        for (int c = 0; c < 3; c++) {
            double v = rgb[c] / max;
            rgb[c] = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
        }
        return rgb;
    }
}
