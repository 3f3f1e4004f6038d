package org.yingzhi.support;

import java.time.Instant;
import org.bson.types.ObjectId;
import org.yingzhi.gazetteer.link.Link;
import org.yingzhi.gazetteer.link.LinkTarget;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.TimeRange;
import org.yingzhi.timecode.Timecode;

/**
 * Test data: a {@link Link} by name. Starts as a whole video linked to a chapter; {@link #range} makes it a range
 * of the clip with every derived field (start frame, frames, microseconds) computed as the link service does.
 */
public final class LinkBuilder {

    private String id = new ObjectId().toHexString();
    private String asset = new ObjectId().toHexString();
    private String assetType = "VIDEO";
    private String unit = "省广播电视局";
    private LinkTarget kind = LinkTarget.CHAPTER;
    private String target = new ObjectId().toHexString();
    private Link.Range range;
    private long durationMicros = 2_000_000;
    private Integer scene;
    private String note;

    public static LinkBuilder toChapter(String chapter) {
        return new LinkBuilder().target(LinkTarget.CHAPTER, chapter);
    }

    public static LinkBuilder to(LinkTarget kind, String target) {
        return new LinkBuilder().target(kind, target);
    }

    public LinkBuilder id(String v) { id = v; return this; }
    public LinkBuilder asset(String v) { asset = v; return this; }
    public LinkBuilder unit(String v) { unit = v; return this; }
    public LinkBuilder note(String v) { note = v; return this; }
    public LinkBuilder scene(int v) { scene = v; return this; }

    public LinkBuilder target(LinkTarget k, String v) {
        kind = k;
        target = v;
        return this;
    }

    /** A photo: linked whole, no duration. */
    public LinkBuilder photo() {
        assetType = "PHOTO";
        durationMicros = 0;
        range = null;
        return this;
    }

    /** A whole clip of this length. */
    public LinkBuilder wholeClip(long micros) {
        assetType = "VIDEO";
        durationMicros = micros;
        range = null;
        return this;
    }

    /** The range [in, out) of a clip whose first frame is {@code clipStart}, all at {@code rate}. */
    public LinkBuilder range(String in, String out, FrameRate rate, String clipStart) {
        Timecode origin = Timecode.parse(clipStart, rate);
        TimeRange r = TimeRange.of(Timecode.parse(in, rate), Timecode.parse(out, rate), origin);
        long startFrame = r.inFramesFrom(origin);
        range = new Link.Range(r.in().toString(), r.out().toString(), rate.rational(), rate.dropFrame(), startFrame,
                r.durationFrames(), Timecode.microsForFrames(startFrame, rate), r.durationMicros());
        assetType = "VIDEO";
        durationMicros = r.durationMicros();
        return this;
    }

    public Link build() {
        return new Link(id, asset, assetType, unit, kind, target, range, durationMicros, scene, note, "editor",
                Instant.parse("2026-12-01T08:00:00Z"), null);
    }
}
