package org.yingzhi.asset;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.yingzhi.shared.time.CatalogTime;

/**
 * The descriptive fields a contributor or editor may set: who gave the media, when and where it was made, what it
 * shows, and the rights. {@code captureDate} may be as vague as the source is: "2003", "2003-08", "2003-08-15" or
 * a full timestamp.
 * <p>
 * At ingest a contribution's description <em>fills what the file lacks</em>: the file's own title or caption,
 * description, capture date, place and rights (EXIF, IPTC, XMP, container tags) win, its keywords are joined with
 * the given ones, and {@code batch} is kept as the batch's label (searchable, shown). Only with {@code override}
 * true do the given values replace the file's; the file's values are then kept on the asset ({@code fileOwn}).
 */
@io.swagger.v3.oas.annotations.media.Schema(description = "A contribution's description: fills what the file's own "
        + "metadata lacks unless override is true")
public record AssetDescription(String title, String description, String contributorUnit, String source,
        String captureDate, String place, List<String> keywords, String rights,
        @io.swagger.v3.oas.annotations.media.Schema(description = "the batch's or folder's label (searchable, shown "
                + "on the asset)") String batch,
        @io.swagger.v3.oas.annotations.media.Schema(description = "true: the given title, description, date, place "
                + "and rights replace what the file records (the file's values stay on the asset as fileOwn)")
        Boolean override) {

    static final int MAX_TITLE = 500;
    static final int MAX_TEXT = 20_000;
    static final int MAX_KEYWORDS = 100;

    public static AssetDescription empty() {
        return new AssetDescription(null, null, null, null, null, null, null, null, null, null);
    }

    /** Only a contributor unit: the default that {@link #orElse} fills in where none was given. */
    public static AssetDescription ofUnit(String unit) {
        return new AssetDescription(null, null, unit, null, null, null, null, null, null, null);
    }

    /** Trims, drops blanks, checks lengths and the date; throws IllegalArgumentException with the field named. */
    public AssetDescription normalized() {
        List<String> kw = null;
        if (keywords != null) {
            LinkedHashSet<String> set = new LinkedHashSet<>();
            for (String k : keywords) {
                String t = clean(k, "keyword", 100);
                if (t != null) {
                    set.add(t);
                }
            }
            if (set.size() > MAX_KEYWORDS) {
                throw new org.yingzhi.shared.i18n.CodedArgumentException("desc.keywords", String.valueOf(MAX_KEYWORDS));
            }
            kw = new ArrayList<>(set);
        }
        String date = clean(captureDate, "captureDate", 40);
        if (date != null) {
            if (date.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:.*")) {
                date = date.replaceFirst(" ", "T"); // "2003-03-10 15:04:43", as cameras and AVI files write it
            }
            captureRange(date);
        }
        return new AssetDescription(clean(title, "title", MAX_TITLE), clean(description, "description", MAX_TEXT),
                clean(contributorUnit, "contributorUnit", 200), clean(source, "source", 500), date,
                clean(place, "place", 500), kw, clean(rights, "rights", 2000), clean(batch, "batch", 200),
                Boolean.TRUE.equals(override) ? Boolean.TRUE : null);
    }

    /** Whether the given values replace the file's own. */
    public boolean overrides() {
        return Boolean.TRUE.equals(override);
    }

    /** The same, marked as replacing the file's own values (a sidecar row speaks of that one file). */
    public AssetDescription overriding() {
        return new AssetDescription(title, description, contributorUnit, source, captureDate, place, keywords, rights,
                batch, Boolean.TRUE);
    }

    /** The same with another contributor unit. */
    public AssetDescription withUnit(String unit) {
        return new AssetDescription(title, description, unit, source, captureDate, place, keywords, rights, batch,
                override);
    }

    /** Fills the gaps of this from another (used for sidecar metadata under request metadata). */
    public AssetDescription orElse(AssetDescription o) {
        return new AssetDescription(title != null ? title : o.title, description != null ? description : o.description,
                contributorUnit != null ? contributorUnit : o.contributorUnit, source != null ? source : o.source,
                captureDate != null ? captureDate : o.captureDate, place != null ? place : o.place,
                keywords != null ? keywords : o.keywords, rights != null ? rights : o.rights,
                batch != null ? batch : o.batch, override != null ? override : o.override);
    }

    /**
     * What to catalog when this contribution meets a file that records {@code own}: the file's title, description,
     * date, place and rights win unless this overrides; keywords are joined; unit, source and batch are this one's.
     */
    public AssetDescription over(AssetDescription own) {
        AssetDescription first = overrides() ? this : own;
        AssetDescription second = overrides() ? own : this;
        List<String> kw = null;
        if (keywords != null || own.keywords != null) {
            LinkedHashSet<String> set = new LinkedHashSet<>();
            if (own.keywords != null) {
                set.addAll(own.keywords);
            }
            if (keywords != null) {
                set.addAll(keywords);
            }
            kw = new ArrayList<>(set).subList(0, Math.min(set.size(), MAX_KEYWORDS));
        }
        return new AssetDescription(first.title != null ? first.title : second.title,
                first.description != null ? first.description : second.description, contributorUnit, source,
                first.captureDate != null ? first.captureDate : second.captureDate,
                first.place != null ? first.place : second.place, kw,
                first.rights != null ? first.rights : second.rights, batch, override);
    }

    /**
     * The instants a capture date covers: [start, end). "2003-08" covers all of August 2003 (in the catalog's time
     * zone, {@link CatalogTime#ZONE}, when the date gives no offset).
     */
    public static OffsetDateTime[] captureRange(String date) {
        ZoneOffset cst = CatalogTime.ZONE;
        if (!date.matches("\\d{4}(-\\d{2}(-\\d{2}(T.*)?)?)?")) {
            throw notADate(date);
        }
        int year = Integer.parseInt(date.substring(0, 4));
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new org.yingzhi.shared.i18n.CodedArgumentException("desc.yearRange", date, String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR));
        }
        try {
            if (date.matches("\\d{4}")) {
                int y = Integer.parseInt(date);
                return new OffsetDateTime[] {LocalDate.of(y, 1, 1).atStartOfDay().atOffset(cst),
                        LocalDate.of(y + 1, 1, 1).atStartOfDay().atOffset(cst)};
            }
            if (date.matches("\\d{4}-\\d{2}")) {
                YearMonth ym = YearMonth.parse(date);
                return new OffsetDateTime[] {ym.atDay(1).atStartOfDay().atOffset(cst),
                        ym.plusMonths(1).atDay(1).atStartOfDay().atOffset(cst)};
            }
            if (date.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate d = LocalDate.parse(date);
                return new OffsetDateTime[] {d.atStartOfDay().atOffset(cst), d.plusDays(1).atStartOfDay().atOffset(cst)};
            }
            OffsetDateTime t = date.matches(".*([zZ]|[+-]\\d{2}:?\\d{2})$") ? OffsetDateTime.parse(date)
                    : java.time.LocalDateTime.parse(date).atOffset(cst);
            return new OffsetDateTime[] {t, t.plusSeconds(1)};
        } catch (java.time.DateTimeException e) {
            throw notADate(date);
        }
    }

    /** The earliest and latest capture years accepted (photography began in the 1830s; nothing is from the future). */
    static final int MIN_YEAR = 1826;
    static final int MAX_YEAR = 2199;

    private static IllegalArgumentException notADate(String date) {
        return new org.yingzhi.shared.i18n.CodedArgumentException("desc.notDate", date);
    }

    private static String clean(String v, String field, int max) {
        if (v == null) {
            return null;
        }
        String t = v.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.codePointCount(0, t.length()) > max) {
            throw new org.yingzhi.shared.i18n.CodedArgumentException("desc.tooLong", field, String.valueOf(max));
        }
        if (t.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw new org.yingzhi.shared.i18n.CodedArgumentException("desc.control", field);
        }
        return t;
    }

    /**
     * The capture date a photo's own metadata gives: the full time with its offset when the camera recorded one (so
     * it is found on its true day in China: 22:53 at +02:00 is the next morning here), else the day alone (a camera
     * clock without a zone). Null when it is no usable date.
     */
    public static String embeddedDate(String iso) {
        if (iso == null || iso.length() < 4) {
            return null;
        }
        String date = iso.matches(".*T.*([+-]\\d{2}:\\d{2}|Z)$") ? iso : iso.substring(0, Math.min(10, iso.length()));
        try {
            AssetDescription.captureRange(date);
            return date;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
