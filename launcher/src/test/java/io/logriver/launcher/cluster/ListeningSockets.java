package io.logriver.launcher.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The local addresses of the TCP sockets some processes listen on, read from Linux's /proc. */
final class ListeningSockets {
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** Each listening socket of the processes as "ADDRESS-IN-HEX:PORT-IN-HEX" (as /proc/net/tcp and tcp6 write it). */
    static List<String> of(List<ProcessHandle> processes) throws IOException {
        Set<String> inodes = new HashSet<>();
        for (ProcessHandle p : processes) {
            inodes.addAll(socketInodes(p.pid()));
        }
        List<String> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table)); // once: the table changes as sockets come and go
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals(LISTEN) && inodes.contains(f[9])) {
                    out.add(f[1]);
                }
            }
        }
        return out;
    }

    /** True for 127.0.0.1, as tcp writes it (0100007F) or tcp6 as an IPv4-mapped address, and for ::1. */
    static boolean isLoopback(String hexAddressAndPort) {
        String address = hexAddressAndPort.substring(0, hexAddressAndPort.indexOf(':'));
        return address.equals("0100007F") || address.equals("0000000000000000FFFF00000100007F")
                || address.equals("00000000000000000000000001000000");
    }

    /** The port of an "ADDRESS-IN-HEX:PORT-IN-HEX". */
    static int port(String hexAddressAndPort) {
        return Integer.parseInt(hexAddressAndPort.substring(hexAddressAndPort.indexOf(':') + 1), 16);
    }

    private static Set<String> socketInodes(long pid) throws IOException {
        Set<String> out = new HashSet<>();
        Path fds = Path.of("/proc", Long.toString(pid), "fd");
        try (Stream<Path> links = Files.list(fds)) {
            for (Path fd : links.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        out.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while listing
                }
            }
        }
        return out;
    }
}
