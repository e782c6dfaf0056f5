package io.logriver.peers.flink;

import io.logriver.config.LogriverConfig;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.Windows;
import io.logriver.peers.Hit;
import io.logriver.peers.Incoming;
import io.logriver.peers.OrgUrl;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * logriver's job in Flink's DataStream API: requests from a source with bounded-out-of-orderness watermarks (parsed
 * and filtered as they are read, invalid ones dead-lettered), joined with the session table held as broadcast state,
 * aggregated per (orgID, URL) in tumbling event-time windows, late requests dead-lettered from the window operator's
 * side output, everything to one sink. Sources and sink are parameters, as in flink-training.
 *
 * <p>logriver's lateness L maps onto the watermark, not onto allowed lateness: the watermark trails the highest event
 * time (capped at the wall clock, as logriver's) by L (Flink: and 1 ms), so a window fires when that time reaches its end + L, as logriver closes it, and a
 * request is late when its window has fired. Allowed lateness stays 0: with more, a window would fire early and then
 * again for each late request, where logriver writes each window key once.
 */
public final class FlinkJob {
    private FlinkJob() {
    }

    /** Adds the job to {@code env}; {@code requestParallelism} is the request source's (at most its partitions). */
    public static void build(StreamExecutionEnvironment env, LogriverConfig c,
                             Source<Incoming, ?, ?> requests, int requestParallelism,
                             Source<SessionRead, ?, ?> sessions, Sink<Out> sink) {
        LogriverConfig.Topics t = c.topics();
        WatermarkStrategy<Incoming> byEventTime = WatermarkStrategy
                .forGenerator(ctx -> boundedAndClockCapped(c.latenessMs(), FutureTimeRule.of(c.maxFutureMs())))
                .withTimestampAssigner((in, kafkaTime) -> in.isValid() ? in.request().eventTime() : Long.MIN_VALUE);
        SingleOutputStreamOperator<Incoming> parsed = env.fromSource(requests, byEventTime, "weblogs")
                .setParallelism(requestParallelism).uid("weblogs")
                .process(new ParseRouter(t.weblogs(), t.dlq())).name("parse").uid("parse");
        BroadcastStream<SessionRead> table = env.fromSource(sessions, neverHoldingBack(), "sessions")
                .setParallelism(1).uid("sessions")
                .broadcast(SessionJoin.TABLE);
        SingleOutputStreamOperator<Hit> joined = parsed.connect(table)
                .process(new SessionJoin(t.dlq())).name("join").uid("join");
        OutputTag<Hit> late = new OutputTag<>("late") {
        };
        SingleOutputStreamOperator<Out> windows = joined
                .keyBy(Hit::key, TypeInformation.of(OrgUrl.class))
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(c.windowSizeMs())))
                .allowedLateness(Duration.ZERO)
                .sideOutputLateData(late)
                .aggregate(new StatsAggregate(c.latencyHook()), new WindowRecords(t.stats(), c.windowSizeMs()),
                        TypeInformation.of(DurationStats.class), TypeInformation.of(DurationStats.class),
                        TypeInformation.of(Out.class))
                .name("aggregate").uid("aggregate");
        DataStream<Out> lateLetters = windows.getSideOutput(late)
                .process(new LateLetters(new Windows(c.windowSizeMs()),
                        t.weblogs(), t.dlq())).name("late").uid("late");
        windows.union(parsed.getSideOutput(ParseRouter.DEAD), joined.getSideOutput(ParseRouter.DEAD), lateLetters)
                .sinkTo(sink).name("to-kafka").uid("to-kafka");
    }

    /**
     * Flink's bounded-out-of-orderness watermark, on logriver's {@link FutureTimeRule#watermarkTime}: a request ahead
     * of the wall clock (by less than the rule's limit, or it would be invalid) moves the watermark only up to the
     * clock, so it cannot make the requests of the present late.
     */
    private static WatermarkGenerator<Incoming> boundedAndClockCapped(long latenessMs, FutureTimeRule future) {
        return new BoundedOutOfOrdernessWatermarks<>(Duration.ofMillis(latenessMs)) {
            @Override
            public void onEvent(Incoming in, long eventTimestamp, WatermarkOutput output) {
                super.onEvent(in, future.watermarkTime(eventTimestamp), output);
            }
        };
    }

    /**
     * The session side's watermark: always the highest, so the join's watermark is the requests' own (an operator's
     * watermark is the lowest of its inputs', and a source without watermarks would hold every window back).
     */
    private static WatermarkStrategy<SessionRead> neverHoldingBack() {
        return WatermarkStrategy.forGenerator(ctx -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(SessionRead event, long eventTimestamp, WatermarkOutput output) {
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                output.emitWatermark(new Watermark(Long.MAX_VALUE));
            }
        });
    }
}
