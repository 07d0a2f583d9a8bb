package dev.pertouch.inference.regions;

import ai.djl.engine.Engine;
import dev.pertouch.inference.image.RgbImage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled selfie model is our own conversion of a TF.js graph (scripts/models/convert_selfie.py). The script
 * also runs the original graph, op by op with TF semantics, in numpy on a portrait and stores that output; ONNX
 * Runtime running the converted model must reproduce it.
 */
class SelfieConversionTest {

    @Test
    void convertedSelfieModelReproducesTheOriginalGraph() throws IOException {
        byte[] bytes = Files.readAllBytes(LabelledSet.DIR.resolve("selfie-reference.bin"));
        int side = 256;
        int n = side * side;
        assertEquals(3 * n + 4 * n, bytes.length);
        int[] px = new int[n];
        for (int i = 0; i < n; i++) {
            px[i] = ((bytes[3 * i] & 0xFF) << 16) | ((bytes[3 * i + 1] & 0xFF) << 8) | (bytes[3 * i + 2] & 0xFF);
        }
        float[] reference = new float[n];
        ByteBuffer.wrap(bytes, 3 * n, 4 * n).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(reference);

        Engine.getEngine("OnnxRuntime");
        float[] mask;
        try (MaskModel model = MaskModel.load("/models/selfie-segmentation.onnx", side, MaskModel.Input.UNIT_NHWC, 1)) {
            mask = model.predict(new RgbImage(side, side, px));
        }
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(mask[i] - reference[i]));
        }
        assertTrue(worst < 1e-4, "largest difference from the original graph: " + worst);
        assertTrue(SoftMasks.area(reference) > 0.3, "the reference portrait should show a person");
    }
}
