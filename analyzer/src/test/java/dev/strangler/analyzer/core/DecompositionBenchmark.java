package dev.strangler.analyzer.core;

import dev.strangler.analyzer.report.JsonReportWriter;
import dev.strangler.analyzer.report.MarkdownReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.Locale;
import java.util.Random;

/**
 * A recorded benchmark, not a timed test: decomposition and report writing (everything after scanning) on a
 * generated model of 3 000 classes in 40 areas with 1 000 routes. Run it with
 * {@code ./mvnw -o -pl analyzer test -Dtest=DecompositionBenchmark -Dbenchmark=true} and read the figures on stdout.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DecompositionBenchmark {
    @Test
    void decomposes_a_generated_model_of_3000_classes() {
        Codebase codebase = generated(40, 75, 25);

        long start = System.nanoTime();
        Decomposition decomposition = new Decomposer().decompose(codebase, DecompositionOptions.defaults(),
                ProgressListener.NONE);
        long decomposed = System.nanoTime();
        String json = new JsonReportWriter().render(decomposition);
        String markdown = new MarkdownReportWriter().render(decomposition);
        long rendered = System.nanoTime();

        System.out.printf(Locale.ROOT, "decomposition benchmark: %d classes, %d dependencies, %d routes: decompose %d ms, "
                        + "render %d ms (JSON %d kB, Markdown %d kB), %d services%n", codebase.types().size(),
                codebase.dependencies().size(), codebase.entryPoints().size(), (decomposed - start) / 1_000_000,
                (rendered - decomposed) / 1_000_000, json.length() / 1000, markdown.length() / 1000,
                decomposition.services().size());
    }

    /** Areas of classes calling each other, 90 % of calls inside their own area; seeded, so always the same model. */
    static Codebase generated(int areas, int classesPerArea, int routesPerArea) {
        ModelBuilder m = new ModelBuilder("generated", "p");
        Random random = new Random(1);
        for (int a = 0; a < areas; a++) {
            for (int i = 0; i < classesPerArea; i++) {
                m.type("a" + a + ".C" + i, i == 0 ? Stereotype.ENTRY_POINT : Stereotype.SERVICE);
            }
            m.entity("a" + a + ".C1", "t" + a);
        }
        for (int a = 0; a < areas; a++) {
            for (int i = 0; i < classesPerArea; i++) {
                for (int k = 0; k < 6; k++) {
                    int target = random.nextInt(10) < 9 ? a : random.nextInt(areas);
                    m.call("a" + a + ".C" + i + "#m" + k,
                            "a" + target + ".C" + random.nextInt(classesPerArea) + "#m" + random.nextInt(6));
                }
            }
            for (int r = 0; r < routesPerArea; r++) {
                m.route("GET", "/a" + a + "/r" + r, "a" + a + ".C0#m" + (r % 6));
            }
        }
        return m.build();
    }
}
