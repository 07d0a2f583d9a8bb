package dev.pertouch.server;

import dev.pertouch.memory.Photos;
import dev.pertouch.server.photo.RenderQueue;
import io.javalin.http.Context;

/** A few gauges in the Prometheus text format, for scraping. */
final class Metrics {
    private final RenderQueue queue;
    private final Photos photos;

    Metrics(RenderQueue queue, Photos photos) {
        this.queue = queue;
        this.photos = photos;
    }

    void serve(Context ctx) {
        Runtime rt = Runtime.getRuntime();
        String body = gauge("pertouch_render_queue_waiting", "Render jobs waiting for a worker", queue.queued())
                + gauge("pertouch_render_queue_running", "Render jobs running", queue.running())
                + gauge("pertouch_render_workers", "Render workers", queue.workers())
                + gauge("pertouch_photos_stored", "Photos stored", photos.count())
                + gauge("pertouch_jvm_heap_used_bytes", "Heap in use", rt.totalMemory() - rt.freeMemory())
                + gauge("pertouch_jvm_heap_max_bytes", "Largest heap allowed", rt.maxMemory());
        ctx.contentType("text/plain; version=0.0.4").result(body);
    }

    private static String gauge(String name, String help, long value) {
        return "# HELP " + name + " " + help + "\n# TYPE " + name + " gauge\n" + name + " " + value + "\n";
    }
}
