package org.yingzhi.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Sign-in throttling: per name and address, and per name across addresses; a success clears its address. */
class LoginThrottleTest {

    @Test
    void fiveFailuresFromOneAddressMakeItWait() {
        LoginThrottle t = new LoginThrottle();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            t.failed("Bureau", "10.0.0.1");
        }
        assertEquals(0, t.minutesToWait("bureau", "10.0.0.1"), "four failures: try again");
        t.failed("bureau ", "10.0.0.1");
        long wait = t.minutesToWait("BUREAU", "10.0.0.1");
        assertTrue(wait >= 1 && wait <= 15, "names are case- and space-insensitive; waits " + wait);
        assertEquals(0, t.minutesToWait("bureau", "10.0.0.2"), "another address is not held back yet");
        assertEquals(0, t.minutesToWait("viewer", "10.0.0.1"), "another name is not held back");
    }

    @Test
    void aSuccessClearsItsAddress() {
        LoginThrottle t = new LoginThrottle();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            t.failed("editor", "10.0.0.1");
        }
        t.succeeded("editor", "10.0.0.1");
        assertEquals(0, t.minutesToWait("editor", "10.0.0.1"));
    }

    @Test
    void manyAddressesGuessingOneNameAreHeldBackTogether() {
        LoginThrottle t = new LoginThrottle();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_NAME; i++) {
            t.failed("admin", "10.0.1." + i);
        }
        assertTrue(t.minutesToWait("admin", "10.0.9.9") >= 1, "a fresh address still waits: the name is under attack");
        assertEquals(0, t.minutesToWait("reviewer", "10.0.9.9"));
    }
}
