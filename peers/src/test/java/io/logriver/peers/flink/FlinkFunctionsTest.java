package io.logriver.peers.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.Windows;
import io.logriver.peers.Hit;
import io.logriver.peers.Measure;
import io.logriver.peers.OrgUrl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

/** The Flink peer's aggregate and its late path, called as the window operator calls them. */
class FlinkFunctionsTest {
    private static final long T0 = Instant.parse("2017-06-03T18:40:00Z").toEpochMilli();

    private static Hit hit(long duration, boolean error) {
        return new Hit(new OrgUrl("org", "/a"), new Measure(duration, error, 1, 77, 0, -1));
    }

    @Test
    void theAggregateIsLogriversAndMergesAsIt() {
        StatsAggregate agg = new StatsAggregate("none");
        DurationStats a = agg.add(hit(10, false), agg.add(hit(30, true), agg.createAccumulator()));
        DurationStats b = agg.add(hit(20, false), agg.createAccumulator());
        assertEquals(new DurationStats.Summary(3, 1, 20, 30, 30, 30), agg.getResult(agg.merge(a, b)).summarize());
    }

    @Test
    void aLateRequestIsDeadLetteredWithWhereItWasRead() {
        List<Out> out = new ArrayList<>();
        LateLetters late = new LateLetters(new Windows(10_000), "weblogs", "dlq");
        late.processElement(hit(5, false), late.new Context() {
                    @Override
                    public Long timestamp() {
                        return T0 + 1234;
                    }

                    @Override
                    public TimerService timerService() {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public <X> void output(OutputTag<X> tag, X value) {
                        throw new UnsupportedOperationException();
                    }
                }, collector(out));
        assertEquals(List.of(new Out("dlq", "weblogs-1-77", "{\"reason\":\"late\",\"topic\":\"weblogs\",\"partition\":1,"
                + "\"offset\":77,\"payload\":\"WindowKey[windowStart=" + T0
                + ", orgID=org, webURL=/a] durationMillis=5\"}")), out);
    }

    private static <T> Collector<T> collector(List<T> into) {
        return new Collector<>() {
            @Override
            public void collect(T record) {
                into.add(record);
            }

            @Override
            public void close() {
            }
        };
    }
}
