package org.yingzhi.shared.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Lowers the scheduling priority of the calling thread (Linux: a nice value per thread, which the threads it starts
 * inherit, FFmpeg's encoder threads among them). A background worker so lowered still gets the cores whenever
 * nothing else wants them, but a page a user waits for is served first (issue 19: pages under upload load).
 * Raising a priority needs privileges and is never attempted.
 */
public final class ThreadNice {

    private ThreadNice() {
    }

    /** This thread's id in the kernel ({@code /proc/thread-self}), or empty where there is none. */
    public static OptionalLong currentTid() {
        try {
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self")); // "<pid>/task/<tid>"
            return OptionalLong.of(Long.parseLong(link.getFileName().toString()));
        } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The calling thread's nice value as the kernel reports it, or empty where it cannot be read. */
    public static OptionalLong current() {
        OptionalLong tid = currentTid();
        if (tid.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            // /proc/<tid>/stat: "pid (comm) state ..." the 19th field is nice; comm may hold spaces and parentheses
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(f[16]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Sets the calling thread's nice value to {@code nice} (1-19; lower values are refused) with renice(1).
     * Returns whether it took; a system without renice or /proc leaves the thread as it was.
     */
    public static boolean lower(int nice) {
        if (nice < 1 || nice > 19) {
            throw new IllegalArgumentException("nice must be 1-19, not " + nice);
        }
        OptionalLong tid = currentTid();
        if (tid.isEmpty()) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", Long.toString(tid.getAsLong()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0 && current().orElse(0) >= nice;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
