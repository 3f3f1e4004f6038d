package org.yingzhi.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.yingzhi.shared.os.ThreadNice;

class ThreadNiceTest {

    @Test
    void aThreadLowersItselfAndWhatItStartsNotItsParent() throws Exception {
        long before = ThreadNice.current().orElseThrow();
        AtomicLong own = new AtomicLong(-1);
        AtomicLong child = new AtomicLong(-1);
        AtomicLong took = new AtomicLong();
        Thread t = new Thread(() -> {
            took.set(ThreadNice.lower(Math.max(7, (int) before)) ? 1 : 0);
            own.set(ThreadNice.current().orElse(-1));
            Thread c = new Thread(() -> child.set(ThreadNice.current().orElse(-1)));
            c.start();
            try {
                c.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        t.join();
        assertEquals(1, took.get(), "renice took");
        assertEquals(Math.max(7, before), own.get());
        assertEquals(Math.max(7, before), child.get(), "a thread it starts inherits the value");
        assertEquals(before, ThreadNice.current().orElseThrow(), "the parent as it was");
        assertTrue(ThreadNice.currentTid().orElseThrow() > 0);
    }

    @Test
    void raisingIsNeverAttempted() {
        assertThrows(IllegalArgumentException.class, () -> ThreadNice.lower(0));
        assertThrows(IllegalArgumentException.class, () -> ThreadNice.lower(-5));
        assertThrows(IllegalArgumentException.class, () -> ThreadNice.lower(20));
    }
}
