#!/usr/bin/env python3
"""Trident's cost model from the bench's flight recordings (docs/benchmark.md, "Trident's cost model").

Usage: bench/tools/trident-cost-fit.py work/bench-profiles/bench-trident-*-RUN-*.jfr   (leave out the *-jit.jfr ones)

For each recording: batches/s and records/s from logriver's batch events, each thread's CPU from jdk.ThreadCPULoad
(in cores of a 2-core machine: set CORES otherwise). Then, per thread group, a least-squares fit of
cores = idle + per_batch * batches/s + per_record * records/s. Needs the JDK's `jfr` tool on the PATH.
"""
import collections, json, re, subprocess, sys

CORES = 2
EVENTS = 'jdk.ThreadCPULoad,jdk.CPULoad,logriver.TridentEmit'


def group(thread):
    t = re.sub(r'^Thread-\d+-', '', thread or '?')
    t = re.sub(r'\[\d+, \d+\]', '', t)
    if t.startswith('$spoutcoord') or t.startswith('$mastercoord-bg0-executor'):
        return 'coordinators'
    if t in ('SyncThread:0', 'NIOWorkerThread') or 'SendThread' in t or 'EventThread' in t or 'NIOServerCxn' in t:
        return 'ZooKeeper'
    if t.startswith('C1 ') or t.startswith('C2 '):
        return 'JIT'
    m = re.match(r'^(b-\d+)-', t)
    if m:
        return m.group(1)
    if t.startswith('spout-'):
        return 'spout ' + ('weblogs' if t.endswith('weblogs-executor') else 'sessions')
    if t.endswith('-executor'):
        return t
    return 'other'


def point(path):
    out = subprocess.run(['jfr', 'print', '--json', '--events', EVENTS, path], capture_output=True, text=True,
                         check=True).stdout
    cpu, loads, records = collections.Counter(), 0, collections.Counter()
    for e in json.loads(out)['recording']['events']:
        v = e['values']
        if e['type'] == 'jdk.CPULoad':
            loads += 1
            cpu['JVM'] += v['jvmUser'] + v['jvmSystem']
        elif e['type'] == 'jdk.ThreadCPULoad':
            cpu[group(v['eventThread']['javaName'])] += v['user'] + v['system']
        elif e['type'] == 'logriver.TridentEmit':
            records[v['txid']] += v['records']
    loads = max(1, loads)  # one CPU load event a second
    cores = {k: CORES * c / loads for k, c in cpu.items()}
    cores['executors'] = sum(c for k, c in cores.items() if k.startswith('b-') or k.startswith('spout ')
                             or k == 'coordinators' or k.endswith('-executor'))
    return cores, len(records) / loads, sum(records.values()) / loads


def fit(points):
    """Least squares of c on (1, batches/s, thousands of records/s)."""
    xs = [(1.0, b, r / 1000.0) for b, r, _ in points]
    a = [[sum(x[p] * x[q] for x in xs) for q in range(3)] + [sum(x[p] * c for x, (_, _, c) in zip(xs, points))]
         for p in range(3)]
    for i in range(3):
        k = max(range(i, 3), key=lambda j: abs(a[j][i]))
        a[i], a[k] = a[k], a[i]
        for j in range(3):
            if j != i:
                f = a[j][i] / a[i][i]
                a[j] = [a[j][n] - f * a[i][n] for n in range(4)]
    return [a[i][3] / a[i][i] for i in range(3)]


def main(paths):
    rows = []
    for path in paths:
        cores, batches, records = point(path)
        rows.append((cores, batches, records))
        print(f'{path}: {batches:.1f} batches/s, {records:,.0f} records/s, executors {cores["executors"]:.3f} cores')
    if len(rows) < 4:
        sys.exit('need at least four points (several rates and batch settings) to fit three terms')
    print(f'\n{"thread group":28} {"idle cores":>10} {"ms CPU per batch":>17} {"µs CPU per record":>18}')
    for g in sorted({k for c, _, _ in rows for k in c}, key=lambda k: -max(c.get(k, 0) for c, _, _ in rows)):
        idle, per_batch, per_krecord = fit([(b, r, c.get(g, 0.0)) for c, b, r in rows])
        print(f'{g:28} {idle:10.3f} {1000 * per_batch:17.2f} {1000 * per_krecord:18.2f}')


if __name__ == '__main__':
    main(sys.argv[1:])
