package org.yingzhi.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yingzhi.support.FfprobeJson;

/**
 * Replays demuxer output recorded from real files through the mapper, without FFmpeg: whole ffprobe 8.0.1 JSON
 * recordings of the samples (src/test/resources/ffprobe), and hand-made variants for the doubtful cases.
 */
class ProbeMapperTest {

    /**
     * Field pictures (AVCHD 1080i) or a bare H.264 stream's VUI tick the base rate at the field rate: an interlaced
     * stream whose base rate is twice its average runs at the average; a progressive one keeps its base rate.
     */
    @Test
    void anInterlacedStreamCountingFieldsRunsAtItsFrameRate() {
        RawProbe.Stream fields = new RawProbe.Stream(0, "video", "h264", null, 1920, 1080, 50, 1, 25, 1, 0, 0, 0, -1, 0,
                Map.of(), 1, 1, "tt");
        assertEquals("25/1", ProbeMapper.videoRate(fields).orElseThrow().rational());
        assertEquals("50/1", ProbeMapper.videoRate(fields.withFieldOrder("progressive")).orElseThrow().rational());
        RawProbe.Stream frames = new RawProbe.Stream(0, "video", "h264", null, 1920, 1080, 25, 1, 25, 1, 0, 0, 0, -1, 0,
                Map.of(), 1, 1, "tt");
        assertEquals("25/1", ProbeMapper.videoRate(frames).orElseThrow().rational());
    }

    @Test
    void recordedDropFrameMovWithATimecodeTrack() {
        MediaInfo m = ProbeMapper.map(FfprobeJson.read("clip-2997df.mov"));
        assertEquals(2_002_000, m.durationMicros());
        assertEquals(231_708, m.bitRate());
        assertEquals("2008-05-12T06:28:00Z", m.creationTime());
        MediaInfo.MediaStream v = m.streams().get(0);
        assertEquals("video", v.kind());
        assertEquals("h264", v.codec());
        assertEquals(320, v.width());
        assertEquals(180, v.height());
        assertEquals("30000/1001", v.frameRate());
        assertEquals(60, v.frames());
        assertEquals(150_221, v.bitRate());
        MediaInfo.MediaStream a = m.streams().get(1);
        assertEquals("aac", a.codec());
        assertEquals(48_000, a.sampleRate());
        assertEquals(2, a.channels());
        assertEquals("data", m.streams().get(2).kind());
        assertEquals("tmcd", m.streams().get(2).codecTag());
        MediaInfo.TimecodeInfo tc = m.timecode();
        assertEquals("01:00:59;10", tc.start());
        assertEquals(109_672, tc.startFrames());
        assertEquals("30000/1001", tc.rate());
        assertTrue(tc.dropFrame());
        assertEquals("tmcd", tc.source());
        assertEquals(List.of(), m.warnings());
    }

    @Test
    void recordedNonDropMp4() {
        MediaInfo m = ProbeMapper.map(FfprobeJson.read("clip-25ndf.mp4"));
        assertEquals(2_000_000, m.durationMicros());
        assertEquals("25/1", m.streams().get(0).frameRate());
        assertEquals(320, m.streams().get(0).width());
        assertEquals(240, m.streams().get(0).height());
        assertEquals(50, m.streams().get(0).frames());
        assertEquals(1, m.streams().get(1).channels());
        assertEquals("10:00:00:00", m.timecode().start());
        assertEquals(900_000, m.timecode().startFrames());
        assertEquals(false, m.timecode().dropFrame());
        assertEquals("Nyingchi aid project opening", m.tags().get("title"));
        assertEquals(List.of(), m.warnings());
    }

    @Test
    void recordedWavAndMp3() {
        MediaInfo wav = ProbeMapper.map(FfprobeJson.read("tone.wav"));
        assertEquals("pcm_s16le", wav.streams().get(0).codec());
        assertEquals(48_000, wav.streams().get(0).sampleRate());
        assertEquals(2, wav.streams().get(0).channels());
        assertEquals(1_536_000, wav.streams().get(0).bitRate());
        assertEquals(3_000_000, wav.durationMicros());
        assertNull(wav.timecode());
        assertTrue(wav.hasAudio() && !wav.hasVideo());
        MediaInfo mp3 = ProbeMapper.map(FfprobeJson.read("tone.mp3"));
        assertEquals("mp3", mp3.streams().get(0).codec());
        assertEquals(44_100, mp3.streams().get(0).sampleRate());
        assertEquals(1, mp3.streams().get(0).channels());
        assertEquals(64_000, mp3.streams().get(0).bitRate());
        assertEquals("Interview test tone", mp3.tags().get("title"));
    }

    // ffprobe samples/clip-2997df.mov: tmcd stream, flags=1 (drop-frame), 30000/1001, first sample counter 109672
    private static RawProbe dropFrameMov(RawProbe.Tmcd tmcd, String tag) {
        return new RawProbe("mov,mp4,m4a,3gp,3g2,mj2", "QuickTime / MOV", 2_002_000, 231_708, 57_985,
                Map.of("creation_time", "2008-05-12T06:28:00.000000Z", "major_brand", "qt  "),
                List.of(new RawProbe.Stream(0, "video", "h264", "avc1", 320, 180, 30000, 1001, 30000, 1001, 150_221, 0, 0,
                                2_002_000, 60, tag == null ? Map.of() : Map.of("timecode", tag)),
                        new RawProbe.Stream(1, "audio", "aac", "mp4a", 0, 0, 0, 0, 0, 0, 63_728, 48_000, 2, 2_000_000, 95,
                                Map.of()),
                        new RawProbe.Stream(2, "data", "none", "tmcd", 0, 0, 0, 0, 30000, 1001, 15, 0, 0, 2_002_000, 1,
                                tag == null ? Map.of() : Map.of("timecode", tag))),
                tmcd, List.of());
    }

    @Test
    void tmcdTrackGivesDropFrameStart() {
        MediaInfo m = ProbeMapper.map(dropFrameMov(new RawProbe.Tmcd(2, 1, 30000, 1001, 30, 109_672L), "01:00:59;10"));
        assertEquals("01:00:59;10", m.timecode().start());
        assertTrue(m.timecode().dropFrame());
        assertEquals("tmcd", m.timecode().source());
        assertEquals("29.97 DF", m.timecode().rateLabel());
        assertEquals("30000/1001", m.streams().get(0).frameRate());
        assertEquals(29.97, m.streams().get(0).fps());
        assertEquals("2008-05-12T06:28:00Z", m.creationTime());
        assertEquals(List.of(), m.warnings());
        assertEquals(2.002, m.durationSeconds());
    }

    @Test
    void disagreementBetweenTrackAndTagIsAWarningAndTheTrackWins() {
        MediaInfo m = ProbeMapper.map(dropFrameMov(new RawProbe.Tmcd(2, 1, 30000, 1001, 30, 107_892L), "01:00:59;10"));
        assertEquals("01:00:00;00", m.timecode().start());
        assertTrue(m.warnings().get(0).contains("01:00:59;10"), m.warnings().toString());
    }

    @Test
    void tagIsUsedWhenTheTrackCannotBeRead() {
        MediaInfo m = ProbeMapper.map(dropFrameMov(new RawProbe.Tmcd(2, 1, 30000, 1001, 30, null), "01:00:59;10"));
        assertEquals("01:00:59;10", m.timecode().start());
        assertEquals("tmcd-tag", m.timecode().source());
        assertTrue(m.timecode().dropFrame());
    }

    @Test
    void badTimecodeTagIsKeptAsWarningNotFailure() {
        MediaInfo m = ProbeMapper.map(dropFrameMov(null, "99:99:99:99"));
        assertNull(m.timecode());
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("99:99:99:99")), m.warnings().toString());
        assertEquals(3, m.streams().size());
    }

    @Test
    void truncatedFileIsFlagged() {
        RawProbe cut = new RawProbe("mov,mp4,m4a,3gp,3g2,mj2", "QuickTime / MOV", 60_000_000, 8_000_000, 1_000_000,
                Map.of(), List.of(new RawProbe.Stream(0, "video", "h264", "avc1", 1920, 1080, 25, 1, 25, 1, 8_000_000, 0,
                        0, 60_000_000, 1500, Map.of())), null, List.of());
        MediaInfo m = ProbeMapper.map(cut);
        assertTrue(m.warnings().stream().anyMatch(w -> w.startsWith("file looks truncated")), m.warnings().toString());
    }

    @Test
    void phoneMakeAndModelFromTheirOwnKeys() {
        RawProbe iphone = new RawProbe("mov,mp4,m4a,3gp,3g2,mj2", "QuickTime / MOV", 1_000_000, 0, 100,
                Map.of("com.apple.quicktime.make", "Apple", "com.apple.quicktime.model", "iPhone 6",
                        "com.apple.quicktime.software", "9.3.2"),
                List.of(new RawProbe.Stream(0, "video", "h264", "avc1", 1920, 1080, 30, 1, 30, 1, 0, 0, 0, 1_000_000,
                        30, Map.of())), null, List.of());
        Map<String, String> t = ProbeMapper.map(iphone).tags();
        assertEquals("Apple iPhone 6 9.3.2", t.get("make") + " " + t.get("model") + " " + t.get("software"));
        RawProbe android = new RawProbe("mov,mp4,m4a,3gp,3g2,mj2", "QuickTime / MOV", 1_000_000, 0, 100,
                Map.of("com.android.manufacturer", "HUAWEI", "com.android.model", "P20", "make", "Leica"),
                List.of(), null, List.of());
        Map<String, String> a = ProbeMapper.map(android).tags();
        assertEquals("Leica P20", a.get("make") + " " + a.get("model"), "a plain make tag comes first");
    }

    @Test
    void audioOnlyAndUnknownDuration() {
        RawProbe wav = new RawProbe("wav", "WAV / WAVE (Waveform Audio)", -1, 0, 100, Map.of(),
                List.of(new RawProbe.Stream(0, "audio", "pcm_s16le", null, 0, 0, 0, 0, 0, 0, 1_536_000, 48_000, 2, -1,
                        0, Map.of())), null, List.of());
        MediaInfo m = ProbeMapper.map(wav);
        assertTrue(m.hasAudio());
        assertTrue(!m.hasVideo());
        assertNull(m.durationMicros());
        assertTrue(m.warnings().contains("duration unknown"));
    }

    @Test
    void unsetQuickTimeClockIsNoCreationTime() {
        RawProbe r = new RawProbe("mov", "QuickTime", 1_000_000, 0, 10, Map.of("creation_time", "1970-01-01T00:00:00Z"),
                List.of(), null, List.of());
        MediaInfo m = ProbeMapper.map(r);
        assertNull(m.creationTime());
        assertTrue(m.warnings().contains("no video or audio stream found"));
    }

    @Test
    void creationTimesInTheFormsArchivesWriteThem() {
        assertEquals("2003-03-10T15:04:43Z", ProbeMapper.when("2003-03-10T15:04:43.000000Z").instant().toString());
        // AVI IDIT and camcorders: a local time without a zone stays the local time it states, as exiftool and
        // mediainfo keep it; no instant is made up for it
        for (String v : List.of("2003-03-10 15:04:43", "2003:03:10 15:04:43", "MON MAR 10 15:04:43 2003")) {
            ProbeMapper.When w = ProbeMapper.when(v);
            assertEquals("2003-03-10T15:04:43", w.iso(), v);
            assertNull(w.instant(), v);
        }
        assertNull(ProbeMapper.when("sometime in spring"));
    }

    /** The recorder's own date comes before the container's; a zone-less one is said to be local. */
    @Test
    void theRecordersOwnDateComesFirstAndALocalOneIsSaidToBeLocal() {
        RawProbe dv = new RawProbe("dv", "DV", 1_000_000, 0, 0, Map.of("creation_time", "2020-01-01T00:00:00Z"), List.of(),
                null, List.of(), Map.of("dv.recorded", "2003-05-01T10:20:30"));
        List<String> w = new java.util.ArrayList<>();
        MediaInfo.Recording r = ProbeMapper.recording(dv, Map.of(), w);
        assertEquals(new MediaInfo.Recording("2003-05-01T10:20:30", null, "dv-vaux", null, null), r);
        assertEquals(List.of("the recording time 2003-05-01T10:20:30 (dv-vaux) has no time zone; kept as the local time it states"), w);
        RawProbe avchd = new RawProbe("mpegts", "MPEG-TS", 1_000_000, 0, 0, Map.of(), List.of(), null, List.of(),
                Map.of("mdpm.recorded", "2011-10-01T09:08:07+08:00", "mdpm.make", "Canon"));
        assertEquals(new MediaInfo.Recording("2011-10-01T09:08:07+08:00", "2011-10-01T01:08:07Z", "mdpm", "Canon", null),
                ProbeMapper.recording(avchd, Map.of(), new java.util.ArrayList<>()));
        RawProbe mov = new RawProbe("mov", "QuickTime", 1_000_000, 0, 0, Map.of("creation_time", "2015-06-01T02:03:04.000000Z"),
                List.of(), null, List.of());
        assertEquals(new MediaInfo.Recording("2015-06-01T02:03:04Z", "2015-06-01T02:03:04Z", "container", "Apple", "iPhone 6"),
                ProbeMapper.recording(mov, Map.of("make", "Apple", "model", "iPhone 6"), new java.util.ArrayList<>()));
    }

    private static RawProbe withDurations(long container, long video, long audio) {
        List<RawProbe.Stream> streams = List.of(
                new RawProbe.Stream(0, "video", "h264", "avc1", 320, 240, 25, 1, 25, 1, 0, 0, 0, video, 0, Map.of()),
                new RawProbe.Stream(1, "audio", "aac", "mp4a", 0, 0, 0, 0, 0, 0, 0, 48000, 2, audio, 0, Map.of()),
                new RawProbe.Stream(2, "data", "none", "tmcd", 0, 0, 0, 0, 0, 0, 0, 0, 0, 99_000_000, 0, Map.of()));
        return new RawProbe("mov", "QuickTime", container, 0, 0, Map.of(), streams, null, List.of());
    }

    @Test
    void theMostTrustworthyDurationIsChosenAndDisagreementsAreSaid() {
        List<String> w = new java.util.ArrayList<>();
        assertEquals(10_000_000L, ProbeMapper.duration(withDurations(10_000_000, 10_000_000, 9_980_000), w));
        assertTrue(w.isEmpty(), "a few frames apart is agreement: " + w);
        assertEquals(4_000_000L, ProbeMapper.duration(withDurations(60_000_000, 4_000_000, 3_900_000), w),
                "a header claiming a minute over 4 s of streams");
        assertTrue(w.get(0).contains("container says 60.000 s") && w.get(0).contains("using the streams'"), w.get(0));
        w.clear();
        assertEquals(30_000_000L, ProbeMapper.duration(withDurations(30_000_000, 12_000_000, 30_000_000), w),
                "the audio is the longest stream: the container agrees with it");
        assertTrue(w.isEmpty(), w.toString());
        assertEquals(8_000_000L, ProbeMapper.duration(withDurations(0, 8_000_000, 7_000_000), w));
        assertTrue(w.get(0).contains("no duration"), w.toString());
        w.clear();
        assertNull(ProbeMapper.duration(withDurations(0, 0, 0), w), "the data stream's length is not the clip's");
    }
}
