package dev.pertouch.server.http;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (an IP address or a user id): {@code capacity} requests at once, refilled at
 * {@code perSecond}. Idle buckets are dropped so that the map cannot grow without bound.
 */
public final class RateLimiter {
    private static final int MAX_KEYS = 100_000;
    private final double capacity;
    private final double perSecond;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double capacity, double perSecond) {
        this.capacity = capacity;
        this.perSecond = perSecond;
    }

    /** Takes one token; returns 0 when allowed, else the seconds until the next token. */
    public int acquire(String key) {
        long now = System.nanoTime();
        if (buckets.size() > MAX_KEYS) {
            buckets.entrySet().removeIf(e -> e.getValue().idleSeconds(now) > capacity / perSecond);
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (b) {
            b.refill(now, capacity, perSecond);
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return (int) Math.ceil((1 - b.tokens) / perSecond);
        }
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        void refill(long now, double capacity, double perSecond) {
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * perSecond);
            last = now;
        }

        synchronized double idleSeconds(long now) {
            return (now - last) / 1e9;
        }
    }
}
