package io.logriver.peers.flink;

import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.WindowResult;
import io.logriver.peers.OrgUrl;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** A window key's final record, in logriver's JSON, when its window fires. */
final class WindowRecords extends ProcessWindowFunction<DurationStats, Out, OrgUrl, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final String statsTopic;
    private final long windowSizeMillis;

    WindowRecords(String statsTopic, long windowSizeMillis) {
        this.statsTopic = statsTopic;
        this.windowSizeMillis = windowSizeMillis;
    }

    @Override
    public void process(OrgUrl key, Context ctx, Iterable<DurationStats> aggregate, Collector<Out> out) {
        WindowResult r = key.finalResult(ctx.window().getStart(), windowSizeMillis, aggregate.iterator().next());
        out.collect(new Out(statsTopic, r.kafkaKey(), r.toJson()));
    }
}
