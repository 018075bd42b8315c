package dev.strangler.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private final MovingClock clock = new MovingClock();
    private final Sessions sessions = new Sessions(clock, new SecureRandom(), Duration.ofMinutes(30), Duration.ofHours(12), 2);

    @Test
    void opens_sessions_with_distinct_unguessable_ids_and_csrf_tokens() {
        Sessions.Session one = sessions.open();
        Sessions.Session two = sessions.open();

        assertThat(one.id()).hasSize(43).isNotEqualTo(two.id()).isNotEqualTo(one.csrfToken());
        assertThat(sessions.find(one.id())).isPresent();
        assertThat(sessions.find("forged")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
        assertThat(one.toString()).doesNotContain(one.id()).doesNotContain(one.csrfToken());
    }

    @Test
    void ends_a_session_unused_for_the_idle_time_but_not_one_in_use() {
        Sessions.Session used = sessions.open();
        Sessions.Session idle = sessions.open();

        clock.advance(Duration.ofMinutes(20));
        sessions.find(used.id());
        clock.advance(Duration.ofMinutes(20));

        assertThat(sessions.find(used.id())).isPresent();
        assertThat(sessions.find(idle.id())).isEmpty();
    }

    @Test
    void ends_every_session_after_its_lifetime_and_on_logout() {
        Sessions.Session kept = sessions.open();
        Sessions.Session closed = sessions.open();
        sessions.close(closed.id());

        for (int i = 0; i < 25; i++) {
            clock.advance(Duration.ofMinutes(29));
            sessions.find(kept.id());
        }

        assertThat(sessions.find(closed.id())).isEmpty();
        assertThat(sessions.find(kept.id())).isEmpty();
    }

    @Test
    void past_the_maximum_ends_the_least_recently_used_session() {
        Sessions.Session oldest = sessions.open();
        clock.advance(Duration.ofSeconds(1));
        Sessions.Session recent = sessions.open();
        clock.advance(Duration.ofSeconds(1));

        Sessions.Session third = sessions.open();

        assertThat(sessions.find(oldest.id())).isEmpty();
        assertThat(sessions.find(recent.id())).isPresent();
        assertThat(sessions.find(third.id())).isPresent();
    }

    @Test
    void accepts_only_the_sessions_own_csrf_token() {
        Sessions.Session one = sessions.open();
        Sessions.Session two = sessions.open();

        assertThat(Sessions.isCsrfToken(one, one.csrfToken())).isTrue();
        assertThat(Sessions.isCsrfToken(one, two.csrfToken())).isFalse();
        assertThat(Sessions.isCsrfToken(one, null)).isFalse();
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
