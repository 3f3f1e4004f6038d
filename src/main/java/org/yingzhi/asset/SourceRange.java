package org.yingzhi.asset;

import org.yingzhi.shared.web.ApiException;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.TimeRange;
import org.yingzhi.timecode.Timecode;

/**
 * A range {@code [in, out)} of a clip checked against the clip itself: labels in its source timecode at its rate,
 * where it starts counted in frames and microseconds from the clip's first frame, and its length. Links, bins and
 * cuts all take ranges through here, so every refusal says what is wrong in the clip's own terms.
 */
public record SourceRange(String in, String out, String rate, boolean dropFrame, long startFrame, long frames,
        long inMicros, long durationMicros) {

    /**
     * The range given by labels (or by a suggested scene's number), or null when none is given (the whole asset).
     *
     * @param rate the rate the caller counted at, checked against the clip's (null: not said)
     */
    public static SourceRange of(Asset asset, String in, String out, String rate, Integer scene) {
        boolean given = in != null || out != null || scene != null;
        if (!given) {
            return null;
        }
        if (asset.type() == AssetType.PHOTO) {
            throw ApiException.invalid("link.photoWhole");
        }
        Timebase tb = asset.timebase().orElseThrow(() -> ApiException.invalid("link.noTimebase"));
        FrameRate clipRate = tb.rate();
        TimeRange r;
        if (scene != null) {
            if (in != null || out != null) {
                throw ApiException.invalid("link.sceneOrRange");
            }
            Subclip s = asset.scenes().stream().filter(x -> x.index() == scene).findFirst()
                    .orElseThrow(() -> ApiException.invalid("link.noScene", scene, asset.scenes().size()));
            r = tb.range(s.inMicros(), s.outMicros());
        } else {
            if (in == null || out == null) {
                throw ApiException.invalid("link.needBoth", tb.start());
            }
            if (rate != null) {
                FrameRate given2;
                try {
                    given2 = FrameRate.parse(rate);
                } catch (IllegalArgumentException e) {
                    throw ApiException.of(e);
                }
                if (given2.numerator() * (long) clipRate.denominator() != clipRate.numerator() * (long) given2.denominator()) {
                    throw ApiException.invalid("link.rate", rate, clipRate.rational(), clipRate);
                }
            }
            try {
                Timecode a = Timecode.parse(in, clipRate);
                Timecode b = Timecode.parse(out, clipRate);
                if (clipRate.dropFrame() != Timecode.looksDropFrame(in) || clipRate.dropFrame() != Timecode.looksDropFrame(out)) {
                    throw ApiException.invalid(clipRate.dropFrame() ? "link.needDropFrame" : "link.needNonDrop", tb.start());
                }
                long perDay = clipRate.framesPerDay();
                long fromStart = Math.floorMod(a.frames() - tb.start().frames(), perDay);
                long toEnd = Math.floorMod(b.frames() - tb.start().frames(), perDay);
                if (fromStart >= tb.durationFrames() || toEnd > tb.durationFrames()) {
                    TimeRange whole = tb.whole();
                    throw ApiException.invalid("link.outside", a, b, whole.in(), whole.out());
                }
                r = TimeRange.of(a, b, tb.start());
            } catch (IllegalArgumentException e) {
                throw ApiException.of(e);
            }
        }
        TimeRange whole = tb.whole();
        if (!whole.contains(r)) {
            throw ApiException.invalid("link.outside", r.in(), r.out(), whole.in(), whole.out());
        }
        long startFrame = r.inFramesFrom(tb.start());
        return new SourceRange(r.in().toString(), r.out().toString(), clipRate.rational(), clipRate.dropFrame(),
                startFrame, r.durationFrames(), Timecode.microsForFrames(startFrame, clipRate), r.durationMicros());
    }

    /** The whole clip as a range, or null for a photo or a clip of unknown length. */
    public static SourceRange whole(Asset asset) {
        if (asset.type() == AssetType.PHOTO) {
            return null;
        }
        return asset.timebase().map(tb -> {
            TimeRange w = tb.whole();
            return new SourceRange(w.in().toString(), w.out().toString(), tb.rate().rational(), tb.rate().dropFrame(),
                    0, w.durationFrames(), 0, w.durationMicros());
        }).orElse(null);
    }
}
