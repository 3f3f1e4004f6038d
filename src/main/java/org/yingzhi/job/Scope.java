package org.yingzhi.job;

/**
 * Who may see a job in the queue: the unit its subject belongs to (null: none) and whether the subject is
 * deleted (then administrators only). Kept on the job so that the queue is filtered and counted by the database;
 * the subject's owner updates it when the subject changes unit or is deleted or restored.
 */
public record Scope(String unit, boolean hidden) {

    public static final Scope NONE = new Scope(null, false);
}
