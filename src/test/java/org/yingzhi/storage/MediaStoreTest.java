package org.yingzhi.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaStoreTest {

    @Test
    void receivesHashesAndCommitsByContent(@TempDir Path dir) throws Exception {
        MediaStore store = new MediaStore(new StorageProperties(dir));
        MediaStore.Received r = store.receive(new ByteArrayInputStream("abc".getBytes()), 100);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", r.sha256());
        Path p = store.commitOriginal(r, "jpg");
        assertEquals(dir.resolve("originals/ba/78/" + r.sha256() + ".jpg"), p);
        assertEquals("abc", Files.readString(p));
        assertFalse(Files.exists(r.path()), "temp file moved, not copied");
        assertThrows(MediaStore.TooLargeException.class,
                () -> store.receive(new ByteArrayInputStream(new byte[101]), 100));
        try (var tmp = Files.list(store.tempDir())) {
            assertEquals(0, tmp.count(), "a refused upload leaves nothing behind");
        }
    }

    @Test
    void namesFromOutsideNeverBecomePaths(@TempDir Path dir) {
        MediaStore store = new MediaStore(new StorageProperties(dir));
        assertThrows(IllegalArgumentException.class, () -> store.original("../../etc/passwd", "jpg"));
        assertThrows(IllegalArgumentException.class, () -> store.original("a".repeat(64), "../x"));
        assertThrows(IllegalArgumentException.class, () -> store.derivative("6b074f4a223f97e436fc6a8c", "../proxy.mp4"));
        assertThrows(IllegalArgumentException.class, () -> store.derivative("../x", "proxy.mp4"));
    }

    @Test
    void everyDerivativeKindHasAFileNameAndSizedOnesNeedASize() {
        for (Derivative d : Derivative.values()) {
            assertEquals(d, Derivative.ofApiName(d.apiName()).orElseThrow());
            String name = d.fileName(320);
            assertTrue(name.matches("[a-z0-9][a-z0-9_.-]+"), name);
            assertEquals(d.sized(), name.contains("320"), name);
            if (d.sized()) {
                assertThrows(IllegalArgumentException.class, d::fileName);
            }
        }
        assertEquals("thumb-320.jpg", Derivative.THUMBNAIL.fileName(320));
        assertEquals("sprite", Derivative.THUMBNAILS_VTT.step(), "the sprite step writes the VTT track too");
        assertTrue(Derivative.ofApiName("../proxy").isEmpty());
    }

    @Test
    void derivativesAreWrittenAtomicallyAndStaleTempFilesSwept(@TempDir Path dir) throws Exception {
        MediaStore store = new MediaStore(new StorageProperties(dir));
        String id = "6b074f4a223f97e436fc6a8c";
        Path p = store.writeDerivative(id, Derivative.WAVEFORM, t -> Files.writeString(t, "{}"));
        assertEquals("{}", Files.readString(p));
        assertThrows(java.io.IOException.class, () -> store.writeDerivative(id, Derivative.SPRITE, t -> {
            Files.writeString(t, "half");
            throw new java.io.IOException("encoder died");
        }));
        assertFalse(Files.exists(store.derivative(id, Derivative.SPRITE, 0)), "a failed write leaves no derivative");
        try (var files = Files.list(p.getParent())) {
            assertEquals(1, files.count(), "and no temp file");
        }
        Path old = p.resolveSibling(".tmp-crashed.mp4");
        Files.writeString(old, "x");
        Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 48L * 3600 * 1000));
        Path fresh = p.resolveSibling(".tmp-running.mp4");
        Files.writeString(fresh, "x");
        assertEquals(1, store.sweepStaleTemp());
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh), "a temp file young enough to be in use stays");
    }
}
