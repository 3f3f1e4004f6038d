package org.yingzhi.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.yingzhi.asset.Actor;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetStatus;
import org.yingzhi.asset.AssetType;
import org.yingzhi.asset.Derivatives;
import org.yingzhi.asset.MetadataStatus;
import org.yingzhi.asset.StepState;
import org.yingzhi.asset.Subclip;
import org.yingzhi.media.MediaInfo;
import org.yingzhi.metadata.PhotoMetadata;

/**
 * Test data: an {@link Asset} (a 32-component record) built by name instead of by position. Starts as a fresh,
 * processing video of the broadcasting bureau with a random id; each setter changes one thing.
 */
public final class AssetBuilder {

    private String id = new ObjectId().toHexString();
    private AssetType type = AssetType.VIDEO;
    private AssetStatus status = AssetStatus.PROCESSING;
    private Asset.Original original = new Asset.Original("0".repeat(64), 1000, "clip.mov", "mov", "mov", "video/quicktime");
    private String title = "测试片";
    private String description;
    private String unit = "省广播电视局";
    private String source;
    private String captureDate;
    private String place;
    private List<String> keywords = new ArrayList<>();
    private String rights;
    private MediaInfo media;
    private PhotoMetadata photo;
    private List<String> warnings = new ArrayList<>();
    private List<String> errors = new ArrayList<>();
    private Instant createdAt = Instant.parse("2026-12-01T08:00:00Z");
    private Actor createdBy = new Actor("bureau", "省广播电视局");
    private boolean deleted;
    private long version;
    private Map<String, StepState> steps;
    private Derivatives derivatives;
    private List<Subclip> scenes = List.of();

    public static AssetBuilder video() {
        return new AssetBuilder();
    }

    public static AssetBuilder photo() {
        AssetBuilder b = new AssetBuilder();
        b.type = AssetType.PHOTO;
        b.original = new Asset.Original("1".repeat(64), 1000, "photo.jpg", "jpg", "jpeg", "image/jpeg");
        return b;
    }

    public static AssetBuilder audio() {
        AssetBuilder b = new AssetBuilder();
        b.type = AssetType.AUDIO;
        b.original = new Asset.Original("2".repeat(64), 1000, "tone.wav", "wav", "wav", "audio/wav");
        return b;
    }

    public AssetBuilder id(String v) { id = v; return this; }
    public AssetBuilder status(AssetStatus v) { status = v; return this; }
    public AssetBuilder original(Asset.Original v) { original = v; return this; }
    public AssetBuilder title(String v) { title = v; return this; }
    public AssetBuilder description(String v) { description = v; return this; }
    public AssetBuilder unit(String v) { unit = v; return this; }
    public AssetBuilder source(String v) { source = v; return this; }
    public AssetBuilder captureDate(String v) { captureDate = v; return this; }
    public AssetBuilder place(String v) { place = v; return this; }
    public AssetBuilder keywords(String... v) { keywords = List.of(v); return this; }
    public AssetBuilder rights(String v) { rights = v; return this; }
    public AssetBuilder media(MediaInfo v) { media = v; return this; }
    public AssetBuilder photoMetadata(PhotoMetadata v) { photo = v; return this; }
    public AssetBuilder warnings(String... v) { warnings = List.of(v); return this; }
    public AssetBuilder errors(String... v) { errors = List.of(v); return this; }
    public AssetBuilder createdAt(Instant v) { createdAt = v; return this; }
    public AssetBuilder createdBy(String name, String unitOf) { createdBy = new Actor(name, unitOf); return this; }
    public AssetBuilder deleted(boolean v) { deleted = v; return this; }
    public AssetBuilder version(long v) { version = v; return this; }
    public AssetBuilder steps(Map<String, StepState> v) { steps = v; return this; }
    public AssetBuilder derivatives(Derivatives v) { derivatives = v; return this; }
    public AssetBuilder scenes(List<Subclip> v) { scenes = v; return this; }

    public Asset build() {
        return new Asset(id, type, status, original, title, description, unit, source, captureDate, null, null, null,
                place, keywords, rights, media, photo, MetadataStatus.OK,
                warnings, errors, null, createdAt, createdBy, null, null, deleted, deleted ? createdAt : null,
                deleted ? createdBy : null, version, steps == null ? null : new Asset.Processing(steps), derivatives,
                scenes, null, null, null);
    }
}
