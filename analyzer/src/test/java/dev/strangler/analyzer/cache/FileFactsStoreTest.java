package dev.strangler.analyzer.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-file store on its own: entries come back equal under the same build and context, and never otherwise. */
class FileFactsStoreTest {
    private static final String A = "ab".repeat(16);
    private static final String B = "cd".repeat(16);

    @TempDir
    Path temp;

    @Test
    void entries_come_back_equal_under_the_same_build_and_context() {
        FileFactsStore store = FileFactsStore.in(temp.resolve("c"));

        assertThat(store.store("build", "context", entries(), new TreeSet<>(java.util.Set.of("src/Servlet.java")))).isEmpty();
        FileFactsStore.Loaded loaded = store.load("build", "context");

        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.files()).containsOnlyKeys("src/A.java", "src/Ü.java");
        FileFactsStore.Entry a = loaded.files().get("src/A.java");
        assertThat(a.hash()).isEqualTo(A);
        assertThat(a.outline()).isEqualTo(B);
        assertThat(a.facts()).containsExactly(1, 2, 3);
        assertThat(a.outlineSource()).containsExactly(4, 9, 12, 20);
        assertThat(loaded.files().get("src/Ü.java").outlineSource()).isNull();
        assertThat(loaded.bodiesRead()).containsExactly("src/Servlet.java");
        assertThat(loaded.files().get("src/Ü.java").facts()).isEmpty();
        assertThat(temp.resolve("c/CACHEDIR.TAG")).isRegularFile();
    }

    @Test
    void another_build_or_context_or_no_file_gives_no_entries_and_no_warning() {
        FileFactsStore store = FileFactsStore.in(temp.resolve("c"));
        assertThat(store.load("build", "context").files()).isEmpty();
        store.store("build", "context", entries(), new TreeSet<>(java.util.Set.of("src/Servlet.java")));

        for (FileFactsStore.Loaded loaded : new FileFactsStore.Loaded[]{store.load("other build", "context"),
                store.load("build", "other context")}) {
            assertThat(loaded.files()).isEmpty();
            assertThat(loaded.warnings()).isEmpty();
        }
    }

    @Test
    void random_damage_is_refused_with_a_warning_never_trusted() throws IOException {
        FileFactsStore store = FileFactsStore.in(temp.resolve("c"));
        store.store("build", "context", entries(), new TreeSet<>(java.util.Set.of("src/Servlet.java")));
        byte[] good = Files.readAllBytes(store.file());
        Random random = new Random(15);
        for (int i = 0; i < 200; i++) {
            byte[] bad = good.clone();
            bad[random.nextInt(bad.length)] ^= (byte) (1 + random.nextInt(255));
            Files.write(store.file(), bad);

            FileFactsStore.Loaded loaded = store.load("build", "context");

            assertThat(loaded.files()).as("damage %d", i).isEmpty();
            assertThat(loaded.warnings()).as("damage %d", i).singleElement().asString().contains("ignored");
        }
    }

    @Test
    void an_entry_refuses_a_hash_that_is_not_sha_256() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new FileFactsStore.Entry("abc", B, null, new byte[0]))
                .withMessageContaining("hash must be 32 hex digits, but was 'abc'");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new FileFactsStore.Entry(A, "zz".repeat(16), null, new byte[0]))
                .withMessageContaining("outline must be 32 hex digits");
    }

    private static SortedMap<String, FileFactsStore.Entry> entries() {
        return new TreeMap<>(Map.of("src/A.java", new FileFactsStore.Entry(A, B, new byte[]{4, 9, 12, 20}, new byte[]{1, 2, 3}),
                "src/Ü.java", new FileFactsStore.Entry(B, A, null, new byte[0])));
    }
}
