package org.yingzhi.interview;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives an untimed typed transcript the times of sentences cut at silences: the text's sentences are laid over the
 * pre-cut cues in order, by length. With as many sentences as cues each takes one cue; otherwise the text is
 * spread over the cues' total speaking time in proportion to its characters, and every sentence starts at the
 * cue boundary nearest to where its share begins (so cues never start inside a pause).
 */
final class Alignment {

    private Alignment() {
    }

    static List<Cue> align(List<Cue> untimed, List<Cue> precut) {
        List<Cue> sentences = sentences(untimed);
        if (precut.isEmpty() || sentences.isEmpty()) {
            throw org.yingzhi.shared.web.ApiException.invalid("transcript.alignNothing");
        }
        List<Cue> out = new ArrayList<>();
        if (sentences.size() == precut.size()) {
            for (int i = 0; i < sentences.size(); i++) {
                Cue p = precut.get(i);
                Cue s = sentences.get(i);
                out.add(new Cue(p.startMillis(), p.endMillis(), s.speaker(), s.text()));
            }
            return out;
        }
        long speaking = precut.stream().mapToLong(Cue::durationMillis).sum();
        long chars = sentences.stream().mapToLong(c -> Math.max(1, c.text().length())).sum();
        // where in speaking time each cue starts
        long[] cueAt = new long[precut.size() + 1];
        for (int i = 0; i < precut.size(); i++) {
            cueAt[i + 1] = cueAt[i] + precut.get(i).durationMillis();
        }
        long done = 0;
        int lastCue = -1;
        List<Integer> firstCue = new ArrayList<>();
        for (Cue s : sentences) {
            long share = speaking * done / chars;
            int k = 0;
            while (k + 1 < precut.size() && Math.abs(cueAt[k + 1] - share) <= Math.abs(cueAt[k] - share)) {
                k++;
            }
            k = Math.max(k, Math.min(lastCue + 1, precut.size() - 1));
            firstCue.add(k);
            lastCue = k;
            done += Math.max(1, s.text().length());
        }
        for (int i = 0; i < sentences.size(); i++) {
            int k = firstCue.get(i);
            int next = i + 1 < sentences.size() ? firstCue.get(i + 1) : precut.size();
            long start = precut.get(k).startMillis();
            long end = next > k ? precut.get(next - 1).endMillis() : precut.get(k).endMillis();
            out.add(new Cue(start, Math.max(start, end), sentences.get(i).speaker(), sentences.get(i).text()));
        }
        return out;
    }

    /** The typed text cut into sentences (at 。！？!? and line ends), keeping each turn's speaker. */
    static List<Cue> sentences(List<Cue> untimed) {
        List<Cue> out = new ArrayList<>();
        for (Cue c : untimed) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < c.text().length(); i++) {
                char ch = c.text().charAt(i);
                if (ch == '\n') {
                    flush(out, b, c.speaker());
                    continue;
                }
                b.append(ch);
                if ("。！？!?".indexOf(ch) >= 0 && (i + 1 >= c.text().length() || "”」』\"".indexOf(c.text().charAt(i + 1)) < 0)) {
                    flush(out, b, c.speaker());
                }
            }
            flush(out, b, c.speaker());
        }
        return out;
    }

    private static void flush(List<Cue> out, StringBuilder b, String speaker) {
        String s = b.toString().strip();
        if (!s.isEmpty()) {
            out.add(new Cue(0, 0, speaker, s));
        }
        b.setLength(0);
    }
}
