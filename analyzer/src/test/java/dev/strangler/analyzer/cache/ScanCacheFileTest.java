package dev.strangler.analyzer.cache;

import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.CodebaseStats;
import dev.strangler.analyzer.core.FrameworkCoverage;
import dev.strangler.analyzer.core.ModelFixtures;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache file on its own: what goes in comes out equal, and damage of any kind is a warning, never a crash. */
class ScanCacheFileTest {
    private static final String HASH = "ab".repeat(16);

    @TempDir
    Path temp;

    @Test
    void a_model_comes_back_equal_with_longTextand_non_ascii_strings() {
        Codebase shop = ModelFixtures.shop();
        String longText = "ß€𝄞".repeat(40_000);
        Codebase model = new Codebase(shop.name(), shop.types(), shop.dependencies(), shop.methods(), shop.entryPoints(),
                shop.entities(), shop.repositories(), shop.tableAccesses(), shop.risks(),
                List.of(new Problem("src/Ünïcode.java", 3, 1, Severity.WARNING, longText)),
                new CodebaseStats(10, 9, 1, Long.MAX_VALUE / 2, 7, 6, 5, 4),
                List.of(new FrameworkCoverage("spring", List.of("pom.xml", "a.xml"), 3)));
        ScanCache cache = ScanCache.in(temp.resolve("c"));
        ScanInputs inputs = inputs(Map.of("a.java", HASH));

        assertThat(cache.store(inputs, model)).isEmpty();
        CacheLookup found = cache.find(inputs);

        assertThat(found).isInstanceOfSatisfying(CacheLookup.Hit.class, hit -> assertThat(hit.codebase()).isEqualTo(model));
        assertThat(found.note()).isEqualTo("cache: 0 of 1 files re-analysed");
    }

    @Test
    void each_kind_of_difference_is_named() {
        ScanCache cache = ScanCache.in(temp.resolve("c"));
        cache.store(inputs(Map.of("a.java", HASH, "b.java", HASH)), ModelFixtures.shop());

        assertThat(cache.find(new ScanInputs("other build", "settings", new TreeMap<>())).note())
                .isEqualTo("cache: full run, written by another build of the analyzer");
        assertThat(cache.find(new ScanInputs("build", "other settings", new TreeMap<>())).note())
                .isEqualTo("cache: full run, the options or the tree's layout changed");
        assertThat(cache.find(inputs(Map.of("a.java", "cd".repeat(16), "c.java", HASH))).note())
                .isEqualTo("cache: full run, 1 file changed, 1 file added, 1 file removed");
    }

    @Test
    void random_damage_without_a_valid_checksum_is_never_trusted() throws IOException {
        ScanCache cache = ScanCache.in(temp.resolve("c"));
        ScanInputs inputs = inputs(Map.of("a.java", HASH));
        cache.store(inputs, ModelFixtures.shop());
        byte[] good = Files.readAllBytes(cache.file());
        Random random = new Random(15);
        for (int i = 0; i < 200; i++) {
            byte[] bad = good.clone();
            bad[random.nextInt(bad.length)] ^= (byte) (1 + random.nextInt(255));
            Files.write(cache.file(), bad);

            CacheLookup found = cache.find(inputs);

            assertThat(found).as("damage %d", i).isInstanceOf(CacheLookup.Miss.class);
            assertThat(found.warnings()).as("damage %d", i).singleElement().asString().contains("ignored");
        }
    }

    @Test
    void the_decoder_survives_random_bytes_behind_a_valid_header() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            byte[] noise = new byte[random.nextInt(400)];
            random.nextBytes(noise);
            BinaryIn in = new BinaryIn(noise, 0, noise.length);
            try {
                CodebaseCodec.read(in);
            } catch (CorruptCacheException | IllegalArgumentException | NullPointerException expected) {
                // refused, as it must be; anything else (an error, another exception) fails the test
            }
        }
    }

    private static ScanInputs inputs(Map<String, String> files) {
        return new ScanInputs("build", "settings", new TreeMap<>(files));
    }
}
