package org.yingzhi.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yingzhi.support.FakeMediaToolkit;

/**
 * Photo pixels from every kind of raster the archive holds, without FFmpeg (a fake stands in and records whether
 * it was asked): grayscale, tiny, 16-bit and transparent pictures, BMP and TIFF, and RAW-structured TIFFs whose
 * embedded camera JPEG is the preview.
 */
class PhotoDecoderTest {

    @TempDir
    Path dir;
    final FakeMediaToolkit ffmpeg = new FakeMediaToolkit();

    private Path write(BufferedImage img, String format, String name) throws Exception {
        Path p = dir.resolve(name);
        assertTrue(ImageIO.write(img, format, p.toFile()), "a " + format + " writer");
        return p;
    }

    private static BufferedImage filled(int w, int h, int type, Color c) {
        BufferedImage img = new BufferedImage(w, h, type);
        var g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    @Test
    void grayscaleTinySixteenBitAndTransparentPicturesDecodeAsRgb() throws Exception {
        List<Path> files = List.of(
                write(filled(640, 480, BufferedImage.TYPE_BYTE_GRAY, Color.GRAY), "jpg", "gray.jpg"),
                write(filled(16, 16, BufferedImage.TYPE_INT_RGB, Color.RED), "jpg", "tiny.jpg"),
                write(filled(32, 24, BufferedImage.TYPE_INT_RGB, Color.BLUE), "png", "tiny.png"),
                write(filled(100, 80, BufferedImage.TYPE_USHORT_GRAY, Color.WHITE), "png", "sixteen.png"),
                write(new BufferedImage(50, 40, BufferedImage.TYPE_INT_ARGB), "png", "clear.png"),
                write(filled(120, 90, BufferedImage.TYPE_3BYTE_BGR, Color.GREEN), "bmp", "scan.bmp"),
                write(filled(300, 200, BufferedImage.TYPE_INT_RGB, Color.ORANGE), "tiff", "scan.tif"));
        int[][] sizes = {{640, 480}, {16, 16}, {32, 24}, {100, 80}, {50, 40}, {120, 90}, {300, 200}};
        for (int i = 0; i < files.size(); i++) {
            PhotoDecoder.Decoded d = PhotoDecoder.decode(files.get(i), ffmpeg);
            int type = d.image().getType();
            assertTrue(type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_3BYTE_BGR, "8-bit RGB: " + type);
            assertEquals(sizes[i][0], d.image().getWidth(), files.get(i).toString());
            assertEquals(sizes[i][1], d.image().getHeight(), files.get(i).toString());
            assertTrue(d.via().startsWith("imageio:"), d.via());
        }
        BufferedImage clear = PhotoDecoder.decode(files.get(4), ffmpeg).image();
        assertEquals(Color.WHITE.getRGB(), clear.getRGB(10, 10), "transparent becomes white, not black");
        assertEquals(List.of(), ffmpeg.calls, "ImageIO read them all");
    }

    /** A little-endian TIFF: IFD0 a small uncompressed RGB image, and a SubIFD pointing at a JPEG. */
    private static byte[] rawLikeTiff(int smallW, int smallH, byte[] jpeg) {
        int entries0 = 10;
        int ifd0 = 8;
        int bits = ifd0 + 2 + entries0 * 12 + 4;
        int sub = bits + 6;
        int subEntries = 2;
        int strip = sub + 2 + subEntries * 12 + 4;
        int stripLen = smallW * smallH * 3;
        int jpegAt = strip + stripLen;
        ByteBuffer b = ByteBuffer.allocate(jpegAt + jpeg.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'I', 'I', 42, 0}).putInt(ifd0);
        b.position(ifd0);
        b.putShort((short) entries0);
        entry(b, 256, 3, 1, smallW);
        entry(b, 257, 3, 1, smallH);
        entry(b, 258, 3, 3, bits);
        entry(b, 259, 3, 1, 1);
        entry(b, 262, 3, 1, 2);
        entry(b, 273, 4, 1, strip);
        entry(b, 277, 3, 1, 3);
        entry(b, 278, 3, 1, smallH);
        entry(b, 279, 4, 1, stripLen);
        entry(b, 330, 4, 1, sub);
        b.putInt(0);
        b.putShort((short) 8).putShort((short) 8).putShort((short) 8);
        b.position(sub);
        b.putShort((short) subEntries);
        entry(b, 513, 4, 1, jpegAt);
        entry(b, 514, 4, 1, jpeg.length);
        b.putInt(0);
        b.position(jpegAt);
        b.put(jpeg);
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    private static byte[] jpeg(int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(filled(w, h, BufferedImage.TYPE_INT_RGB, Color.MAGENTA), "jpg", out);
        return out.toByteArray();
    }

    @Test
    void aRawsEmbeddedCameraJpegIsItsPreview() throws Exception {
        Path nef = dir.resolve("camera.nef");
        Files.write(nef, rawLikeTiff(160, 120, jpeg(1200, 800)));
        RawPreviews.Embedded e = RawPreviews.largest(nef).orElseThrow();
        assertEquals(1200, e.width());
        assertEquals(800, e.height());
        PhotoDecoder.Decoded d = PhotoDecoder.decode(nef, ffmpeg);
        assertEquals("raw preview", d.via());
        assertEquals(1200, d.image().getWidth(), "the full preview, not the 160x120 thumbnail of IFD0");

        Path tiff = dir.resolve("scan-with-thumbnail.tif");
        Files.write(tiff, rawLikeTiff(400, 300, jpeg(160, 120)));
        PhotoDecoder.Decoded t = PhotoDecoder.decode(tiff, ffmpeg);
        assertEquals(400, t.image().getWidth(), "a TIFF whose embedded JPEG is only a thumbnail shows its image");
        assertTrue(t.via().startsWith("imageio:"), t.via());
    }

    /**
     * A file built as Canon lays out a CR3 (ISO base media: ftyp crx, moov, the preview uuid box with its PRVW
     * record, mdat); no real CR3 can be made or obtained here, so the layout follows the published structure.
     */
    /** A Canon CRW (CIFF) keeps its full-size JPEG as tag 0x2007 of the root heap. */
    @Test
    void aCrwsJpgFromRawIsItsPreview() throws Exception {
        byte[] jpeg = jpeg(1024, 680);
        ByteArrayOutputStream heap = new ByteArrayOutputStream();
        heap.writeBytes(jpeg);
        int dirAt = heap.size();
        java.nio.ByteBuffer table = java.nio.ByteBuffer.allocate(2 + 10 + 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        table.putShort((short) 1).putShort((short) 0x2007).putInt(jpeg.length).putInt(0).putInt(dirAt);
        heap.writeBytes(table.array());
        java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(26).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 'I').put((byte) 'I').putInt(26).put("HEAPCCDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(head.array());
        f.writeBytes(heap.toByteArray());
        Path crw = Files.write(dir.resolve("CRW_0001.CRW"), f.toByteArray());
        RawPreviews.Embedded e = RawPreviews.largest(crw).orElseThrow();
        assertEquals(1024, e.width());
        PhotoDecoder.Decoded d = PhotoDecoder.decode(crw, null);
        assertEquals("raw preview", d.via());
        assertEquals(680, d.image().getHeight());
    }

    @Test
    void aCr3sPreviewBoxIsItsPreview() throws Exception {
        byte[] jpeg = jpeg(1620, 1080);
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(box("ftyp", ByteBuffer.allocate(12).put("crx ".getBytes()).putInt(1).put("crx ".getBytes()).array()));
        f.write(box("moov", new byte[32]));
        ByteBuffer prvw = ByteBuffer.allocate(8 + 16 + jpeg.length).order(ByteOrder.BIG_ENDIAN);
        prvw.putInt(prvw.capacity()).put("PRVW".getBytes()).putInt(0).putShort((short) 1).putShort((short) 1620)
                .putShort((short) 1080).putShort((short) 1).putInt(jpeg.length).put(jpeg);
        ByteBuffer uuid = ByteBuffer.allocate(16 + 8 + prvw.capacity());
        uuid.put(java.util.HexFormat.of().parseHex("eaf42b5e1c984b88b9fbb7dc406e4d16")).putLong(1).put(prvw.array());
        f.write(box("uuid", uuid.array()));
        f.write(box("mdat", new byte[4096]));
        Path cr3 = Files.write(dir.resolve("IMG_0001.CR3"), f.toByteArray());
        RawPreviews.Embedded e = RawPreviews.largest(cr3).orElseThrow();
        assertEquals(1620 + "x" + 1080, e.width() + "x" + e.height());
        PhotoDecoder.Decoded d = PhotoDecoder.decode(cr3, ffmpeg);
        assertEquals("raw preview", d.via());
        assertEquals(1620, d.image().getWidth());

        byte[] broken = f.toByteArray();
        ByteBuffer.wrap(broken).putInt(20, Integer.MAX_VALUE); // the moov box claims more than the file holds
        Path bad = Files.write(dir.resolve("broken.cr3"), broken);
        assertTrue(RawPreviews.largest(bad).isEmpty(), "a box that does not fit the file ends the walk");
    }

    private static byte[] box(String type, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).put(type.getBytes()).put(body).array();
    }

    @Test
    void whatNothingCanDecodeIsAnErrorWithEveryReason() throws Exception {
        Path junk = dir.resolve("junk.heic");
        Files.write(junk, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 1, 2, 3});
        ffmpeg.failWith = "Invalid data found when processing input";
        MediaException e = assertThrows(MediaException.class, () -> PhotoDecoder.decode(junk, ffmpeg));
        assertTrue(e.getMessage().contains("ffmpeg: Invalid data"), e.getMessage());
    }
}
