#!/usr/bin/env python3
"""Sums an async-profiler CPU profile of the gateway (collapsed stacks, recorded with 'threads') by component.

Usage: profile-summary.py profile.collapsed [gateway CPU per request in microseconds]

A sample on an event loop (strangler-io-N) goes to the kernel when its leaf frame is a kernel one, else to the
component of its deepest frame that belongs to a known package (JDK frames count for their caller); samples of other
threads go to the JIT, GC or other threads. With the CPU per request, each share is also given in microseconds.
"""
import collections
import re
import sys

COMPONENTS = [
    ('ours: header copies (ProxyHeaders)', ['dev/strangler/gateway/web/ProxyHeaders']),
    ('ours: access log line (AccessLog, BufferedConsoleAppender, Logback)',
     ['dev/strangler/gateway/web/AccessLog', 'dev/strangler/gateway/web/BufferedConsoleAppender', 'ch/qos/logback']),
    ('ours: metrics (RouteMetrics, live and rollout figures, Micrometer)',
     ['dev/strangler/gateway/web/RouteMetrics', 'dev/strangler/gateway/rollout', 'dev/strangler/gateway/dashboard',
      'io/micrometer', 'org/HdrHistogram']),
    ('ours: decision, request id, traceparent',
     ['dev/strangler/gateway/routing', 'dev/strangler/gateway/web/RouteDecision', 'dev/strangler/gateway/web/NettyFacts',
      'dev/strangler/gateway/web/Tracing']),
    ('ours: proxy handler and upstream pool', ['dev/strangler/']),
    ('Reactor Netty server', ['reactor/netty/http/server']),
    ('Reactor Netty client and pool',
     ['reactor/netty/http/client', 'reactor/netty/resources', 'reactor/netty/internal/shaded/reactor/pool']),
    ('Reactor core and Reactor Netty channel operations', ['reactor/netty', 'reactor/core']),
    ('Netty HTTP codec', ['io/netty/handler/codec']),
    ('Netty pipeline, buffers, transport, executor, leak detector', ['io/netty/']),
]


def component(frames):
    if frames[-1].endswith('_[k]'):
        return 'kernel (loopback TCP, epoll, scheduling)'
    for frame in reversed(frames[1:]):
        for name, prefixes in COMPONENTS:
            if frame.startswith(tuple(prefixes)):
                return name
    return 'JVM and JDK, no caller above'


def thread_kind(name):
    if 'Compiler' in name:
        return 'JIT compiler threads'
    if name.startswith(('GC Thread', 'G1 ', 'VM Thread')):
        return 'GC threads and VM operations'
    return 'other threads (access log writer, admin loop, VM)'


def main():
    path = sys.argv[1]
    micros = float(sys.argv[2]) if len(sys.argv) > 2 else None
    counts = collections.Counter()
    total = 0
    for line in open(path):
        stack, samples = line.rstrip('\n').rsplit(' ', 1)
        frames = stack.split(';')
        samples = int(samples)
        total += samples
        thread = re.sub(r' tid=\d+', '', frames[0]).strip('[]')
        if thread.startswith('strangler-io'):
            counts['event loops: ' + component(frames)] += samples
        else:
            counts[thread_kind(thread)] += samples
    print(f'{total} samples')
    for name, samples in counts.most_common():
        share = samples / total
        print(f'  {100 * share:5.1f} %' + (f'  {micros * share:6.1f} µs' if micros else '') + f'  {name}')


if __name__ == '__main__':
    main()
