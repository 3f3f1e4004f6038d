package org.yingzhi.cut;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import org.yingzhi.media.MediaException;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.Mp4Edits;
import org.yingzhi.shared.web.ApiException;
import org.yingzhi.storage.Derivative;
import org.yingzhi.storage.MediaStore;
import org.yingzhi.timecode.Timecode;

/**
 * The conform package of a cut, one zip: per asset of the cut, its original (or its proxy, for offline editing),
 * whole or trimmed to the span its entries use plus handles (a lossless subclip with that span's own timecode),
 * under {@code media/}; the cut's EDL, OTIO, Final Cut Pro 7 XML, FCPXML and shot list pointing at those files
 * (where the package will be unpacked: {@code root}); and {@code manifest-sha256.txt} with every file's SHA-256,
 * as BagIt writes it. Streamed: nothing is held in memory but one file's buffer.
 */
@Component
class CutConform {

    enum MediaKind { ORIGINAL, PROXY, NONE }

    record Options(MediaKind media, boolean trim, int handles, int reelLength, String root) {
    }

    /** One file of the package's media: which asset, from where, and the span it holds. */
    record Planned(CutSource source, Path from, String name, long fromFrame, long toFrame, boolean trim) {
    }

    record Plan(CutSheet sheet, List<Planned> media, Options options) {
    }

    private final MediaStore store;
    private final MediaToolkit toolkit;

    CutConform(MediaStore store, MediaToolkit toolkit) {
        this.store = store;
        this.toolkit = toolkit;
    }

    /** Decides what goes in (refusing what cannot, before anything is sent). */
    Plan plan(CutSheet sheet, Options o) {
        if (o.handles() < 0 || o.handles() > CutService.MAX_HANDLES) {
            throw ApiException.invalid("cut.handles", o.handles(), CutService.MAX_HANDLES);
        }
        if (sheet.placed().isEmpty()) {
            throw ApiException.invalid("cut.renderEmpty");
        }
        Map<String, long[]> spans = new LinkedHashMap<>();
        Map<String, CutSource> sources = new LinkedHashMap<>();
        for (CutSheet.Placed p : sheet.placed()) {
            CutSource s = p.source();
            sources.put(s.asset(), s);
            long[] span = spans.computeIfAbsent(s.asset(), k -> new long[] {Long.MAX_VALUE, 0});
            span[0] = Math.min(span[0], p.sourceOffset());
            span[1] = Math.max(span[1], p.sourceOffset() + p.sourceFrames());
        }
        List<Planned> media = new ArrayList<>();
        int n = 0;
        for (var e : sources.entrySet()) {
            CutSource s = e.getValue();
            n++;
            if (o.media() == MediaKind.NONE) {
                continue;
            }
            Path file = o.media() == MediaKind.ORIGINAL ? (s.path() == null ? null : Path.of(s.path()))
                    : s.hasVideo() ? store.derivative(s.asset(), Derivative.PROXY, 0) : store.derivative(s.asset(), Derivative.AUDIO, 0);
            if (file == null || !Files.isReadable(file)) {
                throw ApiException.invalid("cut.conformMissing", s.title(), o.media().name().toLowerCase(java.util.Locale.ROOT));
            }
            long[] span = spans.get(s.asset());
            long from = o.trim() ? Math.max(0, span[0] - o.handles()) : 0;
            long to = o.trim() ? Math.min(s.durationFrames(), span[1] + o.handles()) : s.durationFrames();
            String stem = CutService.fileBase(Reels.stem(s.fileName() == null ? s.asset() : s.fileName()));
            String ext = o.trim() ? "mov" : extension(file);
            String name = String.format("media/%02d_%s%s.%s", n, stem, o.trim()
                    ? "_" + s.start().plusFrames(from).toString().replace(':', '-').replace(';', '-') : "", ext);
            media.add(new Planned(s, file, name, from, to, o.trim()));
        }
        return new Plan(sheet, media, o);
    }

    /** Writes the zip. */
    void write(Plan plan, OutputStream out) throws IOException {
        Options o = plan.options();
        Map<String, String> digests = new LinkedHashMap<>();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.setLevel(Deflater.NO_COMPRESSION); // media does not compress; the lists are small
            Map<String, CutSource> packaged = new LinkedHashMap<>();
            for (Planned m : plan.media()) {
                Path file = m.from();
                Path temp = null;
                try {
                    if (m.trim()) {
                        temp = Files.createTempFile(store.tempDir(), "conform-", ".mov");
                        var rate = m.source().rate();
                        long a = Timecode.microsForFrames(m.fromFrame(), rate);
                        long b = Timecode.microsForFrames(m.toFrame(), rate);
                        toolkit.subclip(file, temp, new MediaToolkit.SubclipSpec(a, b,
                                m.source().hasVideo() ? m.source().start().plusFrames(m.fromFrame()).toString() : null,
                                Map.of("comment", "yingzhi asset " + m.source().asset() + " sha256 " + m.source().sha256())));
                        Mp4Edits.trimTo(temp, b - a);
                        file = temp;
                    }
                    digests.put(m.name(), put(zip, m.name(), file));
                } catch (MediaException e) {
                    throw new IOException("the media of '" + m.source().title() + "' could not be copied: " + e.getMessage(), e);
                } finally {
                    if (temp != null) {
                        Files.deleteIfExists(temp);
                    }
                }
                CutSource s = m.source();
                String path = o.root() + "/" + m.name();
                Timecode start = m.trim() ? s.start().plusFrames(m.fromFrame()) : s.start();
                packaged.put(s.asset(), new CutSource(s.asset(), s.title(), m.name().substring("media/".length()), path,
                        s.sha256(), s.unit(), s.rights(), s.kind(), start, m.toFrame() - m.fromFrame(), s.sourceTimecode(),
                        s.hasVideo(), s.width(), s.height(), s.audioChannels(), s.sampleRate(), s.tapeName(), s.linked(),
                        s.approved()));
            }
            CutSheet sheet = plan.sheet();
            if (!packaged.isEmpty()) {
                Map<String, CutSource> all = new LinkedHashMap<>();
                sheet.placed().forEach(p -> all.put(p.source().asset(), packaged.getOrDefault(p.source().asset(), p.source())));
                sheet = CutSheet.of(sheet.cut(), all);
            }
            String base = CutService.fileBase(sheet.cut().title());
            Map<String, byte[]> lists = new LinkedHashMap<>();
            lists.put(base + ".edl", EdlFormat.write(sheet, o.reelLength()).getBytes(StandardCharsets.UTF_8));
            lists.put(base + ".otio", OtioFormat.write(sheet).getBytes(StandardCharsets.UTF_8));
            lists.put(base + ".xml", XmemlFormat.write(sheet, 5).getBytes(StandardCharsets.UTF_8));
            lists.put(base + ".fcpxml", FcpxmlFormat.write(sheet).getBytes(StandardCharsets.UTF_8));
            lists.put(base + "-镜头表.csv", ShotListFormat.csv(sheet));
            for (var e : lists.entrySet()) {
                digests.put(e.getKey(), put(zip, e.getKey(), e.getValue()));
            }
            StringBuilder manifest = new StringBuilder();
            digests.forEach((name, sha) -> manifest.append(sha).append("  ").append(name).append('\n'));
            zip.putNextEntry(new ZipEntry("manifest-sha256.txt"));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static String put(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(new DigestOutputStream(new NonClosing(zip), md));
        }
        zip.closeEntry();
        return HexFormat.of().formatHex(md.digest());
    }

    private static String put(ZipOutputStream zip, String name, byte[] body) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(body);
        zip.closeEntry();
        return HexFormat.of().formatHex(sha256().digest(body));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(dot + 1) : "bin";
    }

    /** The zip stays open when one entry's copy closes its stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
