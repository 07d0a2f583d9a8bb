package dev.pertouch.server.http;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityTest {
    private final Identity identity = new Identity(new byte[32]);
    private final Identity otherServer = new Identity("another key, thirty-two bytes long".getBytes());

    @Test
    void aCookieWeSignedNamesItsUser() {
        String user = Identity.newUserId();
        assertEquals(Optional.of(user), identity.verify(identity.cookieValue(user)));
    }

    @Test
    void aTamperedForeignOrMalformedCookieNamesNobody() {
        String user = Identity.newUserId();
        String cookie = identity.cookieValue(user);
        String otherUser = Identity.newUserId();
        assertFalse(identity.verify(otherUser + cookie.substring(cookie.indexOf('.'))).isPresent());
        assertFalse(identity.verify(otherServer.cookieValue(user)).isPresent());
        assertFalse(identity.verify(user).isPresent());
        assertFalse(identity.verify("../../etc/passwd.x").isPresent());
        assertFalse(identity.verify(null).isPresent());
    }

    @Test
    void theCsrfTokenBelongsToOneUser() {
        String alice = Identity.newUserId();
        String bob = Identity.newUserId();
        assertTrue(identity.csrfMatches(alice, identity.csrfToken(alice)));
        assertFalse(identity.csrfMatches(bob, identity.csrfToken(alice)));
        assertFalse(identity.csrfMatches(alice, null));
        assertNotEquals(identity.csrfToken(alice), identity.cookieValue(alice));
    }
}
