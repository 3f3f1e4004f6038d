package org.yingzhi.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.yingzhi.support.Samples;

class ContentSnifferTest {

    private static ContentSniffer.Detected sniff(String sample) throws Exception {
        return ContentSniffer.detect(Files.readAllBytes(Samples.get(sample))).orElseThrow();
    }

    private static byte[] bytes(String ascii, int... rest) {
        byte[] a = ascii.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] out = java.util.Arrays.copyOf(a, Math.max(a.length + rest.length, 1024));
        for (int k = 0; k < rest.length; k++) {
            out[a.length + k] = (byte) rest[k];
        }
        return out;
    }

    /** Formats known and refused each get their own reason: their ASCII headers are not "text". */
    @Test
    void knownNonMediaFormatsAreNamedNotCalledText() {
        String fitsHeader = String.format("%-80s%-80s%-80s", "SIMPLE  =                    T / conforms to FITS",
                "BITPIX  =                   16", "NAXIS   =                    2");
        assertEquals("the content is text, not media", ContentSniffer.describe("just some notes\n".getBytes()));
        for (String[] c : new String[][] {{fitsHeader, "FITS astronomical image"},
            {"XISF0100<?xml version=\"1.0\"?><xisf version=\"1.0\">", "XISF astronomical image"},
            {"%PDF-1.4\n%", "PDF document"}}) {
            String d = ContentSniffer.describe(bytes(c[0]));
            assertTrue(d.contains(c[1]), d);
        }
        assertTrue(ContentSniffer.describe(bytes("FWS", 10, 0x40, 0, 0, 0)).contains("Flash (SWF)"));
        assertTrue(ContentSniffer.describe(bytes("CWS", 8, 0x40, 0, 0, 0, 0x78, 0x9c)).contains("Flash (SWF)"));
        assertTrue(ContentSniffer.describe(bytes("", 0xFF, 0x0A, 0xFA, 0x1F)).contains("JPEG XL"));
        assertTrue(ContentSniffer.describe(bytes("", 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, 0x87, 0x0A))
                .contains("JPEG XL"));
    }

    /** The same on files from real tools (exiftool's test files in src/test/resources/exiftool-t). */
    @Test
    void realFilesAreNamedOrRecognised() throws Exception {
        for (String[] c : new String[][] {{"FITS.fits", "FITS astronomical image"}, {"XISF.xisf", "XISF astronomical image"},
            {"Flash.swf", "Flash (SWF)"}, {"JXL.jxl", "JPEG XL"}}) {
            String d = ContentSniffer.describe(Files.readAllBytes(Samples.reference(c[0])));
            assertTrue(d.contains(c[1]), c[0] + ": " + d);
        }
        byte[] mpc = Files.readAllBytes(Samples.reference("APE.mpc"));
        assertEquals("mpc", ContentSniffer.detect(mpc, mpc.length).orElseThrow().format(), "Musepack behind ID3v2");
        byte[] ra = Files.readAllBytes(Samples.reference("Real.ra"));
        assertEquals("ra", ContentSniffer.detect(ra, ra.length).orElseThrow().format(), "RealAudio v4");
    }

    /** Musepack and Monkey's Audio behind an ID3v2 tag, and bare RealAudio (".ra" 0xFD), are audio. */
    @Test
    void audioBehindId3AndBareRealAudioAreKnown() {
        byte[] id3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 20};
        for (String[] c : new String[][] {{"MPCK", "mpc"}, {"MP+", "mpc"}, {"MAC ", "ape"}}) {
            byte[] f = java.util.Arrays.copyOf(id3, 4096);
            byte[] sig = c[0].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            System.arraycopy(sig, 0, f, 30, sig.length);
            ContentSniffer.Detected d = ContentSniffer.detect(f, f.length).orElseThrow();
            assertEquals(AssetType.AUDIO + " " + c[1], d.type() + " " + d.format(), c[0]);
        }
        ContentSniffer.Detected ra = ContentSniffer.detect(bytes(".ra", 0xFD, 0, 4, 0, 0, '.', 'r', 'a', '4'), 1024)
                .orElseThrow();
        assertEquals("AUDIO ra audio/x-pn-realaudio", ra.type() + " " + ra.format() + " " + ra.mime());
    }

    @Test
    void recognisesTheSamplesByContent() throws Exception {
        assertEquals("mov", sniff("clip-2997df.mov").format());
        assertEquals(AssetType.VIDEO, sniff("clip-2997df.mov").type());
        assertEquals("mp4", sniff("clip-25ndf.mp4").format());
        assertEquals(AssetType.AUDIO, sniff("tone.wav").type());
        assertEquals("mp3", sniff("tone.mp3").format());
        assertEquals(AssetType.PHOTO, sniff("photo-lhasa.jpg").type());
        assertEquals("mp4", sniff("corrupt-truncated.mp4").format(), "a cut file still looks like MP4");
    }

    @Test
    void textIsNotMediaWhateverItsName() throws Exception {
        byte[] text = Files.readAllBytes(Samples.get("not-a-video.mp4"));
        assertTrue(ContentSniffer.detect(text).isEmpty());
        assertEquals("the content is text, not media", ContentSniffer.describe(text));
        assertEquals("the file is empty", ContentSniffer.describe(new byte[0]));
        assertTrue(ContentSniffer.describe(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8}).contains("00 01 02 03"));
    }

    @Test
    void broadcastContainersFromTheirMagic() {
        byte[] mxf = {0x06, 0x0E, 0x2B, 0x34, 0x02, 0x05, 0x01, 0x01, 0x0D, 0x01, 0x02, 0x01};
        assertEquals("mxf", ContentSniffer.detect(mxf).orElseThrow().format());
        byte[] ts = new byte[600];
        ts[0] = 0x47;
        ts[188] = 0x47;
        ts[376] = 0x47;
        assertEquals("mpegts", ContentSniffer.detect(ts).orElseThrow().format());
        byte[] mkv = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 0, 0};
        assertEquals(AssetType.VIDEO, ContentSniffer.detect(mkv).orElseThrow().type());
        byte[] heic = "\0\0\0\u0018ftypheic".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(AssetType.PHOTO, ContentSniffer.detect(heic).orElseThrow().type());
        byte[] m4a = "\0\0\0\u0018ftypM4A ".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(AssetType.AUDIO, ContentSniffer.detect(m4a).orElseThrow().type());
        byte[] qt = "\0\0\0\u0014ftypqt  ".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("mov", ContentSniffer.detect(qt).orElseThrow().format());
        byte[] bwf = "RIFF\0\0\0\0WAVEbext".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("wav", ContentSniffer.detect(bwf).orElseThrow().format());
        assertTrue(ContentSniffer.detect("RIFF\0\0\0\0XXXX".getBytes(StandardCharsets.ISO_8859_1)).isEmpty());
    }

    private static byte[] bytes(String latin1, int length) {
        byte[] b = java.util.Arrays.copyOf(latin1.getBytes(StandardCharsets.ISO_8859_1), Math.max(length, latin1.length()));
        return b;
    }

    private static String format(byte[] head, long size) {
        return ContentSniffer.detect(head, size).map(ContentSniffer.Detected::format).orElse("none");
    }

    @Test
    void textThatSpellsAnAtomOrATagIsStillText() {
        byte[] prose = "The free world, its people and their stories...\n".repeat(20).getBytes(StandardCharsets.UTF_8);
        assertEquals("none", format(prose, prose.length), "bytes 4-7 spell 'free' but 'The ' is no atom size");
        byte[] html = "<!--free--><html><body>hello</body></html>".repeat(10).getBytes(StandardCharsets.UTF_8);
        assertEquals("none", format(html, html.length));
        byte[] id3html = ("ID3\u0003\0\0\0\0\0\u0010" + "\0".repeat(16) + "<html><body>not audio</body></html>"
                + " ".repeat(300)).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("none", format(id3html, id3html.length), "an ID3 tag followed by a web page");
        byte[] id3mp3 = ("ID3\u0003\0\0\0\0\0\u0010" + "\0".repeat(16)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] mp3 = java.util.Arrays.copyOf(id3mp3, id3mp3.length + 400);
        mp3[id3mp3.length] = (byte) 0xFF;
        mp3[id3mp3.length + 1] = (byte) 0xFB;
        mp3[id3mp3.length + 2] = (byte) 0x90;
        assertEquals("mp3", format(mp3, mp3.length));
        byte[] bigAtom = bytes("\0\0\u0010\0moov", 64);
        assertEquals("none", format(bigAtom, 64), "an atom of 1 MB in a 64-byte file");
        assertEquals("mov", format(bigAtom, 2_000_000));
    }

    @Test
    void archiveFormatsFromTheirStructure() {
        assertEquals("dv", format(bytes("\u001f\u0007\0\u003f", 600), 144_000));
        byte[] m2ts = new byte[800];
        m2ts[4] = 0x47;
        m2ts[196] = 0x47;
        m2ts[388] = 0x47;
        assertEquals("m2ts", format(m2ts, 800));
        assertEquals("video/MP2T", ContentSniffer.detect(m2ts, 800).orElseThrow().mime());
        assertEquals("flv", format(bytes("FLV\u0001\u0005\0\0\0\u0009", 64), 1000));
        assertEquals("asf", format(new byte[] {0x30, 0x26, (byte) 0xB2, 0x75, (byte) 0x8E, 0x66, (byte) 0xCF, 0x11,
            (byte) 0xA6, (byte) 0xD9, 0x00, (byte) 0xAA, 0x00, 0x62, (byte) 0xCE, 0x6C, 0, 0}, 1000));
        assertEquals("rm", format(bytes(".RMF\0\0\0\u0012", 64), 1000));
        assertEquals("aiff", format(bytes("FORM\0\0\u0010\0AIFFCOMM", 64), 5000));
        assertEquals("aiff", format(bytes("FORM\0\0\u0010\0AIFCFVER", 64), 5000));
        assertEquals("amr", format(bytes("#!AMR\n\u003c", 64), 1000));
        assertEquals("amr", format(bytes("#!AMR-WB\n", 64), 1000));
        assertEquals(AssetType.AUDIO, ContentSniffer.detect(bytes("#!AMR\n", 64), 1000).orElseThrow().type());
    }

    @Test
    void scannerAndCameraStillFormats() {
        byte[] bmp = bytes("BM", 64);
        bmp[2] = (byte) 0xF6;
        bmp[3] = 0x01; // 502 bytes, little-endian
        assertEquals("bmp", format(bmp, 502));
        assertEquals("none", format(bmp, 9000), "a BMP's size field is its file size");
        assertEquals("psd", format(bytes("8BPS\0\u0001", 64), 1000));
        assertEquals("jp2", format(new byte[] {0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A, 0, 0}, 1000));
        assertEquals("j2k", format(new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51, 0, 0}, 1000));
        assertEquals("dpx", format(bytes("SDPX", 64), 1000));
        assertEquals("bigtiff", format(bytes("II+\0\u0008\0\0\0", 64), 1000));
        assertEquals("cr2", format(bytes("II*\0\u0010\0\0\0CR\u0002\0", 64), 1000));
        assertEquals("image/x-canon-cr2", ContentSniffer.detect(bytes("II*\0\u0010\0\0\0CR\u0002\0", 64), 1000).orElseThrow().mime());
        assertEquals("crw", format(bytes("II\u001a\0\0\0HEAPCCDR", 64), 1000));
        assertEquals("raf", format(bytes("FUJIFILMCCD-RAW 0201", 64), 1000));
        assertEquals("mrw", format(bytes("\0MRM\0\0", 64), 1000));
        assertEquals("rw2", format(bytes("IIU\0\u0018\0", 64), 1000));
        assertEquals("orf", format(bytes("IIRO\u0008\0", 64), 1000));
        assertEquals("x3f", format(bytes("FOVb", 64), 1000));
    }

    @Test
    void moreAudioFormatsByTheirSignature() {
        assertEquals("ape", format(bytes("MAC \u0096\u000f", 64), 1000));
        assertEquals("mpc", format(bytes("MPCK", 64), 1000));
        assertEquals("au", format(bytes(".snd\0\0\0\u0018", 64), 1000));
        assertEquals("caf", format(bytes("caff\0\u0001\0\0", 64), 1000));
        assertEquals("voc", format(bytes("Creative Voice File\u001a", 64), 1000));
    }

    @Test
    void tiffStructuredRawIsNamedByItsFileName() {
        ContentSniffer.Detected tiff = ContentSniffer.detect(bytes("II*\0\u0008\0\0\0", 64), 1000).orElseThrow();
        assertEquals("image/x-nikon-nef", ContentSniffer.refineByName(tiff, "DSC_0001.NEF").mime());
        assertEquals("image/x-adobe-dng", ContentSniffer.refineByName(tiff, "scan.dng").mime());
        assertEquals("image/tiff", ContentSniffer.refineByName(tiff, "scan.tif").mime());
        assertEquals("image/tiff", ContentSniffer.refineByName(tiff, null).mime());
    }

    @Test
    void whatFfmpegOpensIsMediaOnlyWithARealStreamFromAMediaDemuxer() {
        assertEquals("VIDEO nut nut video/x-nut", describe(ContentSniffer.fromDemuxer("nut", true, true)));
        assertEquals("AUDIO w64 w64 audio/x-w64", describe(ContentSniffer.fromDemuxer("w64", false, true)));
        assertEquals("PHOTO pcx pcx image/x-pcx", describe(ContentSniffer.fromDemuxer("pcx_pipe", true, false)));
        assertEquals("VIDEO mov mov video/x-mov", describe(ContentSniffer.fromDemuxer("mov,mp4,m4a,3gp,3g2,mj2", true, true)));
        for (String text : new String[] {"tty", "hls", "concat", "ffmetadata"}) {
            assertTrue(ContentSniffer.fromDemuxer(text, true, true).isEmpty(), text);
        }
        assertTrue(ContentSniffer.fromDemuxer("srt", false, false).isEmpty(), "subtitles only");
    }

    private static String describe(java.util.Optional<ContentSniffer.Detected> d) {
        ContentSniffer.Detected x = d.orElseThrow();
        return x.type() + " " + x.format() + " " + x.ext() + " " + x.mime();
    }
}
