package dev.pertouch.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.io.IOException;

/** Reads a request body that must be one JSON object. */
public final class JsonBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBody() {
    }

    public static JsonNode object(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.bodyAsBytes());
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("invalid_json", "The request body must be a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_json", "The request body is not valid JSON.");
        }
    }
}
