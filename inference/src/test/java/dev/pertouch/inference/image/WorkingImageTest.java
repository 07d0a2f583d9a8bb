package dev.pertouch.inference.image;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkingImageTest {
    @Test
    void workingSizeHasLongSide512AndKeepsTheAspect() {
        assertEquals(new WorkingImage.Size(512, 341), WorkingImage.sizeFor(4000, 2667));
        assertEquals(new WorkingImage.Size(341, 512), WorkingImage.sizeFor(2667, 4000));
        assertEquals(new WorkingImage.Size(512, 512), WorkingImage.sizeFor(512, 512));
    }

    @Test
    void smallAndThinPhotosStillGetAWorkingSize() {
        assertEquals(new WorkingImage.Size(512, 341), WorkingImage.sizeFor(300, 200));
        assertEquals(new WorkingImage.Size(512, 1), WorkingImage.sizeFor(20000, 1));
        assertEquals(new WorkingImage.Size(512, 512), WorkingImage.sizeFor(1, 1));
    }

    @Test
    void photoAtWorkingSizeIsNotResampled() {
        int[] px = new int[512 * 2];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 7919) & 0xFFFFFF;
        }
        WorkingImage w = WorkingImage.of(new RgbImage(512, 2, px));
        assertEquals(((px[700] >> 16) & 0xFF), w.red()[700], 0f);
        assertEquals((px[700] & 0xFF), w.blue()[700], 0f);
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        int[] px = {0x000000, 0x040000, 0x080000, 0x0C0000,
                    0x100000, 0x140000, 0x180000, 0x1C0000};
        float[][] p = Resampler.planes(new RgbImage(4, 2, px), 2, 1);
        assertArrayEquals(new float[] {(0 + 4 + 16 + 20) / 4f, (8 + 12 + 24 + 28) / 4f}, p[0], 1e-5f);
    }

    @Test
    void shrinkingByAFractionWeighsPartlyCoveredPixels() {
        int[] px = {0x000000, 0x000030, 0x000060};
        float[][] p = Resampler.planes(new RgbImage(3, 1, px), 2, 1);
        // Output pixels cover source [0, 1.5) and [1.5, 3).
        assertArrayEquals(new float[] {(0 + 0.5f * 0x30) / 1.5f, (0.5f * 0x30 + 0x60) / 1.5f}, p[2], 1e-4f);
    }

    @Test
    void enlargingInterpolatesBetweenPixelCentres() {
        int[] px = {0x000000, 0x000040};
        float[][] p = Resampler.planes(new RgbImage(2, 1, px), 4, 1);
        assertArrayEquals(new float[] {0, 16, 48, 64}, p[2], 1e-4f);
    }

    @Test
    void aSinglePlaneResizesExactlyAsTheColourPlanesDo() {
        int[] px = new int[37 * 23];
        float[] red = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 7919) & 0xFFFFFF;
            red[i] = (px[i] >> 16) & 0xFF;
        }
        RgbImage image = new RgbImage(37, 23, px);
        assertArrayEquals(Resampler.planes(image, 16, 40)[0], Resampler.resize(red, 37, 23, 16, 40), 1e-4f);
        assertArrayEquals(Resampler.planes(image, 50, 9)[0], Resampler.resize(red, 37, 23, 50, 9), 1e-4f);
    }

    @Test
    void theRoundedWorkingImageIsTheResizedPhoto() {
        int[] px = new int[700 * 300];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 7919) & 0xFFFFFF;
        }
        RgbImage photo = new RgbImage(700, 300, px);
        WorkingImage work = WorkingImage.of(photo);
        assertArrayEquals(Resampler.resize(photo, work.width(), work.height()).pixels(), work.rounded().pixels());
    }
}
