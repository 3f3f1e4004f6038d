package org.yingzhi.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.yingzhi.job.JobType;

class PipelinePlanTest {

    private static Document steps(String... kv) {
        Document s = new Document();
        for (int i = 0; i < kv.length; i += 2) {
            s.append(kv[i], new Document("status", kv[i + 1]));
        }
        return new Document("steps", s);
    }

    @Test
    void statusFollowsTheSteps() {
        assertEquals("INGESTED", PipelinePlan.statusOf(steps("proxy", "QUEUED", "sprite", "QUEUED")));
        assertEquals("PROCESSING", PipelinePlan.statusOf(steps("proxy", "RUNNING", "sprite", "QUEUED")));
        assertEquals("PROCESSING", PipelinePlan.statusOf(steps("proxy", "DONE", "sprite", "QUEUED")));
        assertEquals("PROCESSING", PipelinePlan.statusOf(steps("proxy", "FAILED", "sprite", "RUNNING")));
        assertEquals("READY", PipelinePlan.statusOf(steps("proxy", "DONE", "sprite", "SKIPPED")));
        assertEquals("PARTIAL", PipelinePlan.statusOf(steps("proxy", "FAILED", "sprite", "DONE")));
        assertEquals("INGESTED", PipelinePlan.statusOf(null));
    }

    @Test
    void stepsByTypeAndStreams() {
        Document withSound = new Document("type", "VIDEO").append("media", new Document("streams",
                List.of(new Document("kind", "video"), new Document("kind", "audio"))));
        assertEquals(List.of(JobType.PROXY, JobType.THUMBNAIL, JobType.SPRITE, JobType.SCENES, JobType.WAVEFORM),
                PipelinePlan.stepsFor(withSound));
        Document silent = new Document("type", "VIDEO").append("media", new Document("streams",
                List.of(new Document("kind", "video"))));
        assertEquals(4, PipelinePlan.stepsFor(silent).size());
        assertEquals(List.of(JobType.AUDIO_PROXY, JobType.WAVEFORM), PipelinePlan.stepsFor(new Document("type", "AUDIO")));
        assertEquals(List.of(JobType.PREVIEW), PipelinePlan.stepsFor(new Document("type", "PHOTO")));
    }
}
