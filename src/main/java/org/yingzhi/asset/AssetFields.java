package org.yingzhi.asset;

/** Field names of an asset document (see media-schema/asset.schema.json); only the asset package writes them. */
final class AssetFields {

    static final String ID = "_id";
    static final String TYPE = "type";
    static final String STATUS = "status";
    static final String ORIGINAL = "original";
    static final String SHA256 = "original.sha256";
    static final String TITLE = "title";
    static final String FILE_NAME = "original.fileName";
    static final String REEL_NAME = "media.tags.reel_name";
    static final String DESCRIPTION = "description";
    static final String CONTRIBUTOR_UNIT = "contributorUnit";
    static final String SOURCE = "source";
    static final String CAPTURE_DATE = "captureDate";
    static final String CAPTURE_DATE_SOURCE = "captureDateSource";
    static final String CAPTURE_START = "captureStart";
    static final String CAPTURE_END = "captureEnd";
    static final String PLACE = "place";
    static final String KEYWORDS = "keywords";
    static final String RIGHTS = "rights";
    static final String BATCH = "batch";
    static final String FILE_OWN = "fileOwn";
    static final String CONTRIBUTIONS = "contributions";
    static final String MEDIA = "media";
    static final String PHOTO = "photo";
    static final String METADATA_STATUS = "metadataStatus";
    static final String WARNINGS = "warnings";
    static final String ERRORS = "errors";
    static final String REVIEW = "review";
    static final String SEARCH_KEYS = "searchKeys";
    static final String CREATED_AT = "createdAt";
    static final String CREATED_BY = "createdBy";
    static final String UPDATED_AT = "updatedAt";
    static final String UPDATED_BY = "updatedBy";
    static final String AUDIT_OP = "auditOp";
    static final String DELETED = "deleted";
    static final String DELETED_AT = "deletedAt";
    static final String DELETED_BY = "deletedBy";
    static final String VERSION = "version";
    static final String PROCESSING = "processing";
    static final String STEPS = "processing.steps";
    static final String DERIVATIVES = "derivatives";
    static final String SCENES = "scenes";

    private AssetFields() {
    }

    static String step(Step s) {
        return STEPS + "." + s.key();
    }
}
