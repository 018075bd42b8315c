package dev.strangler.analyzer.source.resolve;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;

import java.util.Map;
import java.util.Set;

/**
 * The values of compile-time string expressions in the codebase: literals, concatenations, and constants found
 * through the {@link TypeIndex} (in the type and its outer types, their supertypes, static imports and qualified
 * names). Stateless beyond the index; thread-safe once the index is linked.
 */
final class Constants {
    private final TypeIndex index;

    Constants(TypeIndex index) {
        this.index = index;
    }

    /** The value of a compile-time string expression (literals, constants, concatenation), or null. */
    String evaluateString(Expression expression, IndexedType context, Map<String, Expression> locals) {
        return evaluate(expression, context, locals, 0);
    }

    /**
     * Like {@link #evaluateString}, but parts that are not constant (variables, calls) become {@code ?}, as SQL
     * built by concatenating values usually has a value there; null when no literal is involved at all.
     */
    String evaluateTemplate(Expression expression, IndexedType context, Map<String, Expression> locals) {
        String exact = evaluate(expression, context, locals, 0);
        if (exact != null) {
            return exact;
        }
        if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            String left = evaluateTemplate(binary.getLeft(), context, locals);
            String right = evaluateTemplate(binary.getRight(), context, locals);
            if (left == null && right == null) {
                return null;
            }
            return (left == null ? "?" : left) + (right == null ? "?" : right);
        }
        if (expression instanceof EnclosedExpr enclosed) {
            return evaluateTemplate(enclosed.getInner(), context, locals);
        }
        if (expression instanceof NameExpr name && locals != null && locals.containsKey(name.getNameAsString())) {
            Expression initializer = locals.get(name.getNameAsString());
            return initializer == expression ? null : evaluateTemplate(initializer, context, null);
        }
        return null;
    }

    private String evaluate(Expression expression, IndexedType context, Map<String, Expression> locals, int depth) {
        if (expression == null || depth > 16) {
            return null;
        }
        if (expression instanceof StringLiteralExpr literal) {
            // asString unescapes on every call: most literals have nothing to unescape
            String value = literal.getValue();
            return value.indexOf('\\') < 0 ? value : literal.asString();
        }
        if (expression instanceof TextBlockLiteralExpr block) {
            return block.asString();
        }
        if (expression instanceof CharLiteralExpr character) {
            return character.asChar() + "";
        }
        if (expression instanceof IntegerLiteralExpr integer) {
            return integer.getValue();
        }
        if (expression instanceof EnclosedExpr enclosed) {
            return evaluate(enclosed.getInner(), context, locals, depth + 1);
        }
        if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            String left = evaluate(binary.getLeft(), context, locals, depth + 1);
            String right = evaluate(binary.getRight(), context, locals, depth + 1);
            return left == null || right == null ? null : left + right;
        }
        if (expression instanceof NameExpr name) {
            String identifier = name.getNameAsString();
            if (locals != null && locals.containsKey(identifier)) {
                return evaluate(locals.get(identifier), context, null, depth + 1);
            }
            for (IndexedType current = context; current != null; current = current.outer) {
                Expression constant = constantOf(current, identifier);
                if (constant != null) {
                    return evaluate(constant, current, null, depth + 1);
                }
            }
            if (context != null) {
                String owner = context.scope.staticImports.get(identifier);
                IndexedType type = owner == null ? null : index.get(owner);
                if (type != null && type.constants.containsKey(identifier)) {
                    return evaluate(type.constants.get(identifier), type, null, depth + 1);
                }
            }
            return null;
        }
        if (expression instanceof FieldAccessExpr access && context != null) {
            String scopeName = Annotations.dottedName(access.getScope());
            if (scopeName == null) {
                return null;
            }
            TypeIndex.Resolution owner = index.resolve(scopeName, context, context.scope, Set.of());
            IndexedType type = owner.isCodebase() ? index.get(owner.name()) : null;
            Expression constant = type == null ? null : constantOf(type, access.getNameAsString());
            return constant == null ? null : evaluate(constant, type, null, depth + 1);
        }
        return null;
    }

    private Expression constantOf(IndexedType type, String name) {
        Expression constant = type.constants.get(name);
        if (constant != null) {
            return constant;
        }
        for (IndexedType ancestor : index.ancestors(type)) {
            constant = ancestor.constants.get(name);
            if (constant != null) {
                return constant;
            }
        }
        return null;
    }
}
