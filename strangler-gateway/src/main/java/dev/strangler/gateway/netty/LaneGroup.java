package dev.strangler.gateway.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.AbstractEventExecutorGroup;
import io.netty.util.concurrent.DefaultPromise;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.Promise;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Single-thread event loop groups presented as one group: new channels go to the loops in turn, and shutting it down
 * shuts them all down.
 */
final class LaneGroup extends AbstractEventExecutorGroup implements EventLoopGroup {

    private final List<EventLoopGroup> lanes;
    private final EventLoop[] loops;
    private final List<EventExecutor> executors;
    private final AtomicInteger nextIndex = new AtomicInteger();
    private final Promise<Void> terminated = new DefaultPromise<>(GlobalEventExecutor.INSTANCE);

    LaneGroup(List<EventLoopGroup> lanes) {
        this.lanes = List.copyOf(lanes);
        this.loops = new EventLoop[lanes.size()];
        for (int i = 0; i < loops.length; i++) {
            loops[i] = lanes.get(i).next();
        }
        this.executors = List.of(loops);
        AtomicInteger running = new AtomicInteger(lanes.size());
        for (EventLoopGroup lane : lanes) {
            lane.terminationFuture().addListener(f -> {
                if (running.decrementAndGet() == 0) {
                    terminated.trySuccess(null);
                }
            });
        }
    }

    @Override
    public EventLoop next() {
        return loops[Math.floorMod(nextIndex.getAndIncrement(), loops.length)];
    }

    @Override
    public Iterator<EventExecutor> iterator() {
        return executors.iterator();
    }

    @Override
    public ChannelFuture register(Channel channel) {
        return next().register(channel);
    }

    @Override
    public ChannelFuture register(ChannelPromise promise) {
        return next().register(promise);
    }

    @Override
    @Deprecated
    public ChannelFuture register(Channel channel, ChannelPromise promise) {
        return next().register(channel, promise);
    }

    @Override
    public boolean isShuttingDown() {
        return lanes.stream().allMatch(EventLoopGroup::isShuttingDown);
    }

    @Override
    public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
        for (EventLoopGroup lane : lanes) {
            lane.shutdownGracefully(quietPeriod, timeout, unit);
        }
        return terminated;
    }

    @Override
    public Future<?> terminationFuture() {
        return terminated;
    }

    @Override
    @Deprecated
    public void shutdown() {
        lanes.forEach(EventLoopGroup::shutdown);
    }

    @Override
    public boolean isShutdown() {
        return lanes.stream().allMatch(EventLoopGroup::isShutdown);
    }

    @Override
    public boolean isTerminated() {
        return lanes.stream().allMatch(EventLoopGroup::isTerminated);
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (EventLoopGroup lane : lanes) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !lane.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "LaneGroup(" + loops.length + " loops)";
    }
}
