package org.yingzhi.job;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Exactly one handler per job type, checked when the application starts; features that queue jobs call
 * {@link #requireAll} at start-up for the types they will queue.
 */
@Component
public class JobHandlers {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private final Map<String, JobHandler> byType = new TreeMap<>();

    public JobHandlers(List<JobHandler> handlers) {
        for (JobHandler h : handlers) {
            if (h.type() == null || !TYPE.matcher(h.type()).matches()) {
                throw new IllegalStateException("job type of " + h.getClass().getName() + " must be lower case "
                        + "letters, digits and _: '" + h.type() + "'");
            }
            JobHandler previous = byType.put(h.type(), h);
            if (previous != null) {
                throw new IllegalStateException("two handlers for job type " + h.type() + ": "
                        + previous.getClass().getName() + " and " + h.getClass().getName());
            }
        }
    }

    /** Fails (at start-up, where features call it) when a type has no handler. */
    public void requireAll(Collection<String> types) {
        for (String t : types) {
            if (!byType.containsKey(t)) {
                throw new IllegalStateException("no handler for job type " + t + "; handlers exist for " + byType.keySet());
            }
        }
    }

    public JobHandler get(String type) {
        JobHandler h = byType.get(type);
        if (h == null) {
            throw new IllegalStateException("no handler for job type " + type);
        }
        return h;
    }

    public Set<String> types() {
        return byType.keySet();
    }
}
