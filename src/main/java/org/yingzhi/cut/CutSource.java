package org.yingzhi.cut;

import java.util.List;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;

/**
 * What the exports need to know of an entry's asset: names, where its original is, its content hash, its source
 * timecode (start and rate) and length, picture and sound, its reel (tape name) when it has one, rights, and the
 * index entries and chapters linked to it (for the shot list).
 *
 * @param path absolute path of the original (for {@code pathurl}, {@code target_url}); null when not on a disk
 * @param durationFrames frames at {@code rate}
 * @param tapeName the reel or tape name the file itself carries (null: derived from the file name)
 * @param approved whether the asset passed both checks (政治关、史实关); what did not is marked a draft in the shot list
 */
public record CutSource(String asset, String title, String fileName, String path, String sha256, String unit,
        String rights, String kind, Timecode start, long durationFrames, boolean sourceTimecode, boolean hasVideo,
        int width, int height, int audioChannels, int sampleRate, String tapeName, List<Linked> linked,
        boolean approved) {

    public CutSource {
        linked = linked == null ? List.of() : List.copyOf(linked);
    }

    /** A source whose review is not known (not approved). */
    public CutSource(String asset, String title, String fileName, String path, String sha256, String unit,
            String rights, String kind, Timecode start, long durationFrames, boolean sourceTimecode, boolean hasVideo,
            int width, int height, int audioChannels, int sampleRate, String tapeName, List<Linked> linked) {
        this(asset, title, fileName, path, sha256, unit, rights, kind, start, durationFrames, sourceTimecode, hasVideo,
                width, height, audioChannels, sampleRate, tapeName, linked, false);
    }

    public FrameRate rate() {
        return start.rate();
    }

    /**
     * A link of the asset to the gazetteer: target kind (person, project, place, chapter), its name, and the
     * linked span in frames from the asset's first frame ({@code fromFrame} 0 and {@code frames} -1: the whole).
     */
    public record Linked(String kind, String name, long fromFrame, long frames) {

        boolean overlaps(long from, long to) {
            return frames < 0 || (fromFrame < to && from < fromFrame + frames);
        }
    }
}
