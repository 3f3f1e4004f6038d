package org.yingzhi.metadata;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Camera RAW files laid out as their cameras write them, entry by entry (no camera RAW can be made here): the
 * preview is what the first directory or embedded JPEG describes, the full picture size lives elsewhere (the raw
 * SubIFD, the EXIF IFD, the RAF directory, RW2's sensor borders), and exposure sits in the EXIF IFD after a raw
 * SubIFD. Plus a Sony DSC-F1 PMP still: a 124-byte header before a JPEG.
 */
public final class RawSamples {

    private RawSamples() {
    }

    static List<Path> all(Path dir) throws Exception {
        List<Path> out = new ArrayList<>();
        out.add(Files.write(dir.resolve("IMG_0350.CR2"), cr2()));
        out.add(Files.write(dir.resolve("DSC_0200.NEF"), subIfdRaw("NIKON CORPORATION", "NIKON D200", 3904, 2616, false)));
        out.add(Files.write(dir.resolve("L1000001.DNG"), subIfdRaw("Leica Camera AG", "M8 Digital Camera", 3920, 2638, true)));
        out.add(Files.write(dir.resolve("P1000123.RW2"), rw2()));
        out.add(Files.write(dir.resolve("CF000999.IIQ"), iiq()));
        out.add(Files.write(dir.resolve("DSCF0001.RAF"), raf(dir)));
        out.add(Files.write(dir.resolve("DSC00042.PMP"), pmp()));
        out.add(Files.write(dir.resolve("PICT0001.MRW"), mrw()));
        out.add(Files.write(dir.resolve("CRW_0001.CRW"), crw()));
        out.add(Files.write(dir.resolve("CIMG0001.JPG"), qvci()));
        return out;
    }

    private static TiffWriter.Ifd exposure(String date) {
        return TiffWriter.ifd().rational(0x829a, 1, 125).rational(0x829d, 8, 1).shorts(0x8827, 400)
                .rational(0x920a, 50, 1).ascii(0x9003, date);
    }

    /** Canon EOS 350D: IFD0 is the 1536x1024 JPEG preview, the EXIF IFD says 3456x2304. */
    static byte[] cr2() {
        TiffWriter.Ifd exif = exposure("2005:07:20 11:22:33").shorts(0xa002, 3456).shorts(0xa003, 2304);
        TiffWriter.Ifd ifd0 = TiffWriter.ifd().shorts(0x100, 1536).shorts(0x101, 1024).shorts(0x103, 6)
                .ascii(0x10f, "Canon").ascii(0x110, "Canon EOS 350D DIGITAL").pointer(0x8769, exif);
        return TiffWriter.cr2(ifd0);
    }

    /** NEF and DNG: IFD0 a 160x120 thumbnail, SubIFD 0x14a the raw image, then the EXIF IFD. */
    static byte[] subIfdRaw(String make, String model, int w, int h, boolean dng) {
        TiffWriter.Ifd raw = TiffWriter.ifd().longs(0xfe, 0).longs(0x100, w).longs(0x101, h).shorts(0x102, 12)
                .shorts(0x103, 1).shorts(0x106, 32803);
        TiffWriter.Ifd exif = exposure("2007:09:01 08:00:00");
        TiffWriter.Ifd ifd0 = TiffWriter.ifd().longs(0xfe, 1).shorts(0x100, 160).shorts(0x101, 120).shorts(0x103, 1)
                .ascii(0x10f, make).ascii(0x110, model).pointer(0x14a, raw).pointer(0x8769, exif);
        if (dng) {
            ifd0.longs(0xc612, 0x00000401); // DNGVersion 1.4.0.0, as four bytes
        }
        return TiffWriter.tiff(ifd0);
    }

    /** Panasonic DMC-FZ50 style RW2: sensor 3724x2754 with borders leaving 3648x2736. */
    static byte[] rw2() {
        TiffWriter.Ifd ifd0 = TiffWriter.ifd().shorts(0x01, 0x0200).shorts(0x02, 3724).shorts(0x03, 2754)
                .shorts(0x04, 8).shorts(0x05, 4).shorts(0x06, 2744).shorts(0x07, 3652)
                .ascii(0x10f, "Panasonic").ascii(0x110, "DMC-FZ50");
        return TiffWriter.rw2(ifd0);
    }

    /** Phase One IQ180: IFD0 an 8x8 placeholder, the EXIF IFD 7320x5484. */
    static byte[] iiq() {
        TiffWriter.Ifd exif = exposure("2012:05:05 16:00:00").longs(0xa002, 7320).longs(0xa003, 5484);
        TiffWriter.Ifd ifd0 = TiffWriter.ifd().shorts(0x100, 8).shorts(0x101, 8).shorts(0x103, 1)
                .ascii(0x10f, "Phase One").ascii(0x110, "IQ180").pointer(0x8769, exif);
        return TiffWriter.tiff(ifd0);
    }

    private static byte[] jpeg(int w, int h) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "jpg", b);
        return b.toByteArray();
    }

    /**
     * Fujifilm S5Pro RAF: the 160x120 JPEG preview (with the camera's EXIF, written here with exiftool) at 148,
     * the RAF directory after it with RawImageFullSize 4352x2868 and RawImageCroppedSize 4256x2848, height first.
     */
    static byte[] raf(Path dir) throws Exception {
        Path preview = dir.resolve("raf-preview.jpg");
        Files.write(preview, jpeg(160, 120));
        Process p = new ProcessBuilder("exiftool", "-q", "-overwrite_original", "-EXIF:Make=FUJIFILM",
                "-EXIF:Model=FinePixS5Pro", "-EXIF:ExposureTime=0.004", "-EXIF:FNumber=5.6", "-EXIF:ISO=200",
                "-EXIF:DateTimeOriginal=2008:06:01 09:10:11", preview.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("exiftool could not write the RAF preview's EXIF");
        }
        byte[] jpg = Files.readAllBytes(preview);
        Files.delete(preview);
        int jpegAt = 148;
        int dirAt = jpegAt + jpg.length;
        ByteBuffer head = ByteBuffer.allocate(jpegAt).order(ByteOrder.BIG_ENDIAN);
        head.put("FUJIFILMCCD-RAW 0201FF383501".getBytes(StandardCharsets.US_ASCII));
        head.position(28).put("FinePixS5Pro".getBytes(StandardCharsets.US_ASCII));
        head.position(60).put("0100".getBytes(StandardCharsets.US_ASCII));
        head.putInt(84, jpegAt).putInt(88, jpg.length).putInt(92, dirAt).putInt(96, 24);
        ByteBuffer rafDir = ByteBuffer.allocate(4 + 2 * 8).order(ByteOrder.BIG_ENDIAN);
        rafDir.putInt(2);
        rafDir.putShort((short) 0x100).putShort((short) 4).putShort((short) 2868).putShort((short) 4352);
        rafDir.putShort((short) 0x111).putShort((short) 4).putShort((short) 2848).putShort((short) 4256);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.array());
        out.writeBytes(jpg);
        out.writeBytes(rafDir.array());
        return out.toByteArray();
    }

    /** Sony DSC-F1 (1998): header, then a 640x480 JPEG whose APP0 is dropped so that DQT follows SOI. */
    public static byte[] pmp() throws Exception {
        byte[] jpg = jpeg(640, 480);
        int i = 2;
        while ((jpg[i] & 0xFF) == 0xFF && ((jpg[i + 1] & 0xFF) == 0xE0 || (jpg[i + 1] & 0xFF) == 0xFE)) {
            i += 2 + (((jpg[i + 2] & 0xFF) << 8) | (jpg[i + 3] & 0xFF));
        }
        ByteArrayOutputStream j = new ByteArrayOutputStream();
        j.write(0xFF);
        j.write(0xD8);
        j.write(jpg, i, jpg.length - i);
        byte[] body = j.toByteArray();
        ByteBuffer h = ByteBuffer.allocate(124).order(ByteOrder.BIG_ENDIAN);
        h.putInt(8, 124).putInt(12, body.length).putShort(22, (short) 640).putShort(24, (short) 480);
        h.put(29, (byte) 51);
        h.position(52).put("Lhasa 1998".getBytes(StandardCharsets.US_ASCII));
        h.position(76).put(new byte[] {98, 8, 15, 10, 30, 5});
        h.position(84).put(new byte[] {98, 8, 15, 10, 30, 5});
        h.putShort(102, (short) 600); // 2^-6 s = 1/64 s
        h.put(118, (byte) 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.array());
        out.writeBytes(body);
        return out.toByteArray();
    }

    /**
     * Minolta DiMAGE A1 style MRW: "\0MRM" and the length of its blocks; PRD (sensor and image size, big-endian),
     * then TTW, a TIFF with the camera's IFD0 and EXIF IFD.
     */
    static byte[] mrw() {
        ByteBuffer prd = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN);
        prd.put("21810002".getBytes(StandardCharsets.US_ASCII));
        prd.putShort((short) 1960).putShort((short) 2624).putShort((short) 1920).putShort((short) 2560);
        prd.put((byte) 12).put((byte) 12).put((byte) 0x52).put((byte) 0).putShort((short) 0x0001).putShort((short) 0);
        TiffWriter.Ifd exif = exposure("2004:03:04 05:06:07");
        byte[] ttw = TiffWriter.tiff(TiffWriter.ifd().ascii(0x10f, "Konica Minolta").ascii(0x110, "DiMAGE A2")
                .pointer(0x8769, exif));
        ByteArrayOutputStream blocks = new ByteArrayOutputStream();
        block(blocks, "\0PRD", prd.array());
        block(blocks, "\0TTW", ttw);
        byte[] b = blocks.toByteArray();
        ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
        head.put("\0MRM".getBytes(StandardCharsets.ISO_8859_1)).putInt(b.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.array());
        out.writeBytes(b);
        out.writeBytes(new byte[64]); // the raw data would follow
        return out.toByteArray();
    }

    private static void block(ByteArrayOutputStream out, String tag, byte[] data) {
        out.writeBytes(tag.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(data.length).array());
        out.writeBytes(data);
    }

    /**
     * Canon PowerShot S30 style CRW (CIFF): a 26-byte header ("II", its length, "HEAPCCDR"), then the root heap:
     * its values, then its directory (a count and ten-byte entries: tag, size, offset in the heap), and the
     * directory's offset in the heap's last four bytes. 0x080a holds make and model, 0x180e the capture time.
     */
    static byte[] crw() {
        byte[] makeModel = "Canon\0Canon PowerShot S30\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer time = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        time.putInt((int) java.time.LocalDateTime.of(2003, 2, 3, 10, 11, 12).toEpochSecond(java.time.ZoneOffset.UTC));
        time.putInt(0).putInt(0);
        ByteArrayOutputStream heap = new ByteArrayOutputStream();
        int makeAt = heap.size();
        heap.writeBytes(makeModel);
        if (heap.size() % 2 == 1) {
            heap.write(0);
        }
        int timeAt = heap.size();
        heap.writeBytes(time.array());
        int dirAt = heap.size();
        ByteBuffer dir = ByteBuffer.allocate(2 + 2 * 10 + 4).order(ByteOrder.LITTLE_ENDIAN);
        dir.putShort((short) 2);
        dir.putShort((short) 0x080a).putInt(makeModel.length).putInt(makeAt);
        dir.putShort((short) 0x180e).putInt(12).putInt(timeAt);
        dir.putInt(dirAt);
        heap.writeBytes(dir.array());
        ByteBuffer head = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 'I').put((byte) 'I').putInt(26).put("HEAPCCDR".getBytes(StandardCharsets.US_ASCII));
        head.putShort((short) 1).putShort((short) 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.array());
        out.writeBytes(heap.toByteArray());
        return out.toByteArray();
    }

    /** Casio QV-7000SX: a JPEG with an APP1 "QVCI\0" segment whose date sits at 0x4d ("1999.05.20.10.11.12"). */
    static byte[] qvci() throws Exception {
        byte[] jpg = jpeg(320, 240);
        byte[] seg = new byte[0x90];
        System.arraycopy("QVCI\0".getBytes(StandardCharsets.ISO_8859_1), 0, seg, 0, 5);
        seg[0x2c] = 3;
        System.arraycopy("1999.05.20.10.11.12".getBytes(StandardCharsets.ISO_8859_1), 0, seg, 0x4d, 19);
        System.arraycopy("QV7000 ".getBytes(StandardCharsets.ISO_8859_1), 0, seg, 0x62, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((seg.length + 2) >> 8);
        out.write((seg.length + 2) & 0xFF);
        out.writeBytes(seg);
        out.write(jpg, 2, jpg.length - 2);
        return out.toByteArray();
    }
}
