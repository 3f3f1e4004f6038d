package org.yingzhi.shared.io;

/** Recognises storage faults that Java reports only as exception messages. */
public final class StorageFaults {

    private StorageFaults() {
    }

    /**
     * Whether a failure, or any cause of it, comes from a full disk or quota: ENOSPC and EDQUOT on Linux, the
     * Windows wording, and the catalog's own "No space left on device" error (MongoDB's OutOfDiskSpace).
     */
    public static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left") || m.contains("Disk quota")
                    || m.contains("There is not enough space on the disk"))) {
                return true;
            }
        }
        return false;
    }
}
