package org.yingzhi.metadata;

import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.imaging.jpeg.JpegSegmentData;
import com.drew.imaging.jpeg.JpegSegmentReader;
import com.drew.imaging.jpeg.JpegSegmentType;
import com.drew.metadata.Metadata;
import com.drew.metadata.photoshop.PhotoshopDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a JPEG's IPTC was changed after its XMP: Photoshop keeps the MD5 of the IPTC block it last wrote as image
 * resource 0x0425 (IPTCDigest); a tool that edits IPTC alone leaves it stale. The MWG guidelines (and exiftool's
 * MWG tags) then take the IPTC values over XMP's. The current digest is the MD5 of resource 0x0404's data in the
 * APP13 "Photoshop 3.0" segments (which may continue over several segments), read with metadata-extractor's
 * segment reader. Only JPEG is read; other files'
 * digests count as matching.
 */
final class IptcDigest {

    private static final int MAX_APP13 = 4 * 1024 * 1024;

    private IptcDigest() {
    }

    /** True when a stored digest exists, IPTC exists, and they differ. */
    static boolean stale(Path file, Metadata md) {
        PhotoshopDirectory ps = md.getFirstDirectoryOfType(PhotoshopDirectory.class);
        byte[] stored = ps == null ? null : ps.getByteArray(PhotoshopDirectory.TAG_CAPTION_DIGEST);
        if (stored == null || stored.length != 16) {
            return false;
        }
        byte[] iptc = iptcResource(file);
        if (iptc == null) {
            return false;
        }
        try {
            return !Arrays.equals(stored, MessageDigest.getInstance("MD5").digest(iptc));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data of image resource 0x0404 in a JPEG's APP13 segments, or null. */
    static byte[] iptcResource(Path file) {
        ByteArrayOutputStream irb = new ByteArrayOutputStream();
        try {
            JpegSegmentData segments = JpegSegmentReader.readSegments(file.toFile(), List.of(JpegSegmentType.APPD));
            for (byte[] seg : segments.getSegments(JpegSegmentType.APPD)) {
                if (seg.length > 14 && new String(seg, 0, 14, StandardCharsets.ISO_8859_1).equals("Photoshop 3.0\0")) {
                    if (irb.size() + seg.length > MAX_APP13) {
                        return null;
                    }
                    irb.write(seg, 14, seg.length - 14);
                }
            }
        } catch (JpegProcessingException | IOException e) {
            return null;
        }
        byte[] r = irb.toByteArray();
        int p = 0;
        while (p + 12 <= r.length && r[p] == '8' && r[p + 1] == 'B' && r[p + 2] == 'I' && r[p + 3] == 'M') {
            int id = ((r[p + 4] & 0xFF) << 8) | (r[p + 5] & 0xFF);
            int nameLen = r[p + 6] & 0xFF;
            int q = p + 6 + ((nameLen + 2) & ~1); // Pascal name, padded to even
            if (q + 4 > r.length) {
                return null;
            }
            long size = ((long) (r[q] & 0xFF) << 24) | ((r[q + 1] & 0xFF) << 16) | ((r[q + 2] & 0xFF) << 8) | (r[q + 3] & 0xFF);
            q += 4;
            if (q + size > r.length) {
                return null;
            }
            if (id == 0x0404) {
                return Arrays.copyOfRange(r, q, (int) (q + size));
            }
            p = (int) (q + size + (size & 1));
        }
        return null;
    }
}
