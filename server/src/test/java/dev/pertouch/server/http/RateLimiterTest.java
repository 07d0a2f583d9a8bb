package dev.pertouch.server.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {
    @Test
    void aBurstUpToTheCapacityPassesThenTheNextWaits() {
        RateLimiter limiter = new RateLimiter(3, 0.5);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("a"));
        }
        int wait = limiter.acquire("a");
        assertTrue(wait >= 1 && wait <= 2, "wait " + wait);
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(1, 0.1);
        assertEquals(0, limiter.acquire("ip:10.0.0.1"));
        assertEquals(0, limiter.acquire("ip:10.0.0.2"));
        assertTrue(limiter.acquire("ip:10.0.0.1") > 0);
    }
}
