package io.logriver.topology;

import io.logriver.config.ConfigException;
import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import java.util.Arrays;
import org.apache.storm.StormSubmitter;
import org.apache.storm.generated.AlreadyAliveException;
import org.apache.storm.utils.Utils;

/**
 * The main class of the topology jar, in Storm's conventions: {@code storm jar logriver.jar
 * io.logriver.topology.LogriverTopology --mode core [--name NAME] [--config FILE] [-c key=value]...} submits the
 * topology to the cluster named by the Storm configuration ({@code nimbus.seeds}), and {@code storm local} runs the
 * same command in a local cluster. The weblogs topic must exist: its partition count is read from the broker.
 */
public final class LogriverTopology {
    private LogriverTopology() {
    }

    public static void main(String[] argv) throws Exception {
        JarArgs args = null;
        try {
            args = JarArgs.parse(Arrays.asList(argv));
            LogriverConfig c = ConfigLoader.load(args.config(), args.overridesAfter(Utils.readCommandLineOpts()));
            c = WeblogsTopic.withPartitions(c);
            StormSubmitter.submitTopology(args.name(), args.mode().stormConfig(c), args.mode().topology(c));
            System.out.println("submitted topology " + args.name() + " (mode " + args.mode().id() + ", "
                    + c.topics().partitions() + " partitions of " + c.topics().weblogs() + ")");
        } catch (IllegalArgumentException | IllegalStateException | ConfigException e) {
            fail(e.getMessage());
        } catch (AlreadyAliveException e) {
            fail("a topology named " + args.name() + " is already running: kill it first, or choose another --name");
        }
    }

    private static void fail(String message) {
        System.err.println("logriver: " + message);
        System.exit(1);
    }
}
