package dev.pertouch.inference.render;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.pertouch.inference.AttributeMeter;
import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.image.WorkingImage;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperatorsTest {
    private static final int N = 4096;

    @Test
    void tensorAndPixelFormsGiveTheSamePixels() {
        Random random = new Random(7);
        byte[] planar = new byte[3 * N];
        random.nextBytes(planar);
        float[][] maps = new float[4][N];
        float[] detail = new float[N];
        for (int i = 0; i < N; i++) {
            maps[0][i] = (float) (random.nextDouble() * 2 - 1);
            maps[1][i] = (float) (random.nextDouble() * 3 - 0.8);
            maps[2][i] = (float) (random.nextDouble() * 2 - 0.5);
            maps[3][i] = (float) (random.nextDouble() * 2 - 1);
            detail[i] = (float) (random.nextGaussian() * 10);
        }
        byte[] rendered;
        try (NDManager m = NDManager.newBaseManager(TensorRender.ENGINE)) {
            NDArray rgb = m.create(ByteBuffer.wrap(planar), new Shape(3, 1, N), DataType.UINT8)
                    .toType(DataType.FLOAT32, false);
            NDArray luma = m.create(Operators.LUMA, new Shape(1, 3)).matMul(rgb.reshape(3, N)).reshape(1, 1, N);
            NDArray[] t = new NDArray[4];
            for (int c = 0; c < 4; c++) {
                t[c] = m.create(maps[c], new Shape(1, 1, N));
            }
            rendered = Operators.apply(rgb, luma, m.create(detail, new Shape(1, 1, N)),
                    t[0], t[1], t[2], t[3]).toByteArray();
        }
        float[] out = new float[3];
        for (int i = 0; i < N; i++) {
            Operators.apply(planar[i] & 0xFF, planar[N + i] & 0xFF, planar[2 * N + i] & 0xFF, detail[i],
                    maps[0][i], maps[1][i], maps[2][i], maps[3][i], out);
            for (int c = 0; c < 3; c++) {
                assertEquals(Math.round(out[c]), rendered[c * N + i] & 0xFF, 1, "pixel " + i + " channel " + c);
            }
        }
    }

    @Test
    void zeroSettingsGiveEveryPixelBack() {
        float[] out = new float[3];
        for (int v = 0; v < 256; v += 5) {
            Operators.apply(v, 255 - v, (v * 7) % 256, 12f, 0, 0, 0, 0, out);
            assertEquals(v, out[0], 1e-3f);
            assertEquals(255 - v, out[1], 1e-3f);
            assertEquals((v * 7) % 256, out[2], 1e-3f);
        }
    }

    @Test
    void warmthRaisesTemperatureAndKeepsGreyLuma() {
        float[] out = new float[3];
        Operators.apply(128, 128, 128, 0, 1, 0, 0, 0, out);
        float luma = Operators.LUMA[0] * out[0] + Operators.LUMA[1] * out[1] + Operators.LUMA[2] * out[2];
        assertEquals(128f, luma, 1e-3f);
        assertTrue(out[0] > out[1] && out[1] > out[2],
                "warmer grey is reddish: " + out[0] + "," + out[1] + "," + out[2]);
        AttributeMeter meter = new AttributeMeter();
        AttributeValues before = meter.measure(pixel(128, 128, 128), (float[]) null);
        AttributeValues after = meter.measure(pixel(out[0], out[1], out[2]), (float[]) null);
        assertTrue(after.temperature() > before.temperature() + 500,
                before.temperature() + " -> " + after.temperature());
    }

    private static WorkingImage pixel(float r, float g, float b) {
        return new WorkingImage(1, 1, new float[] {r}, new float[] {g}, new float[] {b});
    }

    @Test
    void toneBrightensWithoutMovingBlackOrWhite() {
        float[] out = new float[3];
        Operators.apply(0, 0, 0, 0, 0, 2, 0, 0, out);
        assertEquals(0f, out[0], 1e-4f);
        Operators.apply(255, 255, 255, 0, 0, 2, 0, 0, out);
        assertEquals(255f, out[0], 1e-3f);
        Operators.apply(100, 100, 100, 0, 0, 2, 0, 0, out);
        assertTrue(out[0] > 150, "mid grey brightens: " + out[0]);
    }
}
