package io.logriver.ui.api;

import java.util.List;

/**
 * The fields of Storm 2.8.3's REST API, as its {@code docs/STORM-UI-REST-API.md} lists them (nested ones as
 * {@code list.field}); where the document and {@code UIHelpers} differ, the code's name (the document's
 * {@code topologyStats.trasferred} is {@code transferred}; {@code /metrics} answers as the topology page does).
 */
final class StormFields {
    private StormFields() {
    }

    static final List<String> CLUSTER_SUMMARY = List.of("stormVersion", "supervisors", "topologies", "slotsTotal",
            "slotsUsed", "slotsFree", "executorsTotal", "tasksTotal", "schedulerDisplayResource", "totalMem",
            "totalCpu", "availMem", "availCpu", "memAssignedPercentUtil", "cpuAssignedPercentUtil");

    static final List<String> SUPERVISOR_SUMMARY = List.of("supervisors", "schedulerDisplayResource",
            "supervisors.id", "supervisors.host", "supervisors.uptime", "supervisors.uptimeSeconds",
            "supervisors.slotsTotal", "supervisors.slotsUsed", "supervisors.totalMem", "supervisors.totalCpu",
            "supervisors.usedMem", "supervisors.usedCpu");

    static final List<String> NIMBUS_SUMMARY = List.of("nimbuses", "nimbuses.host", "nimbuses.port",
            "nimbuses.status", "nimbuses.nimbusUpTime", "nimbuses.nimbusUpTimeSeconds", "nimbuses.nimbusLogLink",
            "nimbuses.version");

    static final List<String> TOPOLOGY_SUMMARY = List.of("topologies", "schedulerDisplayResource", "topologies.id",
            "topologies.name", "topologies.status", "topologies.uptime", "topologies.uptimeSeconds",
            "topologies.tasksTotal", "topologies.workersTotal", "topologies.executorsTotal",
            "topologies.replicationCount", "topologies.requestedMemOnHeap", "topologies.requestedMemOffHeap",
            "topologies.requestedTotalMem", "topologies.requestedCpu", "topologies.assignedMemOnHeap",
            "topologies.assignedMemOffHeap", "topologies.assignedTotalMem", "topologies.assignedCpu");

    static final List<String> TOPOLOGY = List.of("id", "name", "uptime", "uptimeSeconds", "status", "tasksTotal",
            "workersTotal", "executorsTotal", "msgTimeout", "windowHint", "schedulerDisplayResource",
            "replicationCount", "debug", "samplingPct", "assignedMemOnHeap", "assignedMemOffHeap", "assignedTotalMem",
            "assignedCpu", "requestedMemOnHeap", "requestedMemOffHeap", "requestedCpu", "topologyStats",
            "topologyStats.windowPretty", "topologyStats.window", "topologyStats.emitted", "topologyStats.transferred",
            "topologyStats.completeLatency", "topologyStats.acked", "topologyStats.failed", "workers",
            "workers.supervisorId", "workers.host", "workers.port", "workers.topologyId", "workers.topologyName",
            "workers.executorsTotal", "workers.assignedMemOnHeap", "workers.assignedMemOffHeap", "workers.assignedCpu",
            "workers.componentNumTasks", "workers.uptime", "workers.uptimeSeconds", "workers.workerLogLink",
            "spouts", "spouts.spoutId", "spouts.executors", "spouts.emitted", "spouts.completeLatency",
            "spouts.transferred", "spouts.tasks", "spouts.lastError", "spouts.errorHost", "spouts.errorPort",
            "spouts.errorTime", "spouts.errorLapsedSecs", "spouts.errorWorkerLogLink", "spouts.acked", "spouts.failed",
            "spouts.requestedMemOnHeap", "spouts.requestedMemOffHeap", "spouts.requestedCpu", "bolts", "bolts.boltId",
            "bolts.capacity", "bolts.processLatency", "bolts.executeLatency", "bolts.executors", "bolts.tasks",
            "bolts.acked", "bolts.failed", "bolts.lastError", "bolts.errorHost", "bolts.errorPort", "bolts.errorTime",
            "bolts.errorLapsedSecs", "bolts.errorWorkerLogLink", "bolts.emitted", "bolts.requestedMemOnHeap",
            "bolts.requestedMemOffHeap", "bolts.requestedCpu", "configuration", "window");

    /** Both kinds of component; then what only a spout's or a bolt's page has. */
    static final List<String> COMPONENT = List.of("user", "id", "encodedId", "name", "executors", "tasks",
            "requestedMemOnHeap", "requestedMemOffHeap", "requestedCpu", "schedulerDisplayResource", "topologyId",
            "topologyStatus", "encodedTopologyId", "window", "componentType", "windowHint", "debug", "samplingPct",
            "profilingAndDebuggingCapable", "profileActionEnabled", "profilerActive", "componentErrors",
            "componentErrors.errorTime", "componentErrors.errorHost", "componentErrors.errorPort",
            "componentErrors.error", "componentErrors.errorLapsedSecs", "componentErrors.errorWorkerLogLink",
            "outputStats", "outputStats.transferred", "outputStats.emitted", "outputStats.stream", "executorStats",
            "executorStats.id", "executorStats.uptime", "executorStats.host", "executorStats.port",
            "executorStats.emitted", "executorStats.transferred", "executorStats.acked", "executorStats.failed");

    static final List<String> SPOUT = List.of("spoutSummary", "spoutSummary.windowPretty", "spoutSummary.window",
            "spoutSummary.emitted", "spoutSummary.completeLatency", "spoutSummary.transferred", "spoutSummary.acked",
            "spoutSummary.failed", "executorStats.completeLatency");

    static final List<String> BOLT = List.of("boltStats", "boltStats.windowPretty", "boltStats.window",
            "boltStats.transferred", "boltStats.processLatency", "boltStats.acked", "boltStats.failed",
            "boltStats.executeLatency", "boltStats.executed", "boltStats.capacity", "inputStats",
            "inputStats.component", "inputStats.encodedComponentId", "inputStats.executeLatency",
            "inputStats.processLatency", "inputStats.executed", "inputStats.acked", "inputStats.failed",
            "inputStats.stream", "executorStats.capacity", "executorStats.executeLatency", "executorStats.executed",
            "executorStats.processLatency");

    static final List<String> ACTION = List.of("topologyOperation", "topologyId", "status");

    static final List<String> ERROR = List.of("error", "errorMessage");
}
