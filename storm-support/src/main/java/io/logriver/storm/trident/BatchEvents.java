package io.logriver.storm.trident;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Flight-recorder events of a Trident batch's life, for the bench's cost model (a recording that does not enable them
 * costs nothing): the spout's read of a batch, and each logged state's commit. Enable them by name.
 */
public final class BatchEvents {
    private BatchEvents() {
    }

    /** A spout task's emit of one batch: from its first poll to its last record handed on. */
    @Name(Emit.NAME)
    @Label("Trident batch emitted")
    @Category({"logriver", "Trident"})
    @StackTrace(false)
    public static final class Emit extends Event {
        public static final String NAME = "logriver.TridentEmit";

        @Label("Transaction")
        public long txid;

        @Label("Records")
        @Description("Records read for the batch, all of the task's partitions")
        public long records;
    }

    /** A state's part of a batch: from its begin-commit, through the batch's update, to its write being done. */
    @Name(Commit.NAME)
    @Label("Trident state committed")
    @Category({"logriver", "Trident"})
    @StackTrace(false)
    public static final class Commit extends Event {
        public static final String NAME = "logriver.TridentCommit";

        @Label("State")
        public String state;

        @Label("Transaction")
        public long txid;

        @Label("Entries written")
        public long entries;

        @Label("Bytes written")
        public long bytes;

        @Label("Encode nanoseconds")
        @Description("Collecting and encoding what changed")
        public long encodeNanos;

        @Label("Write nanoseconds")
        @Description("The store's write of the entries and their undo record")
        public long writeNanos;
    }
}
