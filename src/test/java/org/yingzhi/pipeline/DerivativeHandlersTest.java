package org.yingzhi.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetReader;
import org.yingzhi.asset.AssetStatus;
import org.yingzhi.asset.AssetType;
import org.yingzhi.asset.Derivatives;
import org.yingzhi.asset.MetadataStatus;
import org.yingzhi.asset.StepResult;
import org.yingzhi.asset.Subclip;
import org.yingzhi.job.Job;
import org.yingzhi.job.JobOutcome;
import org.yingzhi.job.Subject;
import org.yingzhi.media.MediaInfo;
import org.yingzhi.media.spec.AudioProxySpec;
import org.yingzhi.media.spec.ProxySpec;
import org.yingzhi.media.spec.WaveformSpec;
import org.yingzhi.media.spec.SceneSpec;
import org.yingzhi.media.spec.ThumbnailSpec;
import org.yingzhi.storage.Derivative;
import org.yingzhi.storage.MediaStore;
import org.yingzhi.storage.StorageProperties;
import org.yingzhi.support.FakeMediaToolkit;

/** The derivative handlers with a fake toolkit: no FFmpeg, no database, no Spring. */
class DerivativeHandlersTest {

    private static final String SHA = "0f2497b332b9f22d8ee1fa1fe47612777911eef928c8b9be5033e67c7b05ae00";

    @TempDir
    Path dir;
    MediaStore store;
    FakeMediaToolkit toolkit;
    Asset clip;
    AssetReader reader;

    /** A 2.002 s 29.97 DF clip whose timecode starts at 01:00:59;10, like samples/clip-2997df.mov. */
    static Asset dropFrameClip(String id, boolean deleted) {
        MediaInfo media = new MediaInfo("mov,mp4,m4a,3gp,3g2,mj2", "QuickTime / MOV", 2_002_000L, 2.002, 231_708L, null,
                List.of(new MediaInfo.MediaStream(0, "video", "h264", "avc1", 320, 180, "30000/1001", 29.97, null, null,
                        null, 2_002_000L, 60L)),
                new MediaInfo.TimecodeInfo("01:00:59;10", 109_672, "30000/1001", "29.97 DF", true, "tmcd"), Map.of(),
                List.of());
        return org.yingzhi.support.AssetBuilder.video().id(id)
                .original(new Asset.Original(SHA, 57_985, "clip-2997df.mov", "mov", "mov", "video/quicktime"))
                .title("t").unit("省广播电视局").media(media).deleted(deleted).build();
    }

    @BeforeEach
    void setUp() throws Exception {
        store = new MediaStore(new StorageProperties(dir));
        toolkit = new FakeMediaToolkit();
        toolkit.sourceWidth = 320;
        toolkit.sourceHeight = 180;
        clip = dropFrameClip(new ObjectId().toHexString(), false);
        Path original = store.original(SHA, "mov");
        Files.createDirectories(original.getParent());
        Files.writeString(original, "not really a movie: the toolkit is fake");
        reader = id -> id.toHexString().equals(clip.id()) ? Optional.of(clip) : Optional.empty();
    }

    private Job job(String type) {
        return new Job("asset:" + clip.id() + ":" + type, new Subject("asset", clip.id()), type, 1, "token");
    }

    private static StepResult result(JobOutcome o) {
        return (StepResult) assertInstanceOf(JobOutcome.Done.class, o).result();
    }

    @Test
    void shotsBecomeSubclipsInSourceTimecode() throws Exception {
        toolkit.cuts = List.of(1_001_000L);
        StepResult r = result(new ScenesHandler(reader, store, toolkit, SceneSpec.DEFAULT).run(job("scenes")));
        assertEquals(new Derivatives.Scenes(2, SceneSpec.DEFAULT.threshold()), r.derivative());
        assertEquals(List.of(new Subclip(0, 0, 1_001_000, "01:00:59;10", "01:01:00;12"),
                new Subclip(1, 1_001_000, 2_002_000, "01:01:00;12", "01:01:01;12")), r.scenes());
    }

    @Test
    void posterFramesInEveryWidthAtTenPercent() throws Exception {
        StepResult r = result(new ThumbnailHandler(reader, store, toolkit, ThumbnailSpec.DEFAULT).run(job("thumbnail")));
        Derivatives.Thumbnail t = (Derivatives.Thumbnail) r.derivative();
        assertEquals(200_200, t.atMicros());
        assertEquals(List.of(new Derivatives.Size(160, 90), new Derivatives.Size(320, 180), new Derivatives.Size(640, 360)),
                t.sizes());
        assertEquals(List.of("frames [200200] @640"), toolkit.calls);
        for (int w : List.of(160, 320, 640)) {
            assertEquals(w, ImageIO.read(store.derivative(clip.id(), Derivative.THUMBNAIL, w).toFile()).getWidth());
        }
    }

    @Test
    void theProxyCarriesTheSourceTimecode() throws Exception {
        StepResult r = result(new ProxyHandler(reader, store, toolkit, ProxySpec.DEFAULT).run(job("proxy")));
        assertEquals(List.of("proxy 01:00:59;10"), toolkit.calls);
        Derivatives.Proxy p = (Derivatives.Proxy) r.derivative();
        assertEquals("01:00:59;10", p.timecode());
        assertEquals(360, p.height());
        assertTrue(Files.isRegularFile(store.derivative(clip.id(), Derivative.PROXY, 0)));
    }

    /**
     * A derivative that holds nothing, or much less than its source, fails its step with the reason and is not
     * kept: a header-only proxy, a silent copy of sound that never decoded, a waveform without peaks.
     */
    @Test
    void anEmptyOrShortDerivativeFailsItsStep() throws Exception {
        ProxyHandler proxy = new ProxyHandler(reader, store, toolkit, ProxySpec.DEFAULT);
        toolkit.proxyFrames = 0;
        JobOutcome.Failed empty = assertInstanceOf(JobOutcome.Failed.class, proxy.run(job("proxy")));
        assertTrue(empty.error().startsWith("the proxy is empty ("), empty.error());
        assertFalse(empty.retryable());
        assertFalse(Files.exists(store.derivative(clip.id(), Derivative.PROXY, 0)), "an empty proxy is not kept");
        toolkit.proxyFrames = 10; // 0.4 s of a 2.002 s clip
        JobOutcome.Failed shortProxy = assertInstanceOf(JobOutcome.Failed.class, proxy.run(job("proxy")));
        assertEquals("the proxy lasts 0.40 s of the original's 2.00 s: decoding stopped early", shortProxy.error());
        toolkit.proxyFrames = 45; // 1.8 s: within a second and a tenth
        assertInstanceOf(JobOutcome.Done.class, proxy.run(job("proxy")));

        toolkit.peaks = 0;
        JobOutcome.Failed noPeaks = assertInstanceOf(JobOutcome.Failed.class,
                new WaveformHandler(reader, store, toolkit, WaveformSpec.DEFAULT).run(job("waveform")));
        assertEquals("the waveform has no peaks: no sound was decoded from the original", noPeaks.error());
        assertFalse(Files.exists(store.derivative(clip.id(), Derivative.WAVEFORM, 0)));

        toolkit.audioMicros = 0;
        JobOutcome.Failed noSound = assertInstanceOf(JobOutcome.Failed.class,
                new AudioProxyHandler(reader, store, toolkit, AudioProxySpec.DEFAULT).run(job("audio_proxy")));
        assertTrue(noSound.error().startsWith("the audio copy is empty"), noSound.error());
    }

    @Test
    void deletedMissingAndUndecodableEndWithoutRetries() throws Exception {
        ScenesHandler scenes = new ScenesHandler(reader, store, toolkit, SceneSpec.DEFAULT);
        toolkit.failWith = "cannot analyse shots: Invalid data found when processing input";
        JobOutcome.Failed bad = assertInstanceOf(JobOutcome.Failed.class, scenes.run(job("scenes")));
        assertFalse(bad.retryable(), "the same bytes will not decode better next time");
        assertEquals(toolkit.failWith, bad.error());

        clip = dropFrameClip(clip.id(), true);
        assertInstanceOf(JobOutcome.Skipped.class, scenes.run(job("scenes")));

        clip = dropFrameClip(clip.id(), false);
        Files.delete(store.original(SHA, "mov"));
        JobOutcome.Failed missing = assertInstanceOf(JobOutcome.Failed.class, scenes.run(job("scenes")));
        assertEquals("the original is missing from the media store", missing.error());

        Job notAnAsset = new Job("cut:c1:scenes", new Subject("cut", "c1"), "scenes", 1, "t");
        assertFalse(assertInstanceOf(JobOutcome.Failed.class, scenes.run(notAnAsset)).retryable());
    }
}
