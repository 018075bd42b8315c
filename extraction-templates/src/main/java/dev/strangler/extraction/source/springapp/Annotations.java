package dev.strangler.extraction.source.springapp;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads annotation members as written: string literals unquoted, {@code HttpStatus.CREATED} as {@code CREATED}. */
final class Annotations {

    private Annotations() {
    }

    /** The member's value; {@code value} also answers for a single-member annotation. */
    static Optional<String> member(AnnotationExpr annotation, String name) {
        return members(annotation, name).stream().findFirst();
    }

    /** Every value of a member that may be an array: {@code method = {GET, POST}}. */
    static List<String> members(AnnotationExpr annotation, String name) {
        Optional<Expression> expression = Optional.empty();
        if (annotation.isSingleMemberAnnotationExpr() && name.equals("value")) {
            expression = Optional.of(annotation.asSingleMemberAnnotationExpr().getMemberValue());
        } else if (annotation.isNormalAnnotationExpr()) {
            expression = annotation.asNormalAnnotationExpr().getPairs().stream()
                    .filter(p -> p.getNameAsString().equals(name)).map(MemberValuePair::getValue).findFirst();
        }
        List<String> values = new ArrayList<>();
        expression.ifPresent(e -> {
            if (e instanceof ArrayInitializerExpr array) {
                array.getValues().forEach(v -> values.add(text(v)));
            } else {
                values.add(text(e));
            }
        });
        return values;
    }

    private static String text(Expression e) {
        if (e.isStringLiteralExpr()) {
            return e.asStringLiteralExpr().asString();
        }
        if (e.isFieldAccessExpr()) {
            return e.asFieldAccessExpr().getNameAsString();
        }
        if (e.isNameExpr()) {
            return e.asNameExpr().getNameAsString();
        }
        if (e.isBinaryExpr() && e.asBinaryExpr().getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.PLUS) {
            return text(e.asBinaryExpr().getLeft()) + text(e.asBinaryExpr().getRight());
        }
        return e.toString();
    }
}
