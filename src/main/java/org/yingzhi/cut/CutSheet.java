package org.yingzhi.cut;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yingzhi.shared.web.ApiException;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;

/**
 * A cut with its record timeline computed: for each entry its asset, its source range, where it lands on the record
 * timeline, and the total. The one input of every export, so each export is a pure function of it.
 * <p>
 * The mixed-rate rule ({@link #RATE_RULE}): an entry at another rate keeps its source range and lasts, on the
 * record timeline, its real duration rounded to whole record frames (half up); its in-point lands on the record
 * grid the same way. Same-rate entries (29.97 drop and non-drop count as one rate) are taken frame for frame.
 */
public record CutSheet(Cut cut, List<Placed> placed, long totalFrames) {

    public static final String RATE_RULE = "entries at another frame rate conform to the cut's rate by real time,"
            + " rounded to whole frames (half up)";

    /**
     * One entry on the record timeline.
     *
     * @param sourceIn in-point at the source's rate (the label the entry gives)
     * @param sourceFrames frames of the range at the source's rate
     * @param sourceOffset frames from the source's first frame to the in-point, at the source's rate
     * @param recordFrames frames on the record timeline
     * @param recordIn record in, at the cut's rate (record out = recordIn + recordFrames)
     */
    public record Placed(int index, CutEntry entry, CutSource source, Timecode sourceIn, long sourceFrames,
            long sourceOffset, long recordFrames, Timecode recordIn) {

        public Timecode sourceOut() {
            return sourceIn.plusFrames(sourceFrames);
        }

        public Timecode recordOut() {
            return recordIn.plusFrames(recordFrames);
        }

        /** The source and the cut run at the same rational rate (drop-frame counting may differ). */
        public boolean sameRate() {
            return sameRational(source.rate(), recordIn.rate());
        }

        /** Frames from the source's first frame to the in-point, counted on the cut's grid (real time, rounded). */
        public long offsetOnRecordGrid() {
            return conform(sourceOffset, source.rate(), recordIn.rate());
        }

        /** The source's whole length on the cut's grid. */
        public long durationOnRecordGrid() {
            return conform(source.durationFrames(), source.rate(), recordIn.rate());
        }
    }

    public Timecode recordStart() {
        return cut.start();
    }

    public Timecode recordEnd() {
        return cut.start().plusFrames(totalFrames);
    }

    public FrameRate rate() {
        return cut.rate();
    }

    /** Whether any entry runs at another rate than the cut (then the exports state {@link #RATE_RULE}). */
    public boolean mixedRates() {
        return placed.stream().anyMatch(p -> !p.sameRate());
    }

    /**
     * Lays the entries out. Every entry's asset must be in {@code sources}; a range that does not lie inside its
     * asset, or a dissolve longer than either side, is refused with the entry's number.
     */
    public static CutSheet of(Cut cut, Map<String, CutSource> sources) {
        List<Placed> out = new ArrayList<>();
        long at = 0;
        FrameRate rate = cut.rate();
        for (int i = 0; i < cut.entries().size(); i++) {
            CutEntry e = cut.entries().get(i);
            CutSource s = sources.get(e.asset());
            if (s == null) {
                throw ApiException.invalid("cut.entryAsset", i + 1, e.asset());
            }
            Timecode in = parse(e.in(), s, i);
            Timecode outTc = parse(e.out(), s, i);
            long perDay = s.rate().framesPerDay();
            long offset = Math.floorMod(in.frames() - s.start().frames(), perDay);
            long frames = Math.floorMod(outTc.frames() - in.frames(), perDay);
            if (frames <= 0 || offset + frames > s.durationFrames()) {
                throw ApiException.invalid("cut.entryOutside", i + 1, e.in(), e.out(), s.start(),
                        s.start().plusFrames(s.durationFrames()));
            }
            long record = sameRational(s.rate(), rate) ? frames : Math.max(1, conform(frames, s.rate(), rate));
            if (e.dissolve() < 0 || (e.dissolve() > 0 && (i == 0 || e.dissolve() > record))) {
                throw ApiException.invalid("cut.dissolve", i + 1, e.dissolve(), record);
            }
            out.add(new Placed(i, e, s, in, frames, offset, record, cut.start().plusFrames(at)));
            at += record;
        }
        return new CutSheet(cut, List.copyOf(out), at);
    }

    private static Timecode parse(String label, CutSource s, int index) {
        try {
            // the label's own separator decides drop-frame counting where the rate allows both
            FrameRate r = s.rate().supportsDropFrame() ? s.rate().withDropFrame(Timecode.looksDropFrame(label)) : s.rate();
            if (r.dropFrame() != s.rate().dropFrame()) {
                throw ApiException.invalid(s.rate().dropFrame() ? "cut.needDropFrame" : "cut.needNonDrop", index + 1,
                        label, s.start());
            }
            return Timecode.parse(label, r);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("cut.entryTimecode", index + 1, label, s.start());
        }
    }

    static boolean sameRational(FrameRate a, FrameRate b) {
        return a.numerator() == b.numerator() && a.denominator() == b.denominator();
    }

    /** Frames at one rate as frames at another: the same real time, rounded half up. */
    public static long conform(long frames, FrameRate from, FrameRate to) {
        if (sameRational(from, to)) {
            return frames;
        }
        BigInteger n = BigInteger.valueOf(frames).multiply(BigInteger.valueOf((long) from.denominator() * to.numerator()));
        BigInteger d = BigInteger.valueOf((long) from.numerator() * to.denominator());
        return n.shiftLeft(1).add(d).divide(d.shiftLeft(1)).longValueExact();
    }
}
