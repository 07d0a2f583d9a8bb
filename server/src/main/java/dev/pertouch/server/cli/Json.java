package dev.pertouch.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pertouch.inference.AttributeValues;

import java.util.LinkedHashMap;
import java.util.Map;

/** Pretty JSON on standard output, the format of every command that prints data. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static void print(Object value) {
        try {
            System.out.println(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Double> values(AttributeValues v, int decimals) {
        double scale = Math.pow(10, decimals);
        Map<String, Double> out = new LinkedHashMap<>();
        v.toMap().forEach((k, x) -> out.put(k, Math.round(x * scale) / scale));
        return out;
    }
}
