package org.yingzhi.media;

/** A media file that a tool could not read, with the tool's reason. */
public class MediaException extends RuntimeException {

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
