package io.logriver.launcher.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The processes of a dev cluster, found from pid files only: the daemons' own ({@code up} writes them) and the
 * ones Storm writes for each worker it launches ({@code workers/ID/pids/PID}), with each worker's LogWriter parent.
 * A pid counts only while its process is alive and its command line names the cluster's directory, so a stale pid
 * file never points at someone else's process.
 */
final class ClusterProcesses {
    private final ClusterLayout layout;

    ClusterProcesses(ClusterLayout layout) {
        this.layout = layout;
    }

    /** The live daemon recorded in its pid file, if any. */
    Optional<ProcessHandle> daemon(String name) {
        Path f = layout.pidFile(name);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(f).trim())).filter(this::ours);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Every live daemon, by name, in start order. */
    Map<String, ProcessHandle> daemons() {
        Map<String, ProcessHandle> out = new LinkedHashMap<>();
        for (String d : ClusterState.DAEMONS) {
            daemon(d).ifPresent(p -> out.put(d, p));
        }
        return out;
    }

    /** Every live worker JVM and the LogWriter that launched it. */
    List<ProcessHandle> workers() throws IOException {
        List<ProcessHandle> out = new ArrayList<>();
        for (Path worker : list(layout.workers())) {
            for (Path p : list(worker.resolve("pids"))) {
                Optional<ProcessHandle> pid = parsePid(p.getFileName().toString()).flatMap(ProcessHandle::of)
                        .filter(this::ours);
                pid.ifPresent(out::add);
                pid.flatMap(ProcessHandle::parent).filter(this::ours)
                        .filter(parent -> commandLine(parent).contains("org.apache.storm.LogWriter")).ifPresent(out::add);
            }
        }
        return out;
    }

    /** A directory's entries; none when it does not exist (any more: workers come and go while it is read). */
    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException
                 | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    /** Every live process of the cluster: workers first, then the daemons, last started first. */
    List<ProcessHandle> all() throws IOException {
        List<ProcessHandle> out = new ArrayList<>(workers());
        List<ProcessHandle> daemons = new ArrayList<>(daemons().values());
        java.util.Collections.reverse(daemons);
        out.addAll(daemons);
        return out;
    }

    /**
     * Live workers and LogWriters (the processes a Supervisor launches) whose command line names the cluster's
     * directory but that no pid file lists: a worker launched just before the Supervisor stopped, before it wrote its
     * pid file (a rebalance makes that likely).
     */
    List<ProcessHandle> unlisted() throws IOException {
        Set<Long> listed = new HashSet<>();
        all().forEach(p -> listed.add(p.pid()));
        Set<Long> mine = new HashSet<>();
        for (Optional<ProcessHandle> p = Optional.of(ProcessHandle.current()); p.isPresent(); p = p.get().parent()) {
            mine.add(p.get().pid());
        }
        return ProcessHandle.allProcesses().filter(p -> !listed.contains(p.pid()) && !mine.contains(p.pid()))
                .filter(this::ours).filter(p -> commandLine(p).contains("org.apache.storm.LogWriter")
                        || commandLine(p).contains("org.apache.storm.daemon.worker.Worker")).toList();
    }

    private boolean ours(ProcessHandle p) {
        return p.isAlive() && commandLine(p).contains(layout.dir().toString());
    }

    /** The whole command line: from /proc where there is one (ProcessHandle.Info cuts it at 4 KiB on Linux). */
    static String commandLine(ProcessHandle p) {
        Path proc = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        try {
            return new String(Files.readAllBytes(proc), java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return p.info().commandLine().orElse("");
        }
    }

    private static Optional<Long> parsePid(String s) {
        return s.matches("\\d{1,10}") ? Optional.of(Long.parseLong(s)) : Optional.empty();
    }
}
