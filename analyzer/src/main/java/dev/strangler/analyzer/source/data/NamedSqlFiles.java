package dev.strangler.analyzer.source.data;

import dev.strangler.analyzer.core.DataAccessOrigin;
import dev.strangler.analyzer.core.SourceLocation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SQL kept by name in {@code .sql} and {@code .properties} files, one {@code Name.key = SQL} entry per
 * logical line (a line ending in {@code \} goes on; {@code #} and {@code !} start comments), as JForum keeps about
 * 270 statements in {@code generic_queries.sql} and overrides some per database in {@code <db>.sql}. Only entries
 * whose value has the shape of an SQL statement count; every variant of a name is kept, since any database may run.
 */
final class NamedSqlFiles {
    private static final Pattern ENTRY = Pattern.compile("^\\s*([A-Za-z_$][\\w$-]*(?:\\.[\\w$-]+)+)\\s*[=:]\\s*(.*)$",
            Pattern.DOTALL);

    private final NamedStatements statements;

    NamedSqlFiles(NamedStatements statements) {
        this.statements = statements;
    }

    /** Reads one file; returns how many named statements it held. */
    int read(String path, String text) {
        int found = 0;
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int first = i;
            StringBuilder logical = new StringBuilder(lines[i].strip());
            while (endsWithContinuation(logical) && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(' ').append(lines[++i].strip());
            }
            String line = logical.toString();
            if (line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            Matcher entry = ENTRY.matcher(line);
            if (entry.matches() && SqlTables.looksLikeSql(entry.group(2))) {
                statements.add(new NamedStatements.Statement(entry.group(1), entry.group(2).strip(),
                        DataAccessOrigin.NAMED_SQL, new SourceLocation(path, first + 1)));
                found++;
            }
        }
        return found;
    }

    private static boolean endsWithContinuation(StringBuilder line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
