package org.yingzhi.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yingzhi.shared.json.Json;
import org.yingzhi.support.Samples;
import org.yingzhi.support.TestDataDir;
import tools.jackson.databind.JsonNode;

/**
 * Every photo field the catalog stores, compared with what exiftool (installed by scripts/setup) reads from the
 * same file with {@code -j -n} and its MWG composite tags, on the samples and on photos this test writes with
 * exiftool: EXIF, IPTC and XMP that disagree, several creators, copyright, an OffsetTimeOriginal west of China,
 * a date only in IPTC, and GIF, BMP, TIFF and WebP-less rasters for their sizes.
 */
class PhotoMetadataExiftoolIntegrationTest {

    static final Path DIR = TestDataDir.create("photo-exiftool");
    static final List<Path> PHOTOS = new ArrayList<>();
    static final List<String> REAL = List.of("Sony.pmp", "CasioQVCI.jpg", "Minolta.mrw", "Sigma.x3f", "SigmaDP2.x3f",
            "CanonRaw.crw", "CanonRaw.cr2", "FujiFilm.raf", "Panasonic.rw2", "PhaseOne.iiq", "Nikon.nef", "DNG.dng",
            "Nikon.jpg", "NikonD70.jpg", "Canon.jpg", "MWG.jpg");

    private static void exiftool(Path file, String... tags) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("exiftool", "-q", "-overwrite_original", "-codedcharacterset=utf8"));
        cmd.addAll(List.of(tags));
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "exiftool " + cmd + ": " + out);
    }

    private static Path raster(String name, String format, int w, int h) throws Exception {
        Path p = DIR.resolve(name);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        assertTrue(ImageIO.write(img, format, p.toFile()));
        return p;
    }

    @BeforeAll
    static void make() throws Exception {
        PHOTOS.add(Samples.get("photo-lhasa.jpg"));
        PHOTOS.add(Samples.get("photo-kashgar.jpg"));
        Path disagree = raster("disagree.jpg", "jpg", 640, 427);
        exiftool(disagree, "-EXIF:Make=Canon", "-EXIF:Model=Canon EOS 400D DIGITAL", "-EXIF:DateTimeOriginal=2019:05:01 22:53:00",
                "-EXIF:OffsetTimeOriginal=+02:00", "-EXIF:Artist=张晓明; 李华", "-EXIF:Copyright=© 2019 林芝援藏指挥部",
                "-IPTC:Caption-Abstract=旧的说明", "-XMP-dc:Description=林芝市人民医院奠基仪式", "-IPTC:Keywords=旧词",
                "-XMP-dc:Subject=援藏", "-XMP-dc:Subject=林芝", "-XMP-dc:Subject=医院", "-IPTC:By-line=某人",
                "-XMP-dc:Rights=XMP版权", "-IPTC:CopyrightNotice=IPTC版权", "-XMP-dc:Title=奠基仪式",
                "-IPTC:ObjectName=旧标题", "-EXIF:Orientation#=8", "-EXIF:ISO=200", "-EXIF:FNumber=4.5",
                "-EXIF:ExposureTime=0.0025", "-XMP-aux:Lens=EF-S18-55mm", "-XMP-exifEX:LensModel=EF24-105mm f/4L IS USM");
        PHOTOS.add(disagree);
        Path iptcOnly = raster("iptc-date.jpg", "jpg", 300, 200);
        exiftool(iptcOnly, "-IPTC:DateCreated=2004:08:15", "-IPTC:TimeCreated=09:30:00+08:00",
                "-IPTC:By-line=援疆干部甲", "-IPTC:By-line=援疆干部乙", "-IPTC:CopyrightNotice=新疆日报社",
                "-IPTC:Keywords=援疆", "-IPTC:Keywords=和田", "-IPTC:Caption-Abstract=和田地区援建学校");
        PHOTOS.add(iptcOnly);
        Path xmpOnly = raster("xmp-date.png", "png", 200, 150);
        exiftool(xmpOnly, "-XMP-photoshop:DateCreated=2010:03:05 14:00:00+08:00", "-XMP-dc:Creator=王五",
                "-XMP-dc:Creator=赵六", "-XMP-dc:Rights=省地方志办公室");
        PHOTOS.add(xmpOnly);
        PHOTOS.add(cr3());
        PHOTOS.add(iptcTrailer());
        PHOTOS.add(raster("screen.gif", "gif", 123, 45));
        PHOTOS.add(raster("scan.bmp", "bmp", 321, 54));
        PHOTOS.add(raster("scan.tif", "tiff", 222, 111));
        PHOTOS.addAll(RawSamples.all(DIR));
        // files from real cameras, from exiftool's own test suite (image data stripped, metadata as the cameras
        // wrote it): src/test/resources/exiftool-t, see its README
        for (String f : REAL) {
            PHOTOS.add(Samples.reference(f));
        }
        // MWG: XMP's city before IPTC's; IPTC before XMP once IPTC was edited without XMP (stale digest)
        Path city = raster("city.jpg", "jpg", 200, 100);
        exiftool(city, "-IPTC:City=旧城区", "-XMP-photoshop:City=拉萨", "-IPTC:Keywords=旧词", "-XMP-dc:Subject=援藏");
        PHOTOS.add(city);
        Path shown = raster("shown.jpg", "jpg", 200, 100);
        exiftool(shown, "-XMP-photoshop:City=日喀则", "-XMP-iptcExt:LocationShownCity=江孜");
        PHOTOS.add(shown);
        Path stale = raster("stale-digest.jpg", "jpg", 200, 100);
        exiftool(stale, "-IPTC:City=林芝", "-XMP-photoshop:City=拉萨", "-IPTC:Keywords=新词", "-XMP-dc:Subject=旧词一",
                "-XMP-dc:Subject=旧词二", "-IPTC:Caption-Abstract=IPTC 里改过的说明", "-XMP-dc:Description=XMP 里旧的说明",
                "-Photoshop:IPTCDigest=00112233445566778899aabbccddeeff");
        PHOTOS.add(stale);
        Path fresh = raster("fresh-digest.jpg", "jpg", 200, 100);
        exiftool(fresh, "-IPTC:City=林芝", "-XMP-photoshop:City=拉萨", "-IPTC:Keywords=新词", "-XMP-dc:Subject=旧词一",
                "-Photoshop:IPTCDigest=new");
        PHOTOS.add(fresh);
    }

    /**
     * A CR3 laid out as Canon does (ftyp crx; moov holding Canon's uuid box with CMT1 = IFD0, CMT2 = the EXIF IFD,
     * CMT4 = GPS, each a little-endian TIFF), written here entry by entry since no real CR3 can be made here.
     */
    private static Path cr3() throws Exception {
        byte[] cmt1 = TiffWriter.tiff(TiffWriter.ifd()
                .ascii(0x010f, "Canon").ascii(0x0110, "Canon EOS R5").longs(0x0100, 8192).longs(0x0101, 5464)
                .shorts(0x0112, 6));
        byte[] cmt2 = TiffWriter.tiff(TiffWriter.ifd()
                .rational(0x829a, 1, 250).rational(0x829d, 56, 10).shorts(0x8827, 800)
                .ascii(0x9003, "2021:07:01 10:20:30").ascii(0x9011, "+06:00").ascii(0xa434, "RF24-105mm F4 L IS USM"));
        byte[] cmt4 = TiffWriter.tiff(TiffWriter.ifd()
                .bytes(0x0000, new byte[] {2, 3, 0, 0}).ascii(0x0001, "N").rationals(0x0002, 29, 1, 39, 1, 0, 1)
                .ascii(0x0003, "E").rationals(0x0004, 91, 1, 7, 1, 12, 1));
        java.io.ByteArrayOutputStream uuid = new java.io.ByteArrayOutputStream();
        uuid.write(java.util.HexFormat.of().parseHex("85c0b687820f11e08111f4ce462b6a48"));
        uuid.write(box("CMT1", cmt1));
        uuid.write(box("CMT2", cmt2));
        uuid.write(box("CMT4", cmt4));
        java.io.ByteArrayOutputStream f = new java.io.ByteArrayOutputStream();
        f.write(box("ftyp", java.nio.ByteBuffer.allocate(12).put("crx ".getBytes()).putInt(1).put("crx ".getBytes()).array()));
        f.write(box("moov", box("uuid", uuid.toByteArray())));
        f.write(box("mdat", new byte[64]));
        return java.nio.file.Files.write(DIR.resolve("IMG_0042.CR3"), f.toByteArray());
    }

    /** A JPEG whose IPTC sits in a FotoStation trailer after the image (as FotoWare-catalogued archives have it). */
    private static Path iptcTrailer() throws Exception {
        Path p = raster("fotostation.jpg", "jpg", 160, 120);
        java.io.ByteArrayOutputStream iim = new java.io.ByteArrayOutputStream();
        iim.writeBytes(dataset(1, 90, new byte[] {0x1b, '%', 'G'})); // UTF-8
        iim.writeBytes(dataset(2, 5, "日喀则援建学校".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        iim.writeBytes(dataset(2, 120, "上海援建的日喀则市第一中学".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        iim.writeBytes(dataset(2, 80, "摄影甲".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        iim.writeBytes(dataset(2, 25, "援藏".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        iim.writeBytes(dataset(2, 25, "日喀则".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        iim.writeBytes(dataset(2, 116, "省援藏指挥部".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        iim.writeBytes(dataset(2, 55, "20050612".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        byte[] data = iim.toByteArray();
        java.nio.ByteBuffer footer = java.nio.ByteBuffer.allocate(10).putShort((short) 1).putInt(data.length + 10)
                .putInt(0xA1B2C3D4);
        java.nio.file.Files.write(p, data, java.nio.file.StandardOpenOption.APPEND);
        java.nio.file.Files.write(p, footer.array(), java.nio.file.StandardOpenOption.APPEND);
        return p;
    }

    private static byte[] dataset(int record, int number, byte[] value) {
        return java.nio.ByteBuffer.allocate(5 + value.length).put((byte) 0x1c).put((byte) record).put((byte) number)
                .putShort((short) value.length).put(value).array();
    }

    private static byte[] box(String type, byte[] body) {
        return java.nio.ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).put(type.getBytes()).put(body).array();
    }

    private static JsonNode exiftoolRun(Path file, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("exiftool", "-j", "-n", "-G", "-a"));
        cmd.addAll(List.of(options));
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor());
        return Json.MAPPER.readTree(out).get(0);
    }

    /**
     * exiftool's reading with the MWG composite tags. Strict MWG ignores IPTC outside its standard place (exiftool
     * warns "Ignored non-standard IPTC"), such as a FotoStation trailer; we read it, as exiftool does without MWG,
     * so for such a file the IPTC exiftool then extracts stands in for the composites (it is the only source).
     */
    private static JsonNode exiftoolJson(Path file) throws Exception {
        JsonNode mwg = exiftoolRun(file, "-use", "MWG");
        if (!mwg.path("ExifTool:Warning").asString("").contains("non-standard IPTC")) {
            return mwg;
        }
        JsonNode plain = exiftoolRun(file);
        tools.jackson.databind.node.ObjectNode x = (tools.jackson.databind.node.ObjectNode) mwg;
        String[][] iptc = {{"IPTC:Caption-Abstract", "Composite:Description"}, {"IPTC:By-line", "Composite:Creator"},
            {"IPTC:CopyrightNotice", "Composite:Copyright"}, {"IPTC:Keywords", "Composite:Keywords"}};
        for (String[] m : iptc) {
            if (plain.has(m[0])) {
                x.set(m[1], plain.get(m[0]));
            }
        }
        if (plain.has("IPTC:DateCreated")) {
            x.put("Composite:DateTimeOriginal", plain.get("IPTC:DateCreated").asString());
        }
        return x;
    }

    private static String str(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            List<String> items = new ArrayList<>();
            n.forEach(i -> items.add(i.asString()));
            return items.toString();
        }
        return n.asString();
    }

    private static String first(JsonNode x, String... tags) {
        for (String t : tags) {
            if (x.has(t)) {
                return str(x.get(t));
            }
        }
        return null;
    }

    private static String list(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> l) {
            return l.isEmpty() ? null : l.toString();
        }
        return "[" + v + "]";
    }

    @Test
    void everyStoredPhotoFieldAgreesWithExiftool() throws Exception {
        PhotoMetadataReader reader = new PhotoMetadataReader();
        List<String> disagreements = new ArrayList<>();
        for (Path file : PHOTOS) {
            JsonNode x = exiftoolJson(file);
            PhotoMetadata m = reader.read(file);
            PhotoMetadata.Exif e = m.exif();
            PhotoMetadata.Mwg mwg = m.mwg();
            String composite = first(x, "Composite:DateTimeOriginal", "MakerNotes:DateTimeOriginal", "SigmaRaw:DateTimeOriginal");
            JsonNode named = lensNamed(file);
            String[][] pairs = {
                // Composite:ImageSize is "W H" with -n, for every format (the W and H tags sit in per-format groups)
                {"width", size(x, 0), m.width() == null ? null : m.width().toString()},
                {"height", size(x, 1), m.height() == null ? null : m.height().toString()},
                // a PMP's make and model are exiftool's own (group ExifTool), its exposure and date its maker notes'
                // a PMP's make and model are exiftool's own (group ExifTool); CRW's sit in its maker notes, X3F's in
                // SigmaRaw; exposure, aperture, ISO and focal length the same way after EXIF's
                {"make", first(x, "EXIF:Make", "ExifTool:Make", "MakerNotes:Make", "SigmaRaw:Make"), e == null ? null : e.make()},
                {"model", first(x, "EXIF:Model", "ExifTool:Model", "MakerNotes:Model", "SigmaRaw:Model"), e == null ? null : e.model()},
                // the lens: the maker's lens id as exiftool names it from its tables, else EXIF LensModel, the
                // maker notes', XMP's (exifEX:LensModel before aux:Lens)
                {"lens", first(named, "Composite:LensID", "EXIF:LensModel", "MakerNotes:LensModel", "XMP:LensModel",
                    "XMP:Lens"), e == null ? null : e.lens()},
                {"orientation", str(x.get("EXIF:Orientation")), e == null || e.orientation() == null ? null : e.orientation().toString()},
                {"iso", first(x, "EXIF:ISO", "SigmaRaw:ISO", "Composite:ISO"), e == null || e.iso() == null ? null : e.iso().toString()},
                {"fNumber", first(x, "EXIF:FNumber", "SigmaRaw:FNumber", "MakerNotes:FNumber"), e == null || e.fNumber() == null ? null : trim(e.fNumber())},
                {"exposureTime", first(x, "EXIF:ExposureTime", "SigmaRaw:ExposureTime", "MakerNotes:ExposureTime"), e == null || e.exposureTime() == null ? null : trim(e.exposureTime())},
                {"focalLength", first(x, "EXIF:FocalLength", "SigmaRaw:FocalLength", "MakerNotes:FocalLength"), e == null || e.focalLength() == null ? null : trim(e.focalLength())},
                // exiftool's MWG DateTimeOriginal "2019:05:01 22:53:00+02:00" is ours with '-' and 'T'
                {"dateTimeOriginal", composite == null ? null
                    : composite.replaceFirst("^(\\d{4}):(\\d{2}):(\\d{2})", "$1-$2-$3").replaceFirst("^(\\S+) ", "$1T"),
                    mwg == null ? null : mwg.dateTimeOriginal()},
                {"description", first(x, "Composite:Description", "MakerNotes:Comment"), mwg == null ? null : mwg.description()},
                {"creators", list(x.has("Composite:Creator") ? creators(x.get("Composite:Creator")) : null),
                    mwg == null ? null : list(mwg.creators())},
                {"rights", str(x.get("Composite:Copyright")), mwg == null ? null : mwg.rights()},
                {"keywords", list(x.has("Composite:Keywords") ? creators(x.get("Composite:Keywords")) : null),
                    mwg == null ? null : list(mwg.keywords())},
                {"city", str(x.get("Composite:City")), mwg == null ? null : mwg.city()},
                {"latitude", str(x.get("Composite:GPSLatitude")), m.gps() == null ? null : trim(m.gps().latitude())},
                {"longitude", str(x.get("Composite:GPSLongitude")), m.gps() == null ? null : trim(m.gps().longitude())},
            };
            for (String[] p : pairs) {
                if (!same(p[1], p[2])) {
                    disagreements.add(file.getFileName() + " " + p[0] + ": exiftool " + p[1] + ", Yingzhi " + p[2]);
                }
            }
        }
        assertEquals(List.of(), disagreements);
    }

    /**
     * Equal, blank as absent, and numbers to ten significant digits (exiftool prints rationals with ten: 0.06666666667
     * is 1/15).
     */
    private static boolean same(String a, String b) {
        a = a == null || a.isBlank() ? null : a;
        b = b == null || b.isBlank() ? null : b;
        if (java.util.Objects.equals(a, b)) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        try {
            double x = Double.parseDouble(a);
            double y = Double.parseDouble(b);
            return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** exiftool's lens names (print conversion on): Composite:LensID only when it is a name, not a code. */
    private static JsonNode lensNamed(Path file) throws Exception {
        Process proc = new ProcessBuilder("exiftool", "-j", "-G", "-Composite:LensID", file.toString()).start();
        JsonNode x = Json.MAPPER.readTree(proc.getInputStream().readAllBytes()).get(0);
        proc.waitFor();
        tools.jackson.databind.node.ObjectNode out = Json.MAPPER.createObjectNode();
        JsonNode id = x.get("Composite:LensID");
        if (id != null && id.isString() && !id.asString().startsWith("Unknown") && !id.asString().equals("n/a")
                && !id.asString().matches("([0-9A-F]{2} ){7}[0-9A-F]{2}")) {
            out.set("Composite:LensID", id);
        }
        JsonNode plain = exiftoolRun(file, "-n", "-EXIF:LensModel", "-MakerNotes:LensModel", "-XMP:LensModel", "-XMP:Lens");
        plain.properties().forEach(en -> out.set(en.getKey(), en.getValue()));
        return out;
    }

    private static String size(JsonNode x, int i) {
        JsonNode s = x.get("Composite:ImageSize");
        return s == null ? null : s.asString().split("[ x]")[i];
    }

    /** exiftool gives one value as a string and several as an array; as a list either way. */
    private static List<String> creators(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(i -> out.add(i.asString()));
        } else {
            for (String s : n.asString().split(";")) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Test
    void aTimeWestOfChinaIsOnTheNextChinaDay() throws Exception {
        PhotoMetadata m = new PhotoMetadataReader().read(DIR.resolve("disagree.jpg"));
        assertEquals("2019-05-01T22:53:00+02:00", m.exif().dateTimeOriginal(), "seconds :00 are kept");
        assertEquals("2019-05-01T20:53:00Z", m.exif().capturedAt());
        String date = org.yingzhi.asset.AssetDescription.embeddedDate(m.mwg().dateTimeOriginal());
        assertEquals("2019-05-01T22:53:00+02:00", date, "the capture date keeps the zone");
        java.time.OffsetDateTime[] range = org.yingzhi.asset.AssetDescription.captureRange(date);
        assertEquals("2019-05-02", range[0].atZoneSameInstant(org.yingzhi.shared.time.CatalogTime.ZONE).toLocalDate().toString(),
                "04:53 on 2 May in China");
        assertTrue(Files.exists(DIR.resolve("iptc-date.jpg")));
        assertEquals("iptc", new PhotoMetadataReader().read(DIR.resolve("iptc-date.jpg")).mwg().dateSource());
        assertEquals("xmp", new PhotoMetadataReader().read(DIR.resolve("xmp-date.png")).mwg().dateSource());
    }
}
