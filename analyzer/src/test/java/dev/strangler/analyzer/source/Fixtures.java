package dev.strangler.analyzer.source;

import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.ProgressListener;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Scans the fixture trees under {@code src/test/resources/fixtures}. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String scenario) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + scenario).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Codebase scan(String scenario) {
        return scan(path(scenario));
    }

    static Codebase scan(Path root) {
        return new SourceScanner(new ScanOptions(List.of(), 2)).scan(root, ProgressListener.NONE);
    }

    /** A readable dump of a model, for failure messages and for looking at what a fixture gives. */
    static String dump(Codebase codebase) {
        StringBuilder text = new StringBuilder();
        codebase.types().forEach(t -> text.append("type ").append(t.name()).append(' ').append(t.kind())
                .append(' ').append(t.stereotypes()).append(" loc=").append(t.linesOfCode()).append(' ')
                .append(t.annotations()).append(" super=").append(t.supertypes()).append('\n'));
        codebase.dependencies().forEach(d -> text.append("dep ").append(d.from()).append(" -> ").append(d.to())
                .append(' ').append(d.kind()).append(" w=").append(d.weight()).append(d.guessed() ? " guessed" : "")
                .append('\n'));
        codebase.methods().forEach(m -> text.append("method ").append(m.id()).append(" calls=").append(m.calls())
                .append(" refs=").append(m.references()).append('\n'));
        codebase.entryPoints().forEach(e -> text.append("entry ").append(e).append('\n'));
        codebase.entities().forEach(e -> text.append("entity ").append(e).append('\n'));
        codebase.repositories().forEach(e -> text.append("repo ").append(e).append('\n'));
        codebase.tableAccesses().forEach(e -> text.append("access ").append(e).append('\n'));
        codebase.risks().forEach(e -> text.append("risk ").append(e).append('\n'));
        codebase.problems().forEach(e -> text.append("problem ").append(e.toCompilerStyle()).append('\n'));
        text.append(codebase.stats()).append('\n');
        return text.toString();
    }
}
