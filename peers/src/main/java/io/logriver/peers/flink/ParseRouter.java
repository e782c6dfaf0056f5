package io.logriver.peers.flink;

import io.logriver.logic.parse.DeadLetter;
import io.logriver.peers.Incoming;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Valid requests go on; invalid ones leave as dead letters on the side output {@link #DEAD}. */
final class ParseRouter extends ProcessFunction<Incoming, Incoming> {
    private static final long serialVersionUID = 1L;

    static final OutputTag<Out> DEAD = new OutputTag<>("dead-letters") {
    };

    private final String weblogsTopic;
    private final String dlqTopic;

    ParseRouter(String weblogsTopic, String dlqTopic) {
        this.weblogsTopic = weblogsTopic;
        this.dlqTopic = dlqTopic;
    }

    @Override
    public void processElement(Incoming in, Context ctx, Collector<Incoming> out) {
        if (in.isValid()) {
            out.collect(in);
        } else {
            ctx.output(DEAD, deadLetter(dlqTopic, in.deadLetter(weblogsTopic)));
        }
    }

    static Out deadLetter(String dlqTopic, DeadLetter d) {
        return new Out(dlqTopic, d.kafkaKey(), d.toJson());
    }
}
