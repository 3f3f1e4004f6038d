package org.yingzhi.job;

/**
 * Repairs what a crash between two writes can leave behind: work that a subject expects but that was never
 * queued. The runner calls every such bean now and then; implementations must be idempotent.
 */
public interface JobRecovery {

    /** Queues work that its subject records as wanted but the queue does not hold. */
    void requeueLostWork();
}
