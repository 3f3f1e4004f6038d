package org.yingzhi.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.yingzhi.search.SearchKeys;
import org.yingzhi.shared.mongo.EmbeddedMongoServer;

/**
 * Fills a catalog with N synthetic assets that look like the real thing: Chinese titles made of aid-region place
 * names, aid projects and occasions, descriptions, units, capture dates from 1995 to 2025, photos with EXIF and GPS,
 * clips with timecode, all in the stored shape (they validate against media-schema/asset.schema.json). Written
 * through the wire protocol in batches of 200, as a restore or a bulk import would. Deterministic for a seed.
 */
public final class SyntheticCatalog {

    static final String[] PLACES = {"拉萨市", "林芝市", "日喀则市", "山南市", "那曲市", "昌都市", "阿里地区", "喀什地区",
        "和田地区", "阿克苏地区", "克孜勒苏州", "伊犁州", "疏附县", "疏勒县", "八一镇", "察隅县", "墨竹工卡县", "岳普湖县",
        "伽师县", "英吉沙县", "米林县", "工布江达县", "波密县", "朗县"};
    static final String[] PROJECTS = {"人民医院", "中学", "小学", "安居工程", "水电站", "援建公路", "职业技术学校",
        "双语幼儿园", "农牧民培训中心", "光伏电站", "文化广场", "妇幼保健院", "自来水厂", "蔬菜大棚基地", "边贸市场",
        "游客服务中心", "敬老院", "图书馆"};
    static final String[] OCCASIONS = {"开工仪式", "竣工典礼", "调研", "慰问", "揭牌仪式", "义诊活动", "签约仪式",
        "座谈会", "现场会", "交接仪式", "工作会议", "欢送会", "表彰大会", "专题采访"};
    static final String[] UNITS = {"省广播电视局", "援藏工作队", "援疆前方指挥部", "援藏前方指挥部", "省卫生健康委员会",
        "省教育厅", "省住房和城乡建设厅", "省地方志办公室"};
    static final String[] PEOPLE = {"援藏干部", "援疆干部", "专业技术人才", "医疗队员", "支教教师", "受援地干部群众"};

    private SyntheticCatalog() {
    }

    /** A title such as 林芝市人民医院竣工典礼 for asset number i. */
    static String title(Random r) {
        return pick(r, PLACES) + pick(r, PROJECTS) + pick(r, OCCASIONS);
    }

    static Document asset(Random r, int i) {
        String place = pick(r, PLACES);
        String project = pick(r, PROJECTS);
        String title = place + project + pick(r, OCCASIONS);
        String unit = pick(r, UNITS);
        LocalDate day = LocalDate.of(1995, 1, 1).plusDays(r.nextInt(365 * 31));
        Instant start = day.atStartOfDay().toInstant(ZoneOffset.ofHours(8));
        String description = "第" + (1 + r.nextInt(10)) + "批" + pick(r, PEOPLE) + "在" + place + "参加" + project + "建设，"
                + day.getYear() + "年" + day.getMonthValue() + "月" + pick(r, OCCASIONS) + "。";
        int kind = r.nextInt(10);
        String type = kind < 6 ? "PHOTO" : kind < 9 ? "VIDEO" : "AUDIO";
        byte[] sha = new byte[32];
        r.nextBytes(sha);
        List<String> keywords = List.of(kind < 5 ? "援藏" : "援疆", place.substring(0, 2), project);
        Date created = Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 37L));
        Document d = new Document("_id", new ObjectId(created, i & 0xFFFFFF)).append("type", type).append("status", "READY")
                .append("original", new Document("sha256", HexFormat.of().formatHex(sha)).append("size", 10_000L + r.nextInt(5_000_000))
                        .append("fileName", "IMG_" + i + (type.equals("PHOTO") ? ".jpg" : type.equals("VIDEO") ? ".mov" : ".wav"))
                        .append("ext", type.equals("PHOTO") ? "jpg" : type.equals("VIDEO") ? "mov" : "wav")
                        .append("format", type.equals("PHOTO") ? "jpeg" : type.equals("VIDEO") ? "mov" : "wav")
                        .append("mimeType", type.equals("PHOTO") ? "image/jpeg" : type.equals("VIDEO") ? "video/quicktime" : "audio/wav"))
                .append("title", title).append("description", description).append("contributorUnit", unit)
                .append("place", place).append("keywords", keywords).append("captureDate", day.toString())
                .append("captureStart", Date.from(start)).append("captureEnd", Date.from(start.plusSeconds(86_400)))
                .append("metadataStatus", "OK").append("warnings", List.of()).append("errors", List.of())
                .append("review", new Document("status", r.nextInt(4) == 0 ? "APPROVED" : "PENDING"))
                .append("createdAt", created).append("createdBy", new Document("name", "bench").append("unit", unit))
                .append("updatedAt", created).append("deleted", false).append("version", 0L);
        if (type.equals("PHOTO")) {
            Document photo = new Document("width", 4000).append("height", 3000).append("exif", new Document("make", "Canon")
                    .append("model", "Canon EOS 5D Mark II").append("dateTimeOriginal", day + "T10:32:05+08:00"))
                    .append("iptc", new Document("caption", description).append("keywords", keywords).append("city", place))
                    .append("warnings", List.of());
            if (r.nextBoolean()) {
                photo.append("gps", new Document("latitude", 29 + r.nextDouble()).append("longitude", 91 + r.nextDouble()));
            }
            d.append("photo", photo).append("processing", new Document("steps", new Document("preview",
                    new Document("status", "DONE").append("attempts", 1))));
        } else {
            Document media = new Document("container", type.equals("VIDEO") ? "mov,mp4,m4a,3gp,3g2,mj2" : "wav")
                    .append("durationMicros", 60_000_000L + r.nextInt(600_000_000)).append("streams", List.of(
                            type.equals("VIDEO")
                                    ? new Document("index", 0).append("kind", "video").append("codec", "dvvideo")
                                            .append("width", 720).append("height", 576).append("frameRate", "25/1")
                                    : new Document("index", 0).append("kind", "audio").append("codec", "pcm_s16le")
                                            .append("sampleRate", 48_000).append("channels", 2)))
                    .append("tags", new Document()).append("warnings", List.of());
            if (type.equals("VIDEO")) {
                media.append("timecode", new Document("start", "10:00:00:00").append("startFrames", 900_000L)
                        .append("rate", "25/1").append("rateLabel", "25").append("dropFrame", false).append("source", "tmcd"));
            }
            d.append("media", media).append("processing", new Document("steps", new Document(
                    type.equals("VIDEO") ? "proxy" : "audio_proxy", new Document("status", "DONE").append("attempts", 1))));
        }
        List<String> texts = new ArrayList<>(List.of(title, description, unit, place));
        texts.addAll(keywords);
        d.append("searchKeys", new ArrayList<>(SearchKeys.index(texts)));
        return d;
    }

    /** Appends {@code n} assets (numbered from {@code from}) to the catalog at the given MongoDB. */
    public static void fill(String connectionString, String database, int from, int n, long seed) {
        try (MongoClient client = MongoClients.create(connectionString)) {
            MongoCollection<Document> assets = client.getDatabase(database).getCollection("assets");
            Random r = new Random(seed + from);
            List<Document> batch = new ArrayList<>(200);
            for (int i = from; i < from + n; i++) {
                batch.add(asset(r, i));
                if (batch.size() == 200) {
                    assets.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                assets.insertMany(batch);
            }
        }
    }

    /** {@code SyntheticCatalog DATA_DIR N}: fills the embedded catalog of a data directory with N assets. */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        long t0 = System.nanoTime();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir, 64)) {
            int step = 10_000;
            for (int from = 0; from < n; from += step) {
                fill(server.connectionString(), "yingzhi", from, Math.min(step, n - from), 42);
                System.out.printf("%,d assets written in %.0f s%n", Math.min(n, from + step), (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private static String pick(Random r, String[] a) {
        return a[r.nextInt(a.length)];
    }
}
