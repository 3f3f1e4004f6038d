package org.yingzhi.security;

/** What a user asks to do with a resource; the {@link AccessPolicy} answers. */
public enum Action {
    /** See an item (deleted ones only for administrators). */
    VIEW,
    /** List deleted items beside the rest. */
    VIEW_DELETED,
    /** Upload or import media for the resource's unit. */
    CONTRIBUTE,
    /** Change descriptive fields. */
    EDIT,
    /** Move an item to another contributing unit. */
    CHANGE_UNIT,
    /** Run background processing again. */
    REPROCESS,
    /** Soft-delete. */
    DELETE,
    /** Undo a soft delete. */
    RESTORE,
    /** See the background job queue. */
    VIEW_JOBS,
    /** Run the installation: backups, maintenance. */
    ADMINISTER,
    /** Write the gazetteer: the outline and the index of people, projects, places and units. */
    EDIT_GAZETTEER,
    /** Link an asset (whole, a range, a photo) to the outline or the index; the resource is the asset. */
    LINK,
    /** Create accounts, reset passwords, revoke anyone's tokens. */
    MANAGE_USERS,
    /** Fetch the original file (viewers watch the proxies; rights holders and makers take the originals). */
    DOWNLOAD,
    /** See, continue or cancel a resumable upload in progress. */
    CONTINUE_UPLOAD,
    /** Make bins (collections of moments) and collect material into one's own. */
    COLLECT,
    /** Make cuts (sequences) and export them to editing suites. */
    ASSEMBLE,
    /** Decide the political check (政治关) of an item: approve, return with reasons, reject. */
    REVIEW_POLITICAL,
    /** Decide the check of historical facts (史实关) of an item. */
    REVIEW_FACTS,
    /**
     * Read what an interview's restriction holds back while it runs (the transcripts and consent form of an embargoed
     * interview): the office, the book's editors and the recording unit.
     */
    VIEW_RESTRICTED
}
