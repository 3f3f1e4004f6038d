package org.yingzhi.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jcodec.containers.mp4.MP4Util;
import org.jcodec.containers.mp4.boxes.Edit;
import org.jcodec.containers.mp4.boxes.MovieBox;
import org.jcodec.containers.mp4.boxes.TrakBox;

/**
 * Pure-Java box work on a MOV/MP4 that FFmpeg wrote: ending a subclip's edit lists exactly at its out-point (which
 * FFmpeg's muxer cannot be told), by patching the duration fields of the movie, track and edit list boxes in place
 * (jcodec's in-place editor re-serialises the whole movie box and refuses when its own writing differs in size, so
 * the fields are written here); and reading the edit lists back through jcodec's parser (where jcodec is sound),
 * an independent reader to check the subclip with.
 */
public final class Mp4Edits {

    private Mp4Edits() {
    }

    /** One track's handler ("vide", "soun", "tmcd" ...) and its edit list: media start and length in seconds. */
    public record Track(String handler, List<double[]> edits) {
    }

    /**
     * Ends every picture, sound and timecode track's presentation {@code durationMicros} after its start (floored to
     * the movie timescale, so no frame starting at or after the out-point shows), with the tracks' and the movie's
     * durations. The boxes are patched in place, field for field (nothing moves); tracks without an edit list are
     * left alone. False when no edit list was shortened.
     */
    public static boolean trimTo(Path file, long durationMicros) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long[] moov = find(ch, 0, ch.size(), "moov");
            if (moov == null || moov[1] > 256L << 20) {
                throw new MediaException("no movie box to edit");
            }
            ByteBuffer b = ByteBuffer.allocate((int) moov[1]);
            ch.read(b, moov[0]);
            b.flip();
            boolean changed = trim(b, durationMicros);
            b.rewind();
            ch.write(b, moov[0]);
            return changed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new MediaException("the file's boxes could not be read");
        }
    }

    /** The position and size of the first box of a type between two offsets of the file, or null. */
    private static long[] find(FileChannel ch, long from, long to, String type) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(16);
        long at = from;
        while (at + 8 <= to) {
            h.clear();
            ch.read(h, at);
            h.flip();
            long size = h.getInt() & 0xffffffffL;
            String t = fourcc(h.getInt());
            if (size == 1) {
                size = h.getLong();
            } else if (size == 0) {
                size = to - at;
            }
            if (size < 8) {
                return null;
            }
            if (t.equals(type)) {
                return new long[] {at, size};
            }
            at += size;
        }
        return null;
    }

    private static String fourcc(int v) {
        return new String(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v},
                java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Children of the box whose content runs from {@code start} to {@code end} of the buffer: type to [content, end]. */
    private static List<Object[]> children(ByteBuffer b, int start, int end) {
        List<Object[]> out = new ArrayList<>();
        int at = start;
        while (at + 8 <= end) {
            long size = b.getInt(at) & 0xffffffffL;
            String t = fourcc(b.getInt(at + 4));
            int header = 8;
            if (size == 1) {
                size = b.getLong(at + 8);
                header = 16;
            } else if (size == 0) {
                size = end - at;
            }
            if (size < header || at + size > end) {
                break;
            }
            out.add(new Object[] {t, at + header, (int) (at + size)});
            at += (int) size;
        }
        return out;
    }

    private static int[] child(ByteBuffer b, int start, int end, String type) {
        for (Object[] c : children(b, start, end)) {
            if (c[0].equals(type)) {
                return new int[] {(Integer) c[1], (Integer) c[2]};
            }
        }
        return null;
    }

    private static long getUnsigned(ByteBuffer b, int at, boolean wide) {
        return wide ? b.getLong(at) : b.getInt(at) & 0xffffffffL;
    }

    private static void put(ByteBuffer b, int at, boolean wide, long v) {
        if (wide) {
            b.putLong(at, v);
        } else {
            b.putInt(at, (int) v);
        }
    }

    private static boolean trim(ByteBuffer b, long durationMicros) {
        int[] mvhd = child(b, 8, b.limit(), "mvhd");
        if (mvhd == null) {
            throw new MediaException("no movie header");
        }
        boolean mvWide = b.get(mvhd[0]) == 1;
        long timescale = b.getInt(mvhd[0] + (mvWide ? 20 : 12)) & 0xffffffffL;
        long d = Math.floorDiv(durationMicros * timescale, 1_000_000L);
        boolean changed = false;
        long longest = 0;
        for (Object[] c : children(b, 8, b.limit())) {
            if (!c[0].equals("trak")) {
                continue;
            }
            int s = (Integer) c[1];
            int e = (Integer) c[2];
            int[] tkhd = child(b, s, e, "tkhd");
            int[] mdia = child(b, s, e, "mdia");
            int[] hdlr = mdia == null ? null : child(b, mdia[0], mdia[1], "hdlr");
            int[] edts = child(b, s, e, "edts");
            int[] elst = edts == null ? null : child(b, edts[0], edts[1], "elst");
            if (tkhd == null) {
                continue;
            }
            boolean tkWide = b.get(tkhd[0]) == 1;
            int tkDuration = tkhd[0] + (tkWide ? 28 : 20);
            String handler = hdlr == null ? "" : fourcc(b.getInt(hdlr[0] + 8));
            if (elst != null && List.of("vide", "soun", "tmcd").contains(handler)) {
                boolean wide = b.get(elst[0]) == 1;
                int n = b.getInt(elst[0] + 4);
                int entry = wide ? 20 : 12;
                long before = 0;
                for (int k = 0; k < n - 1; k++) {
                    before += getUnsigned(b, elst[0] + 8 + k * entry, wide);
                }
                int last = elst[0] + 8 + (n - 1) * entry;
                long length = Math.max(1, d - before);
                if (n > 0 && getUnsigned(b, last, wide) > length) {
                    put(b, last, wide, length);
                    put(b, tkDuration, tkWide, before + length);
                    changed |= !handler.equals("tmcd");
                }
            }
            longest = Math.max(longest, getUnsigned(b, tkDuration, tkWide));
        }
        put(b, mvhd[0] + (mvWide ? 24 : 16), mvWide, longest);
        return changed;
    }

    /** The edit lists of a file's tracks, in seconds. */
    public static List<Track> read(Path file) {
        try {
            MP4Util.Movie movie = MP4Util.parseFullMovie(file.toFile());
            MovieBox mov = movie.getMoov();
            List<Track> out = new ArrayList<>();
            for (TrakBox t : mov.getTracks()) {
                List<double[]> edits = new ArrayList<>();
                if (t.getEdits() != null) {
                    for (Edit e : t.getEdits()) {
                        edits.add(new double[] {e.getMediaTime() < 0 ? -1 : (double) e.getMediaTime() / t.getTimescale(),
                                (double) e.getDuration() / mov.getTimescale()});
                    }
                }
                out.add(new Track(t.getHandlerType(), edits));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
