package org.yingzhi.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.yingzhi.gazetteer.index.Pinyin;
import org.yingzhi.shared.mongo.EmbeddedMongoServer;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;

/**
 * {@code SyntheticGazetteer DATA_DIR CHAPTERS PEOPLE LINKS}: adds a gazetteer to a catalog that already holds
 * synthetic assets (SyntheticCatalog): an outline of 10 篇 with 章 and 节 (about CHAPTERS nodes), PEOPLE people,
 * 500 projects, 200 places, and LINKS links (half to 章/节, 40 % to people, the rest to projects and places; a
 * third of the clip links are ranges). Writes {@code ids.txt} beside the data with a 章, a 节 and a person to
 * measure, each with a typical number of links.
 */
public final class SyntheticGazetteer {

    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡",
        "郭", "何", "林", "罗", "高", "次仁", "扎西", "阿布都"};
    private static final String[] GIVEN = {"晓明", "建华", "卓玛", "国强", "丽", "伟", "芳", "军", "海", "平", "强", "敏", "静",
        "志刚", "玉兰", "德吉", "热合曼", "古丽", "永", "春"};

    private SyntheticGazetteer() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int chapters = Integer.parseInt(args[1]);
        int people = Integer.parseInt(args[2]);
        int links = Integer.parseInt(args[3]);
        Random r = new Random(7);
        long t0 = System.nanoTime();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir, 64);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("yingzhi");
            List<Document> assets = db.getCollection("assets").find()
                    .projection(new Document("type", 1).append("media.durationMicros", 1).append("contributorUnit", 1))
                    .into(new ArrayList<>());
            if (assets.isEmpty()) {
                throw new IllegalStateException("no assets in " + dir + ": make them with SyntheticCatalog first");
            }
            Date now = new Date();
            // outline: 10 parts, each with chapters, each with sections
            int perPart = Math.max(1, (int) Math.round(Math.sqrt(chapters / 10.0 / 9.0) * 3));
            int sectionsPer = Math.max(1, chapters / 10 / perPart - 1);
            List<ObjectId> chapterIds = new ArrayList<>();
            List<ObjectId> sectionIds = new ArrayList<>();
            List<Document> nodes = new ArrayList<>();
            for (int p = 0; p < 10; p++) {
                ObjectId part = new ObjectId();
                nodes.add(node(part, null, List.of(), p, "第" + (p + 1) + "篇 篇名" + p, "篇", now));
                for (int c = 0; c < perPart; c++) {
                    ObjectId ch = new ObjectId();
                    chapterIds.add(ch);
                    nodes.add(node(ch, part, List.of(part), c, "第" + (c + 1) + "章 章名" + p + "-" + c, "章", now));
                    for (int s = 0; s < sectionsPer; s++) {
                        ObjectId sec = new ObjectId();
                        sectionIds.add(sec);
                        nodes.add(node(sec, ch, List.of(part, ch), s, "第" + (s + 1) + "节 节名" + p + "-" + c + "-" + s, "节", now));
                    }
                }
            }
            db.getCollection("outline").insertMany(nodes);
            List<ObjectId> personIds = new ArrayList<>();
            List<ObjectId> projectIds = new ArrayList<>();
            List<ObjectId> placeIds = new ArrayList<>();
            MongoCollection<Document> entries = db.getCollection("entries");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < people + 700; i++) {
                String kind = i < people ? "person" : i < people + 500 ? "project" : "place";
                String name = kind.equals("person") ? SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)]
                        : kind.equals("project") ? "援建项目" + i : "地名" + i;
                ObjectId id = new ObjectId();
                (kind.equals("person") ? personIds : kind.equals("project") ? projectIds : placeIds).add(id);
                batch.add(new Document("_id", id).append("kind", kind).append("name", name).append("pinyin", Pinyin.keys(name))
                        .append("createdAt", now).append("updatedAt", now).append("version", 0L));
                if (batch.size() == 1000) {
                    entries.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                entries.insertMany(batch);
                batch.clear();
            }
            MongoCollection<Document> linkColl = db.getCollection("links");
            FrameRate rate = FrameRate.FPS_25;
            for (int i = 0; i < links; i++) {
                Document a = assets.get(r.nextInt(assets.size()));
                int k = r.nextInt(100);
                String kind;
                ObjectId target;
                if (k < 50) {
                    kind = "chapter";
                    target = r.nextInt(4) == 0 ? chapterIds.get(r.nextInt(chapterIds.size())) : sectionIds.get(r.nextInt(sectionIds.size()));
                } else if (k < 90) {
                    kind = "person";
                    target = personIds.get(r.nextInt(personIds.size()));
                } else if (k < 95) {
                    kind = "project";
                    target = projectIds.get(r.nextInt(projectIds.size()));
                } else {
                    kind = "place";
                    target = placeIds.get(r.nextInt(placeIds.size()));
                }
                Document media = a.get("media", Document.class);
                long duration = media == null || media.get("durationMicros") == null ? 0 : ((Number) media.get("durationMicros")).longValue();
                Document d = new Document("_id", new ObjectId()).append("asset", a.getObjectId("_id"))
                        .append("assetType", a.getString("type")).append("target", new Document("kind", kind).append("id", target));
                if (a.getString("contributorUnit") != null) {
                    d.append("unit", a.getString("contributorUnit"));
                }
                long frames = Timecode.framesForMicros(duration, rate);
                if (!"PHOTO".equals(a.getString("type")) && frames > 50 && r.nextInt(3) == 0) {
                    long in = r.nextInt((int) Math.min(Integer.MAX_VALUE, frames - 25));
                    long len = 25 + r.nextInt((int) Math.max(1, Math.min(frames - in - 25, 1500)));
                    d.append("range", new Document("in", Timecode.ofFrames(in, rate).toString())
                            .append("out", Timecode.ofFrames(in + len, rate).toString()).append("rate", "25/1")
                            .append("dropFrame", false).append("startFrame", in).append("frames", len)
                            .append("inMicros", Timecode.microsForFrames(in, rate))
                            .append("durationMicros", Timecode.microsForFrames(len, rate)));
                    d.append("durationMicros", Timecode.microsForFrames(len, rate));
                } else {
                    d.append("durationMicros", "PHOTO".equals(a.getString("type")) ? 0L : duration);
                }
                d.append("createdBy", new Document("name", "bench")).append("createdAt", now);
                batch.add(d);
                if (batch.size() == 1000) {
                    linkColl.insertMany(batch);
                    batch.clear();
                }
                if ((i + 1) % 50_000 == 0) {
                    System.out.printf("%,d links written in %.0f s%n", i + 1, (System.nanoTime() - t0) / 1e9);
                }
            }
            if (!batch.isEmpty()) {
                linkColl.insertMany(batch);
            }
            Files.writeString(dir.resolve("ids.txt"), "chapter=" + chapterIds.get(chapterIds.size() / 2).toHexString()
                    + "\nsection=" + sectionIds.get(sectionIds.size() / 2).toHexString()
                    + "\nperson=" + personIds.get(personIds.size() / 2).toHexString() + "\n");
            System.out.printf("gazetteer: %d nodes (%d 章, %d 节), %d people, %d links in %.0f s%n", nodes.size(),
                    chapterIds.size(), sectionIds.size(), people, links, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static Document node(ObjectId id, ObjectId parent, List<ObjectId> path, int order, String title, String level,
            Date now) {
        return new Document("_id", id).append("parent", parent).append("path", path).append("order", order)
                .append("title", title).append("level", level).append("status", "PLANNED").append("createdAt", now)
                .append("updatedAt", now).append("version", 0L);
    }
}
