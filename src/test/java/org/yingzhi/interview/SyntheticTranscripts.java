package org.yingzhi.interview;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.yingzhi.shared.mongo.EmbeddedMongoServer;

/**
 * For scripts/bench-transcripts: adds {@code n} interviews of one hour to a synthetic catalog (made by
 * SyntheticCatalog), each a recording of the catalog with a transcript of 720 five-second cues of Chinese text from
 * a small vocabulary, two speakers, and a few index segments; one phrase ({@code 拉萨市人民医院}) in a known share of
 * cues. Writes {@code transcripts.txt} with a sample word to search.
 */
public final class SyntheticTranscripts {

    private static final String[] WORDS = {"援藏", "干部", "医院", "学校", "公路", "拉萨", "日喀则", "喀什", "援疆", "项目",
        "建设", "群众", "高原", "医生", "老师", "牧民", "工作队", "指挥部", "第一批", "那时候", "我们", "他们", "记得", "开始",
        "困难", "帐篷", "氧气", "冬天", "修路", "水电站", "农田", "孩子", "教室", "设备", "资金", "援助", "发展", "改革"};

    private SyntheticTranscripts() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Random r = new Random(11);
        long t0 = System.nanoTime();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir, 64);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("yingzhi");
            List<Document> recordings = db.getCollection("assets").find(new Document("type", new Document("$in", List.of("AUDIO", "VIDEO"))))
                    .projection(new Document("contributorUnit", 1)).limit(n).into(new ArrayList<>());
            if (recordings.size() < n) {
                throw new IllegalStateException("only " + recordings.size() + " recordings in " + dir);
            }
            Instant now = Instant.now();
            long cues = 0;
            for (int i = 0; i < n; i++) {
                String asset = recordings.get(i).getObjectId("_id").toHexString();
                String unit = recordings.get(i).getString("contributorUnit");
                String iid = new ObjectId().toHexString();
                Interview iv = new Interview(iid, "口述" + i, unit, List.of(asset), List.of(), List.of("采访人" + (i % 20)),
                        "2026-10-12", "拉萨", null, List.of("zh"), null, null, "第" + i + "次访谈", null, null, "bench",
                        now, now, 1, false);
                db.getCollection(InterviewRepository.INTERVIEWS).insertOne(InterviewRepository.document(iv));
                List<Cue> list = new ArrayList<>(720);
                for (int c = 0; c < 720; c++) {
                    StringBuilder text = new StringBuilder();
                    int words = 8 + r.nextInt(10);
                    for (int w = 0; w < words; w++) {
                        text.append(WORDS[r.nextInt(WORDS.length)]);
                        if (w % 5 == 4) {
                            text.append('，');
                        }
                    }
                    if (r.nextInt(500) == 0) {
                        text.append("拉萨市人民医院");
                    }
                    text.append('。');
                    list.add(new Cue(c * 5000L, c * 5000L + 4800, c % 2 == 0 ? "问" : "答", text.toString()));
                }
                cues += list.size();
                Transcript t = new Transcript(new ObjectId().toHexString(), asset, iid, "zh", Transcript.Kind.TRANSCRIPT,
                        null, null, null, true, "vtt", null, "UTF-8", 0, list, List.of(), "bench", now, now, 1, false);
                db.getCollection(InterviewRepository.TRANSCRIPTS).insertOne(InterviewRepository.document(t));
                for (int s = 0; s < 6; s++) {
                    Segment seg = new Segment(new ObjectId().toHexString(), asset, iid, s * 600_000L, (s + 1) * 600_000L,
                            "第" + (s + 1) + "段 " + WORDS[r.nextInt(WORDS.length)], "关于" + WORDS[r.nextInt(WORDS.length)] + "的回忆",
                            null, List.of(WORDS[r.nextInt(WORDS.length)]), List.of(), List.of(), List.of(), List.of(), "ohms",
                            "bench", now);
                    db.getCollection(InterviewRepository.SEGMENTS).insertOne(InterviewRepository.document(seg));
                }
            }
            Files.writeString(dir.resolve("transcripts.txt"), "word=人民医院\ncues=" + cues + "\n");
            System.out.printf("%d interviews, %d cues written in %.1f s%n", n, cues, (System.nanoTime() - t0) / 1e9);
        }
    }
}
