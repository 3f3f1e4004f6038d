package org.yingzhi.security;

import java.util.Locale;

/** The kinds of thing the access policy decides about. */
public enum ResourceKind {
    /** A video, audio recording or photo of the catalog. */
    ASSET,
    /** The book's outline (篇目). */
    OUTLINE,
    /** The index of people, projects, places and units. */
    INDEX,
    /** An account. */
    USER,
    /** A processing job. */
    JOB,
    /** The catalog as a whole (listing, maintenance). */
    CATALOG,
    /** A resumable upload in progress: its sender's. */
    UPLOAD,
    /** A bin: a person's named collection of assets and ranges, private or shared. */
    BIN,
    /** A cut: a sequence a producer assembles, private or shared. */
    CUT,
    /** An oral-history interview: its transcripts, segments, consent form and restrictions. */
    INTERVIEW;

    /** Kinds a person owns and may share, read by others only when shared. */
    public boolean isCollection() {
        return this == BIN || this == CUT;
    }

    /** The word for it in messages ("the asset is deleted"). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
