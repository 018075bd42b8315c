package dev.strangler.analyzer.source.frameworks;

import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.EntryPointKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.parse.Xml;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSR-352 batch jobs ({@code META-INF/batch-jobs/*.xml}): each chunk reader, processor and writer and each batchlet
 * the job names by {@code ref} is an entry point of kind SCHEDULED (trigger {@code batch}, path the job's id), handled
 * by {@code readItem}, {@code processItem}, {@code writeItems} or {@code process} of the {@code @Named} class (or the
 * class named in full) the ref stands for.
 */
final class BatchJobs {
    private static final Map<String, String> HANDLERS = Map.of("reader", "readItem", "processor", "processItem",
            "writer", "writeItems", "batchlet", "process");

    private BatchJobs() {
    }

    static List<EntryPoint> find(TypeIndex index, List<FrameworkDescriptors.Document> jobs, List<Problem> problems) {
        List<EntryPoint> entries = new ArrayList<>();
        if (jobs.isEmpty()) {
            return entries;
        }
        Map<String, IndexedType> named = new HashMap<>();
        for (IndexedType type : index.all()) {
            AnnotationExpr annotation = Annotations.find(type.declaration, "Named");
            if (annotation != null && type.outer == null) {
                List<String> values = Annotations.strings(annotation, "value", index, type);
                named.put(values.isEmpty() ? JsfViews.decapitalise(type.simpleName()) : values.get(0), type);
            }
        }
        for (FrameworkDescriptors.Document job : jobs) {
            String id = job.root().getAttribute("id");
            for (Map.Entry<String, String> handler : new java.util.TreeMap<>(HANDLERS).entrySet()) {
                for (Element artifact : Xml.descendants(job.root(), handler.getKey())) {
                    String ref = artifact.getAttribute("ref").strip();
                    IndexedType type = named.containsKey(ref) ? named.get(ref) : index.get(ref);
                    if (type == null) {
                        problems.add(new Problem(job.path(), Xml.lineOf(job.text(), "\"" + ref + "\""), 0,
                                Severity.WARNING, "batch job " + id + " names " + handler.getKey() + " '" + ref
                                + "', which is no @Named class or class name in the scanned sources; its work is not traced"));
                        continue;
                    }
                    TypeIndex.MethodOwner owner = index.findMethod(type, handler.getValue());
                    entries.add(new EntryPoint(EntryPointKind.SCHEDULED, "batch", "batch", id,
                            new MethodId(ClassName.of(owner == null ? type.name : owner.type().name), handler.getValue()),
                            owner == null ? new SourceLocation(type.scope.path, Trees.line(type.declaration))
                                    : new SourceLocation(owner.type().scope.path, Trees.line(owner.method()))));
                }
            }
        }
        return entries;
    }
}
