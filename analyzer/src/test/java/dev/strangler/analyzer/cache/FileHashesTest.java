package dev.strangler.analyzer.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The kept hashes on their own: a hash is taken back only for the same size and time, never for a racy file. */
class FileHashesTest {
    private static final String A = "ab".repeat(16);
    private static final long BEGAN = TimeUnit.SECONDS.toNanos(1_800_000_000L);
    private static final long LONG_BEFORE = BEGAN - TimeUnit.HOURS.toNanos(1);

    @TempDir
    Path temp;

    @Test
    void a_hash_comes_back_for_the_same_size_and_modification_time_only() {
        FileHashes hashes = FileHashes.in(temp.resolve("c"));
        assertThat(hashes.store(BEGAN, new TreeMap<>(Map.of("src/Ü.java", new FileHashes.Hashed(120, LONG_BEFORE, A)))))
                .isEmpty();

        FileHashes.Known known = hashes.load();

        assertThat(known.warnings()).isEmpty();
        assertThat(known.hashOf("src/Ü.java", 120, LONG_BEFORE)).isEqualTo(A);
        assertThat(known.hashOf("src/Ü.java", 121, LONG_BEFORE)).as("another size").isNull();
        assertThat(known.hashOf("src/Ü.java", 120, LONG_BEFORE + 1)).as("another time").isNull();
        assertThat(known.hashOf("src/Other.java", 120, LONG_BEFORE)).as("another file").isNull();
    }

    @Test
    void a_file_modified_within_two_seconds_before_the_hashing_began_is_hashed_again() {
        long racy = BEGAN - FileHashes.RACY_NANOS;
        FileHashes hashes = FileHashes.in(temp.resolve("c"));
        hashes.store(BEGAN, new TreeMap<>(Map.of("a", new FileHashes.Hashed(1, racy, A),
                "b", new FileHashes.Hashed(1, racy - 1, A))));

        FileHashes.Known known = hashes.load();

        assertThat(known.hashOf("a", 1, racy)).isNull();
        assertThat(known.hashOf("b", 1, racy - 1)).isEqualTo(A);
    }

    @Test
    void no_file_gives_nothing_and_no_warning() {
        FileHashes.Known known = FileHashes.in(temp.resolve("none")).load();

        assertThat(known.files()).isEmpty();
        assertThat(known.warnings()).isEmpty();
    }

    @Test
    void random_damage_is_refused_with_a_warning_never_trusted() throws IOException {
        FileHashes hashes = FileHashes.in(temp.resolve("c"));
        hashes.store(BEGAN, new TreeMap<>(Map.of("a", new FileHashes.Hashed(1, LONG_BEFORE, A))));
        byte[] good = Files.readAllBytes(hashes.file());
        Random random = new Random(15);
        for (int i = 0; i < 200; i++) {
            byte[] bad = good.clone();
            bad[random.nextInt(bad.length)] ^= (byte) (1 + random.nextInt(255));
            Files.write(hashes.file(), bad);

            FileHashes.Known known = hashes.load();

            assertThat(known.files()).as("damage %d", i).isEmpty();
            assertThat(known.warnings()).as("damage %d", i).singleElement().asString().contains("ignored");
        }
    }

    @Test
    void a_hash_that_is_not_sha_256_or_a_negative_size_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FileHashes.Hashed(1, 0, "abc"))
                .withMessageContaining("32 hex digits");
        assertThatIllegalArgumentException().isThrownBy(() -> new FileHashes.Hashed(-1, 0, A))
                .withMessageContaining("0 or more");
    }
}
