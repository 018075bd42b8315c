package dev.strangler.analyzer.source.frameworks;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.strangler.analyzer.core.EntryPointKind;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Work that starts without a request in one type: scheduled methods (Spring's {@code @Scheduled}, EJB's
 * {@code @Schedule}), message and event listeners, jobs scheduled by hand on a {@code Timer} or an executor, Quartz
 * jobs and message-driven beans.
 */
final class BackgroundEntryPoints {
    private static final Map<String, String[]> LISTENERS = Map.of("JmsListener", new String[]{"jms", "destination"},
            "KafkaListener", new String[]{"kafka", "topics"}, "RabbitListener", new String[]{"rabbit", "queues"},
            "SqsListener", new String[]{"sqs", "value"}, "StreamListener", new String[]{"stream", "value"},
            "EventListener", new String[]{"event", "classes"},
            "TransactionalEventListener", new String[]{"event", "classes"});
    private static final Set<String> TIMER_METHODS = Set.of("schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay");
    private static final String[] TRIGGERS = {"cron", "fixedRate", "fixedRateString", "fixedDelay", "fixedDelayString",
        "hour", "minute"};

    private final TypeIndex index;
    private final IndexedType type;
    private final FoundEntryPoints found;
    private final String job;

    BackgroundEntryPoints(TypeIndex index, IndexedType type, FoundEntryPoints found) {
        this.index = index;
        this.type = type;
        this.found = found;
        this.job = type.simpleName();
    }

    void find() {
        for (MethodDeclaration method : type.declaration.getMethods()) {
            scheduled(method);
            listeners(method);
        }
        timers();
        Set<String> supertypes = index.supertypeNames(type);
        if (supertypes.contains("org.quartz.Job") || supertypes.contains("Job") && type.scope.importsFrom("org.quartz")) {
            type.methods.getOrDefault("execute", List.of()).stream().findFirst()
                    .ifPresent(method -> found.add(EntryPointKind.SCHEDULED, "quartz", "quartz", job + ".execute", method));
        }
        if (supertypes.contains("MessageListener") && Annotations.has(type.declaration, "MessageDriven")) {
            type.methods.getOrDefault("onMessage", List.of()).stream().findFirst()
                    .ifPresent(method -> found.add(EntryPointKind.MESSAGE, "ejb", "jms", job + ".onMessage", method));
        }
    }

    private void scheduled(MethodDeclaration method) {
        AnnotationExpr scheduled = Annotations.find(method, "Scheduled", "Schedule", "Schedules");
        if (scheduled == null) {
            return;
        }
        String trigger = "scheduled";
        for (String attribute : TRIGGERS) {
            if (Annotations.attribute(scheduled, attribute) != null) {
                trigger = attribute.replace("String", "");
                break;
            }
        }
        found.add(EntryPointKind.SCHEDULED, Annotations.simpleName(scheduled).equals("Scheduled") ? "spring" : "ejb",
                trigger, job + "." + method.getNameAsString(), method);
    }

    private void listeners(MethodDeclaration method) {
        String name = job + "." + method.getNameAsString();
        for (AnnotationExpr annotation : method.getAnnotations()) {
            String[] listener = LISTENERS.get(Annotations.simpleName(annotation));
            if (listener == null) {
                continue;
            }
            List<String> destinations = Annotations.strings(annotation, listener[1], index, type);
            String path;
            if (listener[0].equals("event")) {
                path = method.getParameters().isEmpty() ? name : method.getParameter(0).getType().asString();
            } else {
                path = destinations.isEmpty() ? name : String.join(",", destinations);
            }
            found.add(EntryPointKind.MESSAGE, "spring", listener[0], path, method);
        }
    }

    /** A job scheduled by hand (Timer, ScheduledExecutorService): its task's code counts for the scheduling method. */
    private void timers() {
        boolean mayUseTimers = type.scope.importsFrom("java.util.Timer") || type.scope.importsFrom("java.util.concurrent")
                || type.scope.wildcardImports.contains("java.util") || type.scope.importsFrom("org.springframework.scheduling");
        if (!mayUseTimers) {
            return;
        }
        for (MethodDeclaration method : type.declaration.getMethods()) {
            boolean schedules = Trees.findAll(method, MethodCallExpr.class).stream()
                    .anyMatch(call -> TIMER_METHODS.contains(call.getNameAsString()) && call.getScope().isPresent()
                            && call.getArguments().size() >= 2);
            if (schedules && Annotations.find(method, "Scheduled", "Schedule") == null) {
                found.add(EntryPointKind.SCHEDULED, "timer", "timer", job + "." + method.getNameAsString(), method);
            }
        }
    }
}
