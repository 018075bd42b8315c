package dev.strangler.gateway.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.DomainSocketChannel;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SharedEventLoopsTest {

    @Test
    @SuppressWarnings("deprecation")
    void nio_loops_are_single_thread_groups_the_sdk_knows_and_are_handed_out_in_turn() throws Exception {
        try (SharedEventLoops loops = SharedEventLoops.create("nio-test", 3, false)) {
            assertThat(loops.isEpoll()).isFalse();
            assertThat(loops.lanes()).hasSize(3).allMatch(lane -> lane instanceof NioEventLoopGroup);
            EventLoopGroup workers = loops.onServer(true);
            Set<EventLoop> handedOut = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                handedOut.add(workers.next());
            }
            assertThat(handedOut).hasSize(3);
            assertThat(loops.lanes().get(1).next().submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS))
                    .isEqualTo("nio-test-2");
            assertThat(loops.onChannelClass(SocketChannel.class, workers)).isEqualTo(NioSocketChannel.class);
            assertThat(loops.onChannelClass(ServerSocketChannel.class, workers)).isEqualTo(NioServerSocketChannel.class);
            assertThat(loops.onChannelClass(DatagramChannel.class, workers)).isEqualTo(NioDatagramChannel.class);
            assertThat(loops.socketChannels().newChannel()).isInstanceOf(NioSocketChannel.class);
            assertThatThrownBy(() -> loops.onChannelClass(DomainSocketChannel.class, workers))
                    .hasMessageContaining("NIO event loops have no DomainSocketChannel");
            assertThat(loops.isDisposed()).isFalse();
            loops.close();
            assertThat(loops.isDisposed()).isTrue();
            assertThat(loops.lanes()).allMatch(EventLoopGroup::isTerminated);
        }
    }

    @Test
    void epoll_loops_make_epoll_channels_where_the_native_transport_loads() {
        try (SharedEventLoops loops = SharedEventLoops.create("epoll-test", 1)) {
            assertThat(loops.isEpoll()).isEqualTo(Epoll.isAvailable());
            if (loops.isEpoll()) {
                EventLoopGroup workers = loops.onServer(true);
                assertThat(loops.onChannelClass(SocketChannel.class, workers)).isEqualTo(EpollSocketChannel.class);
                assertThat(loops.onChannelClass(ServerSocketChannel.class, workers)).isEqualTo(EpollServerSocketChannel.class);
            }
        }
    }

    @Test
    void refuses_no_threads() {
        assertThatThrownBy(() -> SharedEventLoops.create("none", 0)).hasMessageContaining("at least 1");
    }
}
