package org.yingzhi.cut;

import java.util.List;
import org.yingzhi.shared.web.ApiException;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;

/**
 * An event or clip read from an editing suite's file, before it is matched to an asset: where it was (line), what
 * names it by (our asset id, reel, clip name, file name), its source in-point as a label at {@code rate} with its
 * record length in frames of that rate, our exact source range when the file kept it, dissolve, tracks and note.
 */
public record ImportedClip(int line, String asset, String reel, String clipName, String fileName, String sourceIn,
        long recordFrames, FrameRate rate, String exactRange, int dissolve, boolean video, List<Integer> audio,
        String note) {

    public ImportedClip {
        audio = audio == null ? List.of() : List.copyOf(audio);
    }

    /** The entry this clip is, for its matched asset: the exact range when kept, else its timecode converted. */
    public CutEntry toEntry(String id, CutSource s) {
        String[] exact = exactRange == null ? new String[0] : exactRange.trim().split("\\s+");
        if (exact.length >= 2) {
            try {
                Timecode in = Timecode.parse(exact[0], s.rate());
                Timecode out = Timecode.parse(exact[1], s.rate());
                if (in.rate().equals(s.rate()) && out.rate().equals(s.rate())) {
                    return new CutEntry(id, s.asset(), in.toString(), out.toString(), note, dissolve, video, audio);
                }
            } catch (IllegalArgumentException e) {
                // fall back to the event's own timecode
            }
        }
        Timecode label;
        try {
            FrameRate r = rate.supportsDropFrame() ? rate.withDropFrame(Timecode.looksDropFrame(sourceIn) || rate.dropFrame()) : rate;
            label = Timecode.parse(sourceIn.replace(';', r.dropFrame() ? ';' : ':'), r);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("cut.importTimecode", line, sourceIn);
        }
        long inFrames = CutSheet.conform(label.frames(), rate, s.rate());
        long frames = Math.max(1, CutSheet.conform(recordFrames, rate, s.rate()));
        Timecode in = Timecode.ofFrames(inFrames, s.rate());
        return new CutEntry(id, s.asset(), in.toString(), in.plusFrames(frames).toString(), note, dissolve, video, audio);
    }

    /** The clips an EDL holds, its timecode read at {@code rate} (drop-frame where the list says so). */
    public static List<ImportedClip> fromEdl(EdlFormat.Read read, FrameRate rate) {
        return read.events().stream().map(e -> {
            FrameRate r = rate.supportsDropFrame() ? rate.withDropFrame(e.dropFrame()) : rate;
            long frames;
            try {
                Timecode a = Timecode.parse(e.recordIn().replace(';', r.dropFrame() ? ';' : ':'), r);
                Timecode b = Timecode.parse(e.recordOut().replace(';', r.dropFrame() ? ';' : ':'), r);
                frames = Math.floorMod(b.frames() - a.frames(), r.framesPerDay());
            } catch (IllegalArgumentException x) {
                frames = 0;
            }
            String note = e.notes().isEmpty() ? null : String.join("；", e.notes());
            return new ImportedClip(e.line(), e.asset(), e.reel(), e.clipName(), e.sourceFile(), e.sourceIn(), frames,
                    r, e.sourceRange(), e.dissolve(), e.video(), e.audio(), note);
        }).toList();
    }
}
