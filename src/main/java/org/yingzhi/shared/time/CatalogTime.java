package org.yingzhi.shared.time;

import java.time.ZoneOffset;

/** The catalog's time zone: China Standard Time, the zone the gazetteer's sources mean when they give none. */
public final class CatalogTime {

    /** UTC+8 (China has no daylight saving time, so a fixed offset is exact). */
    public static final ZoneOffset ZONE = ZoneOffset.ofHours(8);

    private CatalogTime() {
    }
}
