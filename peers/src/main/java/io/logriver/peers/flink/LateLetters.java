package io.logriver.peers.flink;

import io.logriver.logic.parse.DeadLetter;
import io.logriver.logic.window.WindowKey;
import io.logriver.logic.window.Windows;
import io.logriver.peers.Hit;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The dead letter of a request the window operator found late. Its payload names the window key and duration (what
 * reached the window operator), not the record as read, as logriver's aggregate does for a record found late there.
 */
final class LateLetters extends ProcessFunction<Hit, Out> {
    private static final long serialVersionUID = 1L;

    private final Windows windows;
    private final String weblogsTopic;
    private final String dlqTopic;

    LateLetters(Windows windows, String weblogsTopic, String dlqTopic) {
        this.windows = windows;
        this.weblogsTopic = weblogsTopic;
        this.dlqTopic = dlqTopic;
    }

    @Override
    public void processElement(Hit hit, Context ctx, Collector<Out> out) {
        WindowKey key = new WindowKey(windows.startOf(ctx.timestamp()), hit.key().orgID(), hit.key().urlKey());
        String payload = key + " durationMillis=" + hit.measure().durationMillis();
        out.collect(ParseRouter.deadLetter(dlqTopic, new DeadLetter(DeadLetter.LATE, weblogsTopic,
                hit.measure().partition(), hit.measure().offset(), payload)));
    }
}
