import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * cache-check.sh's helper, run as a single-file program on the analyzer's jar (which holds JavaParser):
 *   pick TREE N     prints N Java files of TREE (main sources) spread evenly, each with a string literal in a body
 *   mutate FILE TAG prefixes that literal's value with TAG, in place
 */
@SuppressWarnings("unchecked")
public class MutateLiteral {
    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("pick")) {
            pick(Path.of(args[1]), Integer.parseInt(args[2]));
        } else if (args.length == 3 && args[0].equals("mutate")) {
            mutate(Path.of(args[1]), args[2]);
        } else {
            System.err.println("usage: MutateLiteral pick TREE N | mutate FILE TAG");
            System.exit(2);
        }
    }

    static void pick(Path tree, int count) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(tree)) {
            for (Path file : all.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = file.toString().replace('\\', '/');
                if (!text.contains("/test/") && !text.contains("/tests/") && literal(file).isPresent()) {
                    files.add(file);
                }
            }
        }
        int step = Math.max(1, files.size() / Math.max(1, count));
        for (int i = 0; i < files.size() && i / step < count; i += step) {
            System.out.println(files.get(i));
        }
    }

    static Optional<StringLiteralExpr> literal(Path file) {
        try {
            return StaticJavaParser.parse(file).findAll(StringLiteralExpr.class).stream()
                    .filter(l -> l.findAncestor(BlockStmt.class).isPresent()
                            && (l.findAncestor(MethodDeclaration.class).isPresent()
                                    || l.findAncestor(ConstructorDeclaration.class).isPresent()))
                    .findFirst();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    static void mutate(Path file, String tag) throws Exception {
        StringLiteralExpr literal = literal(file).orElseThrow(() -> new IllegalStateException("no literal in " + file));
        int line = literal.getBegin().orElseThrow().line;
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String quoted = "\"" + literal.getValue() + "\"";
        if (!lines.get(line - 1).contains(quoted)) {
            throw new IllegalStateException("line " + line + " of " + file + " does not hold " + quoted);
        }
        lines.set(line - 1, lines.get(line - 1).replace(quoted, "\"" + tag + literal.getValue() + "\""));
        Files.write(file, lines);
    }
}
