package org.yingzhi.interview;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yingzhi.media.MediaToolkit;

/**
 * What needs no speech model: the recording cut into sentences at its pauses (FFmpeg {@code silencedetect}),
 * as empty cues a typist fills in, or a typed text is aligned to. Pauses shorter than the minimum, and speech
 * shorter than {@link #MIN_SPEECH_MILLIS}, do not cut.
 */
@Component
class SilenceCuts implements SpeechEngine {

    static final long MIN_SPEECH_MILLIS = 200;

    private final MediaToolkit media;
    private final double noiseDb;
    private final long minSilenceMillis;

    SilenceCuts(MediaToolkit media, @Value("${yingzhi.speech.silence-db:-35}") double noiseDb,
            @Value("${yingzhi.speech.silence-min:400ms}") java.time.Duration minSilence) {
        this.media = media;
        this.noiseDb = noiseDb;
        this.minSilenceMillis = minSilence.toMillis();
    }

    @Override
    public String name() {
        return "silence";
    }

    @Override
    public String model() {
        return String.format(java.util.Locale.ROOT, "silencedetect %.0f dB, %d ms", noiseDb, minSilenceMillis);
    }

    @Override
    public Optional<String> unavailable() {
        return Optional.empty();
    }

    @Override
    public boolean words() {
        return false;
    }

    @Override
    public List<Cue> recognize(Path file, String language, long durationMillis) {
        return cues(media.silences(file, noiseDb, minSilenceMillis * 1000), durationMillis);
    }

    /** The speech between pauses as cues. */
    static List<Cue> cues(List<MediaToolkit.Silence> silences, long durationMillis) {
        List<Cue> out = new ArrayList<>();
        long at = 0;
        for (MediaToolkit.Silence s : silences) {
            long start = s.startMicros() / 1000;
            if (start - at >= MIN_SPEECH_MILLIS) {
                out.add(new Cue(at, start, null, ""));
            }
            at = s.endMicros() == Long.MAX_VALUE ? durationMillis : s.endMicros() / 1000;
        }
        if (durationMillis - at >= MIN_SPEECH_MILLIS) {
            out.add(new Cue(at, durationMillis, null, ""));
        }
        return out;
    }
}
