package org.yingzhi.metadata;

import com.drew.lang.SequentialByteArrayReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.iptc.IptcReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * IPTC kept after the end of the image, in the trailer FotoWare FotoStation (and archives catalogued with it)
 * appends to JPEG and TIFF files, which metadata-extractor does not read. The trailer is a chain of records read
 * backwards from the end of the file, each its data followed by a 10-byte footer: record type (2 bytes, 1 = IPTC),
 * record size including the footer (4 bytes), signature 0xA1B2C3D4 (big-endian).
 */
final class IptcTrailer {

    private static final int SIGNATURE = 0xA1B2C3D4;
    private static final int MAX_RECORD = 8 * 1024 * 1024;

    private IptcTrailer() {
    }

    /** Adds the trailer's IPTC to {@code md} when the file has no IPTC of its own; problems become warnings. */
    static void read(Path file, Metadata md, List<String> warnings) {
        if (md.getFirstDirectoryOfType(IptcDirectory.class) != null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = ch.size();
            for (int records = 0; end >= 10 && records < 16; records++) {
                ByteBuffer footer = ByteBuffer.allocate(10);
                ch.read(footer, end - 10);
                if (footer.position() < 10 || footer.getInt(6) != SIGNATURE) {
                    return;
                }
                int type = footer.getShort(0) & 0xFFFF;
                long size = Integer.toUnsignedLong(footer.getInt(2));
                if (size < 10 || size - 10 > MAX_RECORD || size > end) {
                    warnings.add("IPTC trailer: a record of " + size + " bytes does not fit the file");
                    return;
                }
                long start = end - size;
                if (type == 1) {
                    ByteBuffer data = ByteBuffer.allocate((int) (size - 10));
                    ch.read(data, start);
                    new IptcReader().extract(new SequentialByteArrayReader(data.array()), md, data.capacity());
                    return;
                }
                end = start;
            }
        } catch (IOException | RuntimeException e) {
            warnings.add("IPTC trailer: " + e.getMessage());
        }
    }
}
