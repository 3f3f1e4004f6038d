package org.yingzhi.shared.mongo;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import java.util.Set;

/** Commits the embedded store after each successful write command, before the driver returns to the caller. */
final class DurableWriteListener implements CommandListener {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify",
            "createIndexes", "create", "drop", "dropIndexes", "dropDatabase", "renameCollection");

    private final EmbeddedMongoServer server;

    DurableWriteListener(EmbeddedMongoServer server) {
        this.server = server;
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (WRITES.contains(event.getCommandName())) {
            server.commit();
        }
    }
}
