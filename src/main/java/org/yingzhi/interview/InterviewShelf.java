package org.yingzhi.interview;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.yingzhi.search.ChangeFollower;
import org.yingzhi.search.ChangeLog;

/**
 * Interviews, transcript summaries (no cues) and segments, kept in memory and in step with the change log, so
 * that an asset's transcripts and segments, and an interview's recordings, are found without a scan (the embedded
 * server builds no index on {@code asset}). A thousand interviews are a few hundred kilobytes.
 */
@Component
class InterviewShelf implements SmartLifecycle {

    private final InterviewRepository repo;
    private final ChangeFollower follower;
    private volatile Map<String, Interview> interviews = new ConcurrentHashMap<>();
    private volatile Map<String, Transcript.Summary> transcripts = new ConcurrentHashMap<>();
    private volatile Map<String, Segment> segments = new ConcurrentHashMap<>();

    InterviewShelf(InterviewRepository repo, ChangeLog changes) {
        this.repo = repo;
        this.follower = new ChangeFollower(changes, "interview-shelf", Set.of(InterviewRepository.INTERVIEWS,
                InterviewRepository.TRANSCRIPTS, InterviewRepository.SEGMENTS), this::rebuild, this::refresh,
                Duration.ofMinutes(10));
    }

    private void rebuild() {
        Map<String, Interview> i = new ConcurrentHashMap<>();
        repo.forEachInterview(x -> i.put(x.id(), x));
        Map<String, Transcript.Summary> t = new ConcurrentHashMap<>();
        repo.forEachTranscriptSummary(x -> t.put(x.id(), x));
        Map<String, Segment> s = new ConcurrentHashMap<>();
        repo.forEachSegment(x -> s.put(x.id(), x));
        interviews = i;
        transcripts = t;
        segments = s;
    }

    private void refresh(String collection, String id) {
        switch (collection) {
            case InterviewRepository.INTERVIEWS -> repo.interview(id).ifPresentOrElse(x -> interviews.put(id, x),
                    () -> interviews.remove(id));
            case InterviewRepository.TRANSCRIPTS -> repo.transcriptSummary(id).ifPresentOrElse(x -> transcripts.put(id, x),
                    () -> transcripts.remove(id));
            case InterviewRepository.SEGMENTS -> repo.segment(id).ifPresentOrElse(x -> segments.put(id, x),
                    () -> segments.remove(id));
            default -> {
            }
        }
    }

    private void ensure() {
        if (!follower.built()) {
            follower.rebuildNow();
        }
    }

    /** Reads everything again (tests that wrote to the catalog directly, a restore). */
    void rebuildNow() {
        follower.rebuildNow();
    }

    Collection<Interview> interviews() {
        ensure();
        return interviews.values();
    }

    Optional<Interview> interview(String id) {
        ensure();
        return Optional.ofNullable(id == null ? null : interviews.get(id));
    }

    /** The interview a recording belongs to (not deleted), if any. */
    Optional<Interview> interviewOf(String asset) {
        ensure();
        return interviews.values().stream().filter(i -> !i.deleted() && i.assets().contains(asset))
                .min(Comparator.comparing(Interview::createdAt));
    }

    /** The transcripts of a recording that are not deleted, the shown one first, then by language and age. */
    List<Transcript.Summary> transcriptsOf(String asset) {
        ensure();
        List<Transcript.Summary> out = new ArrayList<>();
        for (Transcript.Summary t : transcripts.values()) {
            if (!t.deleted() && t.asset().equals(asset)) {
                out.add(t);
            }
        }
        out.sort(Comparator.comparing((Transcript.Summary t) -> !t.shown()).thenComparing(Transcript.Summary::updatedAt));
        return out;
    }

    Map<String, Integer> transcriptCounts() {
        ensure();
        Map<String, Integer> n = new HashMap<>();
        transcripts.values().stream().filter(t -> !t.deleted()).forEach(t -> n.merge(t.asset(), 1, Integer::sum));
        return n;
    }

    List<Segment> segmentsOf(String asset) {
        ensure();
        List<Segment> out = new ArrayList<>();
        for (Segment s : segments.values()) {
            if (s.asset().equals(asset)) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingLong(Segment::startMillis).thenComparing(Segment::id));
        return out;
    }

    @Override
    public void start() {
        follower.start();
    }

    @Override
    public void stop() {
        follower.stop();
    }

    @Override
    public boolean isRunning() {
        return follower.running();
    }
}
