package io.logriver.broker;

import java.util.Arrays;
import java.util.Optional;

/**
 * Runs a Kafka main class ({@code kafka.Kafka}, {@code kafka.tools.StorageTool}) in a JVM that ends when the process
 * that started it ends, however that one ends (Ctrl-C, a crash, a kill): no broker is left behind.
 * Usage: {@code BrokerMain PARENT_PID MAIN_CLASS [ARGS...]}.
 */
public final class BrokerMain {
    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[0]);
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty()) {
            System.err.println("parent process " + parentPid + " is gone: not starting");
            System.exit(3);
        }
        Thread watcher = new Thread(() -> {
            parent.get().onExit().join();
            System.err.println("parent process " + parentPid + " ended: stopping");
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        Class.forName(args[1]).getMethod("main", String[].class)
                .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
}
