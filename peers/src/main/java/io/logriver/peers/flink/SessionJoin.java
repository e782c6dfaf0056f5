package io.logriver.peers.flink;

import io.logriver.logic.parse.Session;
import io.logriver.peers.Hit;
import io.logriver.peers.Incoming;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Joins each request with its session from the broadcast session table; a session the table does not hold (yet) gives
 * {@code unknown}, at once. Every parallel instance holds the whole table; only the first dead-letters an invalid
 * session record, so each is written once.
 */
final class SessionJoin extends BroadcastProcessFunction<Incoming, SessionRead, Hit> {
    private static final long serialVersionUID = 1L;

    static final MapStateDescriptor<String, Session> TABLE =
            new MapStateDescriptor<>("sessions", Types.STRING, TypeInformation.of(Session.class));

    private final String dlqTopic;

    SessionJoin(String dlqTopic) {
        this.dlqTopic = dlqTopic;
    }

    @Override
    public void processElement(Incoming in, ReadOnlyContext ctx, Collector<Hit> out) throws Exception {
        out.collect(Hit.of(in, ctx.getBroadcastState(TABLE).get(in.request().sessionID())));
    }

    @Override
    public void processBroadcastElement(SessionRead r, Context ctx, Collector<Hit> out) throws Exception {
        if (r.session() != null) {
            ctx.getBroadcastState(TABLE).put(r.session().sessionID(), r.session());
        } else if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            ctx.output(ParseRouter.DEAD, ParseRouter.deadLetter(dlqTopic, r.invalid()));
        }
    }
}
