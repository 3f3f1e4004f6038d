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
 */
public record AssetDescription(String title, String description, String contributorUnit, String source,
        String captureDate, String place, List<String> keywords, String rights) {

    static final int MAX_TITLE = 500;
    static final int MAX_TEXT = 20_000;
    static final int MAX_KEYWORDS = 100;

    public static AssetDescription empty() {
        return new AssetDescription(null, null, null, null, null, null, null, null);
    }

    /** Only a contributor unit: the default that {@link #orElse} fills in where none was given. */
    public static AssetDescription ofUnit(String unit) {
        return new AssetDescription(null, null, unit, null, null, null, null, null);
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
                clean(place, "place", 500), kw, clean(rights, "rights", 2000));
    }

    /** The same with another contributor unit. */
    public AssetDescription withUnit(String unit) {
        return new AssetDescription(title, description, unit, source, captureDate, place, keywords, rights);
    }

    /** Fills the gaps of this from another (used for sidecar metadata under request metadata). */
    public AssetDescription orElse(AssetDescription o) {
        return new AssetDescription(title != null ? title : o.title, description != null ? description : o.description,
                contributorUnit != null ? contributorUnit : o.contributorUnit, source != null ? source : o.source,
                captureDate != null ? captureDate : o.captureDate, place != null ? place : o.place,
                keywords != null ? keywords : o.keywords, rights != null ? rights : o.rights);
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
