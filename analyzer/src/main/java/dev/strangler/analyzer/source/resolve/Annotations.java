package dev.strangler.analyzer.source.resolve;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reading annotations by simple name, as frameworks are recognised whether or not their jars are on the classpath. */
public final class Annotations {
    private Annotations() {
    }

    public static String simpleName(AnnotationExpr annotation) {
        String name = annotation.getNameAsString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    public static AnnotationExpr find(NodeWithAnnotations<?> node, String... simpleNames) {
        for (AnnotationExpr annotation : node.getAnnotations()) {
            String name = simpleName(annotation);
            for (String wanted : simpleNames) {
                if (name.equals(wanted)) {
                    return annotation;
                }
            }
        }
        return null;
    }

    public static boolean has(NodeWithAnnotations<?> node, String... simpleNames) {
        return find(node, simpleNames) != null;
    }

    static boolean hasAny(NodeWithAnnotations<?> node, Set<String> simpleNames) {
        for (AnnotationExpr annotation : node.getAnnotations()) {
            if (simpleNames.contains(simpleName(annotation))) {
                return true;
            }
        }
        return false;
    }

    /** The expression given for {@code attribute} ({@code value} also matches a single-member annotation), or null. */
    public static Expression attribute(AnnotationExpr annotation, String attribute) {
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            return attribute.equals("value") ? single.getMemberValue() : null;
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair pair : normal.getPairs()) {
                if (pair.getNameAsString().equals(attribute)) {
                    return pair.getValue();
                }
            }
        }
        return null;
    }

    /** An attribute's values as strings, one per array element; constants are evaluated through the index. */
    public static List<String> strings(AnnotationExpr annotation, String attribute, TypeIndex index, IndexedType context) {
        Expression value = attribute(annotation, attribute);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        List<Expression> elements = value instanceof ArrayInitializerExpr array ? array.getValues() : List.of(value);
        for (Expression element : elements) {
            String text = index.evaluateString(element, context, null);
            if (text != null) {
                result.add(text);
            }
        }
        return result;
    }

    /** The first of the attributes that has values. */
    public static List<String> firstStrings(AnnotationExpr annotation, TypeIndex index, IndexedType context, String... attributes) {
        for (String attribute : attributes) {
            List<String> values = strings(annotation, attribute, index, context);
            if (!values.isEmpty()) {
                return values;
            }
        }
        return List.of();
    }

    /** Enum constants named in an attribute ({@code RequestMethod.GET} → {@code GET}), one per array element. */
    public static List<String> enumNames(AnnotationExpr annotation, String attribute) {
        Expression value = attribute(annotation, attribute);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        List<Expression> elements = value instanceof ArrayInitializerExpr array ? array.getValues() : List.of(value);
        for (Expression element : elements) {
            if (element instanceof FieldAccessExpr access) {
                result.add(access.getNameAsString());
            } else if (element instanceof NameExpr name) {
                result.add(name.getNameAsString());
            }
        }
        return result;
    }

    /**
     * The dotted name an expression spells ({@code a.b.C} for nested field accesses on a name), or null for any
     * other expression; cheaper than {@code toString()}, which pretty-prints.
     */
    static String dottedName(Expression expression) {
        if (expression instanceof NameExpr name) {
            return name.getNameAsString();
        }
        if (expression instanceof FieldAccessExpr access) {
            String scope = dottedName(access.getScope());
            return scope == null ? null : scope + "." + access.getNameAsString();
        }
        return null;
    }

    /** The last segment of a name, field access or call ({@code Files} for {@code java.nio.file.Files}), or "". */
    public static String lastName(Expression expression) {
        if (expression instanceof NameExpr name) {
            return name.getNameAsString();
        }
        if (expression instanceof FieldAccessExpr access) {
            return access.getNameAsString();
        }
        if (expression instanceof com.github.javaparser.ast.expr.MethodCallExpr call) {
            return call.getNameAsString();
        }
        return "";
    }

    public static boolean isTrue(AnnotationExpr annotation, String attribute) {
        Expression value = attribute(annotation, attribute);
        return value != null && value.isBooleanLiteralExpr() && value.asBooleanLiteralExpr().getValue();
    }
}
