package org.yingzhi.interview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.yingzhi.search.Passage;
import org.yingzhi.search.PassageSource;

/**
 * Transcripts' cues and index segments as passages for the search index, each with what a search filters by: the
 * interview, its interviewees and interviewers, the language, the kind of transcript, and the recording's unit.
 */
@Component
class TranscriptPassages implements PassageSource {

    private final InterviewRepository repo;
    private final InterviewShelf shelf;

    TranscriptPassages(InterviewRepository repo, InterviewShelf shelf) {
        this.repo = repo;
        this.shelf = shelf;
    }

    @Override
    public Set<String> collections() {
        return Set.of(InterviewRepository.TRANSCRIPTS, InterviewRepository.SEGMENTS);
    }

    @Override
    public List<Passage> passages(String collection, String id) {
        if (collection.equals(InterviewRepository.TRANSCRIPTS)) {
            return repo.transcript(id).filter(t -> !t.deleted()).map(this::of).orElse(List.of());
        }
        return repo.segment(id).map(this::of).orElse(List.of());
    }

    @Override
    public void forEach(Consumer<List<Passage>> eachOwner) {
        repo.forEachTranscript(t -> {
            if (!t.deleted()) {
                eachOwner.accept(of(t));
            }
        });
        repo.forEachSegment(s -> eachOwner.accept(of(s)));
    }

    private Map<String, List<String>> filters(String asset, String language) {
        Map<String, List<String>> f = new HashMap<>();
        Optional<Interview> i = shelf.interviewOf(asset);
        i.ifPresent(x -> {
            f.put("interview", List.of(x.id()));
            f.put("interviewee", x.interviewees());
            f.put("interviewer", x.interviewers());
            if (x.unit() != null) {
                f.put("unit", List.of(x.unit()));
            }
            if (language == null) {
                f.put("language", x.languages());
            }
        });
        if (language != null) {
            f.put("language", List.of(language));
        }
        return f;
    }

    List<Passage> of(Transcript t) {
        Map<String, List<String>> f = new HashMap<>(filters(t.asset(), t.language()));
        f.put("transcript", List.of(t.id()));
        f.put("kind", List.of(t.kind().wire()));
        f.put("shown", List.of(t.shown() ? "yes" : "no"));
        List<Passage> out = new ArrayList<>(t.cues().size());
        int n = 1;
        for (Cue c : t.cues()) {
            if (!c.text().isBlank()) {
                out.add(new Passage(t.id() + "#" + n, InterviewRepository.TRANSCRIPTS + ":" + t.id(), t.asset(),
                        c.startMillis(), c.endMillis(), "cue", c.speaker(), null, c.text().strip(), f));
            }
            n++;
        }
        return out;
    }

    List<Passage> of(Segment s) {
        Map<String, List<String>> f = new HashMap<>(filters(s.asset(), null));
        f.put("kind", List.of("segment"));
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {s.synopsis(), s.partialTranscript(), String.join("；", s.keywords()),
                String.join("；", s.subjects())}) {
            if (part != null && !part.isBlank()) {
                text.append(text.length() > 0 ? "\n" : "").append(part.strip());
            }
        }
        return List.of(new Passage(s.id(), InterviewRepository.SEGMENTS + ":" + s.id(), s.asset(), s.startMillis(),
                s.endMillis(), "segment", null, s.title(), text.toString(), f));
    }
}
