package dev.strangler.analyzer.source.parse;

import com.github.javaparser.JavaToken;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SHA-256 of a parsed file's outline: every token of the file except those inside the braces of method,
 * constructor and initializer bodies, each body standing for its number of lines. Two versions of a file with the
 * same outline declare the same types, members, signatures, annotations, field initializers (constants) and imports,
 * each on the same line; what differs is inside bodies only. Stateless; thread-safe.
 *
 * <p>Must be taken before {@link TreeCompactor} drops the tokens; a tree without tokens gives the hash of
 * {@code fallback} (the whole text), so that any change to the file counts as a change of its outline.
 */
public final class Outline {
    private Outline() {
    }

    public static String hash(CompilationUnit unit, String fallback) {
        Map<JavaToken, JavaToken> bodies = new IdentityHashMap<>();
        TokenRange whole = unit.getTokenRange().orElse(null);
        if (whole == null || !collect(unit.getTypes(), bodies)) {
            return sha256(fallback);
        }
        StringBuilder text = new StringBuilder(4096);
        JavaToken token = whole.getBegin();
        while (token != null) {
            JavaToken bodyEnd = bodies.get(token);
            if (bodyEnd != null) {
                int lines = line(bodyEnd) - line(token);
                text.append("{\u0000").append(lines).append('}');
                token = bodyEnd;
            } else {
                text.append(token.getText()).append('\u0000');
            }
            if (token == whole.getEnd()) {
                break;
            }
            token = token.getNextToken().orElse(null);
        }
        return sha256(text.toString());
    }

    /** Adds each body's first and last token; false when a body has no tokens. */
    private static boolean collect(List<? extends BodyDeclaration<?>> members, Map<JavaToken, JavaToken> bodies) {
        for (BodyDeclaration<?> member : members) {
            Node body = null;
            if (member instanceof MethodDeclaration method) {
                body = method.getBody().orElse(null);
            } else if (member instanceof ConstructorDeclaration constructor) {
                body = constructor.getBody();
            } else if (member instanceof CompactConstructorDeclaration constructor) {
                body = constructor.getBody();
            } else if (member instanceof InitializerDeclaration initializer) {
                body = initializer.getBody();
            } else if (member instanceof TypeDeclaration<?> type) {
                if (!collect(type.getMembers(), bodies)) {
                    return false;
                }
                if (type instanceof EnumDeclaration enumeration) {
                    for (EnumConstantDeclaration constant : enumeration.getEntries()) {
                        if (!collect(constant.getClassBody(), bodies)) {
                            return false;
                        }
                    }
                }
            }
            if (body != null) {
                TokenRange range = body.getTokenRange().orElse(null);
                if (range == null) {
                    return false;
                }
                bodies.put(range.getBegin(), range.getEnd());
            }
        }
        return true;
    }

    private static int line(JavaToken token) {
        return token.getRange().map(range -> range.begin.line).orElse(0);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
