package org.yingzhi.shared.audit;

/** The actions the audit log names, one constant per kind of write (the README lists them with their targets). */
public final class AuditActions {

    private AuditActions() {
    }

    public static final String ASSET_UPLOAD = "asset.upload";
    public static final String ASSET_EDIT = "asset.edit";
    public static final String ASSET_DELETE = "asset.delete";
    public static final String ASSET_RESTORE = "asset.restore";
    public static final String ASSET_REPROCESS = "asset.reprocess";
    public static final String ORIGINAL_DOWNLOAD = "asset.download-original";
    public static final String LINK_CREATE = "link.create";
    public static final String LINK_DELETE = "link.delete";
    public static final String LINK_REVIEW = "link.review";
    public static final String FIGURE_CHANGE = "figure.change";
    public static final String OUTLINE_CHANGE = "outline.change";
    public static final String INDEX_CHANGE = "index.change";
    public static final String REVIEW_DECISION = "review.decision";
    public static final String REVIEW_COMMENT = "review.comment";
    public static final String REVIEW_RESUBMIT = "review.resubmit";
    public static final String ACCOUNT_CHANGE = "account.change";
    public static final String TOKEN_CHANGE = "token.change";
    public static final String EXPORT = "export";
    public static final String BACKUP = "backup";
    public static final String RESTORE = "restore";
    public static final String TARGET_CHANGE = "target.change";
    public static final String REPORT = "report";
    public static final String INTERVIEW_CHANGE = "interview.change";
    public static final String TRANSCRIPT_CHANGE = "transcript.change";
    public static final String SEGMENT_CHANGE = "segment.change";
}
