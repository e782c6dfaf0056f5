package io.logriver.peers.host;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * A Java Flight Recorder recording of this JVM over one measurement window, with only a few cheap events: CPU load
 * and each thread's CPU once a second, garbage collections, and a stack sample of each running thread every 20 ms.
 */
public final class FlightRecording {
    private final Recording recording = new Recording();
    private final Path file;

    private FlightRecording(Path file) {
        this.file = file;
    }

    /**
     * Starts the Flight Recorder in this JVM. Its start retransforms a few JDK classes, and the first class
     * redefinition in a JVM deoptimizes all of its compiled code: left to the first measured window, that sent over
     * 2,000 methods back to the compiler's queue at once and the engine fell behind. So a host starts it first.
     */
    public static void startRecorder() {
        FlightRecorder.getFlightRecorder();
    }

    /** Starts a recording that {@link #dump} writes to {@code file}. */
    public static FlightRecording start(Path file) {
        FlightRecording r = new FlightRecording(file);
        r.recording.setName(file.getFileName().toString());
        r.recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(20));
        r.recording.enable("jdk.GarbageCollection");
        r.recording.enable("jdk.CPULoad").withPeriod(Duration.ofSeconds(1));
        r.recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofSeconds(1));
        r.recording.enable("logriver.TridentEmit"); // a Trident batch's life (io.logriver.storm.trident.BatchEvents)
        r.recording.enable("logriver.TridentCommit");
        r.recording.start();
        return r;
    }

    /** Stops the recording and writes it to its file (for JDK Mission Control, and the bench's summary). */
    public void dump() throws IOException {
        try {
            recording.stop();
            recording.dump(file);
        } finally {
            recording.close();
        }
    }
}
