package org.yingzhi.media;

import java.nio.file.Path;

/**
 * The one narrow door to native media code. Implementations return plain records and never let a native type
 * escape; everything above this interface is pure Java and testable without FFmpeg.
 */
public interface MediaToolkit {

    /**
     * Reads container, streams, tags and the timecode track of a media file. Throws {@link MediaException} when
     * the file cannot be opened as media at all; problems inside an openable file come back as warnings.
     */
    RawProbe probe(Path file);
}
