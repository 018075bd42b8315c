package dev.strangler.analyzer.source.frameworks;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.EntryPointKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Java EE / Jakarta WebSocket endpoints: a {@code @ServerEndpoint("/path")} class is reached by an HTTP upgrade
 * ({@code GET}) at its path; each {@code @OnOpen}, {@code @OnMessage}, {@code @OnClose} and {@code @OnError} method
 * handles it (framework {@code websocket}).
 */
final class WebSocketEndpoints {
    private static final Map<String, Boolean> LIFECYCLE = Map.of("OnOpen", true, "OnMessage", true, "OnClose", true,
            "OnError", true);

    private WebSocketEndpoints() {
    }

    static List<EntryPoint> find(TypeIndex index, IndexedType type) {
        List<EntryPoint> entries = new ArrayList<>();
        AnnotationExpr endpoint = Annotations.find(type.declaration, "ServerEndpoint");
        if (endpoint == null) {
            return entries;
        }
        List<String> values = Annotations.strings(endpoint, "value", index, type);
        String path = EntryPoints.normalizePath(values.isEmpty() ? "" : values.get(0));
        for (MethodDeclaration method : type.declaration.getMethods()) {
            if (method.getAnnotations().stream().anyMatch(a -> LIFECYCLE.containsKey(Annotations.simpleName(a)))) {
                entries.add(new EntryPoint(EntryPointKind.HTTP, "websocket", "GET", path,
                        new MethodId(ClassName.of(type.name), method.getNameAsString()),
                        new SourceLocation(type.scope.path, Trees.line(method))));
            }
        }
        return entries;
    }
}
