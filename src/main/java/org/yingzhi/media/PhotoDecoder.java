package org.yingzhi.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a photo's pixels, whatever the archive holds, as 8-bit RGB:
 * <ol>
 * <li>the camera's embedded JPEG preview when the file is a RAW (or any TIFF whose embedded JPEG is at least as
 * large as its first image), since Java cannot develop sensor data;</li>
 * <li>ImageIO with the TwelveMonkeys readers: JPEG (also CMYK, YCCK and grayscale), PNG, GIF, BMP, TIFF (also
 * 16-bit and BigTIFF), PSD;</li>
 * <li>FFmpeg for what those cannot read (HEIF, JPEG 2000, WebP, DPX ...).</li>
 * </ol>
 * Grayscale, 16-bit, indexed and transparent pictures (on white) all come out as 8-bit RGB
 * ({@code TYPE_INT_RGB}, or {@code TYPE_3BYTE_BGR} as decoders give it). Only when
 * every way fails is there an error, listing why each failed.
 */
public final class PhotoDecoder {

    private PhotoDecoder() {
    }

    /** The picture and how it was decoded ("raw preview", "imageio:<format>", "ffmpeg"). */
    public record Decoded(BufferedImage image, String via) {
    }

    public static Decoded decode(Path file, MediaToolkit ffmpeg) {
        List<String> failures = new ArrayList<>();
        Optional<RawPreviews.Embedded> embedded = Optional.empty();
        try {
            embedded = RawPreviews.largest(file);
        } catch (IOException | RuntimeException e) {
            failures.add("raw preview: " + e.getMessage());
        }
        long[] firstImage = embedded.isPresent() ? firstImageSize(file) : null;
        if (embedded.isPresent() && (firstImage == null || embedded.get().pixels() >= firstImage[0] * firstImage[1])) {
            try {
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(RawPreviews.bytes(file, embedded.get())));
                if (img != null) {
                    return new Decoded(rgb(img), "raw preview");
                }
                failures.add("raw preview: not decodable");
            } catch (IOException | RuntimeException e) {
                failures.add("raw preview: " + e.getMessage());
            }
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in != null) {
                for (Iterator<ImageReader> it = ImageIO.getImageReaders(in); it.hasNext(); ) {
                    ImageReader reader = it.next();
                    try {
                        in.seek(0);
                        reader.setInput(in, true, true);
                        BufferedImage img = reader.read(0);
                        if (img != null && img.getWidth() > 0 && img.getHeight() > 0) {
                            return new Decoded(rgb(img), "imageio:" + reader.getFormatName().toLowerCase(java.util.Locale.ROOT));
                        }
                    } catch (IOException | RuntimeException e) {
                        failures.add(reader.getFormatName() + ": " + e.getMessage());
                    } finally {
                        reader.dispose();
                    }
                }
            }
        } catch (IOException e) {
            failures.add("imageio: " + e.getMessage());
        }
        try {
            return new Decoded(rgb(ffmpeg.decodeImage(file)), "ffmpeg");
        } catch (RuntimeException e) {
            failures.add("ffmpeg: " + e.getMessage());
        }
        throw new MediaException("the picture cannot be decoded (" + String.join("; ", failures) + ")");
    }

    /** Width and height of the first image ImageIO finds, without decoding it; null when none can tell. */
    private static long[] firstImageSize(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            if (!it.hasNext()) {
                return null;
            }
            ImageReader reader = it.next();
            try {
                reader.setInput(in, true, true);
                return new long[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** 8-bit RGB; transparency over white. */
    public static BufferedImage rgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB || src.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return src;
        }
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, src.getWidth(), src.getHeight());
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
