package io.logriver.trident;

import io.logriver.logic.window.WindowMerger;
import io.logriver.logic.window.Windows;
import io.logriver.trident.state.EntryStore;
import io.logriver.trident.state.LoggedState;
import io.logriver.trident.state.StoreLocation;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The window merger's state, one per merger task: each open window key's shares by partition, and every partition's
 * watermark ({@link WindowMerger}, whose checkpoint entries are this state's entries).
 */
final class MergerState extends LoggedState {
    final WindowMerger merger;

    MergerState(EntryStore store, Windows windows, int partitions) {
        super(store);
        this.merger = new WindowMerger(windows, partitions);
    }

    @Override
    protected void changes(BiConsumer<String, byte[]> put, Consumer<String> delete) {
        merger.changes(put, delete);
    }

    @Override
    protected void restore(Iterable<Map.Entry<String, byte[]>> entries) {
        merger.restore(entries);
    }

    @Override
    protected int openKeys() {
        return merger.openKeys();
    }

    static final class Factory extends LoggedState.Factory {
        private static final long serialVersionUID = 1L;
        private final Windows windows;
        private final int partitions;

        Factory(StoreLocation location, Windows windows, int partitions) {
            super(location, "merger");
            this.windows = windows;
            this.partitions = partitions;
        }

        @Override
        public LoggedState make(EntryStore store) {
            return new MergerState(store, windows, partitions);
        }
    }
}
