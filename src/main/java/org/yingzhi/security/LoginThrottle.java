package org.yingzhi.security;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed sign-ins for one name from one address within
 * {@link #WINDOW_MILLIS}, that pair is refused until the oldest failure leaves the window; and after
 * {@link #MAX_FAILURES_PER_NAME} failures for one name from anywhere, the name is refused the same way (a spread
 * guess). A success clears the name's record from that address.
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final int MAX_FAILURES_PER_NAME = 20;
    static final long WINDOW_MILLIS = 15 * 60_000;

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    /** Minutes to wait before trying again, or 0 when a sign-in may be tried now. */
    public long minutesToWait(String name, String address) {
        long now = System.currentTimeMillis();
        long a = wait(key(name, address), MAX_FAILURES, now);
        long b = wait(key(name, "*"), MAX_FAILURES_PER_NAME, now);
        long millis = Math.max(a, b);
        return millis == 0 ? 0 : Math.max(1, (millis + 59_999) / 60_000);
    }

    private long wait(String key, int max, long now) {
        Deque<Long> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            while (!d.isEmpty() && now - d.peekFirst() > WINDOW_MILLIS) {
                d.pollFirst();
            }
            return d.size() < max ? 0 : WINDOW_MILLIS - (now - d.peekFirst());
        }
    }

    public void failed(String name, String address) {
        long now = System.currentTimeMillis();
        for (String k : new String[] {key(name, address), key(name, "*")}) {
            Deque<Long> d = failures.computeIfAbsent(k, x -> new ArrayDeque<>());
            synchronized (d) {
                d.addLast(now);
                while (d.size() > MAX_FAILURES_PER_NAME) {
                    d.pollFirst();
                }
            }
        }
        if (failures.size() > 100_000) {
            failures.clear(); // a flood of made-up names must not fill the memory
        }
    }

    public void succeeded(String name, String address) {
        failures.remove(key(name, address));
    }

    private static String key(String name, String address) {
        return (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) + "|" + address;
    }
}
