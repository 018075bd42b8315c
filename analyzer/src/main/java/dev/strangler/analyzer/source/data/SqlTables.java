package dev.strangler.analyzer.source.data;

import dev.strangler.analyzer.core.AccessMode;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.util.TablesNamesFinder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tables an SQL statement reads and writes, parsed with JSqlParser; statements it cannot parse (vendor dialects,
 * JPQL it does not know) go through a keyword scan of FROM, JOIN, INTO and UPDATE instead. Thread-safe; results
 * are cached by statement text because the same SQL constant is often used many times.
 */
public final class SqlTables {
    /** The shape of a statement, not only its first word: "Update Profile" and "update.profile" are not SQL. */
    private static final Pattern LOOKS_LIKE_SQL = Pattern.compile("^\\s*(?:select\\s.*\\sfrom\\s.*"
            + "|insert\\s+into\\s.*|update\\s+\\S+\\s+(?:\\w+\\s+)?set\\s.*|delete\\s+from\\s.*|merge\\s+into\\s.*"
            + "|with\\s.*\\sselect\\s.*|upsert\\s.*|replace\\s+into\\s.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern READ_KEYWORDS = Pattern.compile(
            "\\b(?:from|join)\\s+([A-Za-z_][\\w$]*(?:\\.[A-Za-z_][\\w$]*)?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern WRITE_KEYWORDS = Pattern.compile(
            "\\b(?:insert\\s+into|update|delete\\s+from|merge\\s+into|replace\\s+into)\\s+([A-Za-z_][\\w$]*(?:\\.[A-Za-z_][\\w$]*)?)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_TABLES = Set.of("select", "set", "where", "dual", "lateral", "unnest", "table",
            "fetch", "only");
    /** MyBatis {@code #{x}} and {@code ${x}}, and the {@code :name:} lists some applications fill in themselves. */
    private static final Pattern PARAMETER = Pattern.compile("[#$]\\{[^}]*}|(?<![:\\w]):[A-Za-z_]\\w*:(?![:\\w])");
    /**
     * A table name computed at run time where a table is named: {@code ?} (a part that is not constant) or a
     * {@code String.format} placeholder ({@code %s}, {@code %1$s}).
     */
    private static final Pattern RUNTIME_TABLE = Pattern.compile(
            "\\b(from|join|into|update|table)(\\s+)(?:\\?|%(?:\\d+\\$)?s)(?=[\\s,;)]|$)", Pattern.CASE_INSENSITIVE);
    private static final String RUNTIME_NAME = "strangler_runtime_table";

    /**
     * @param tables table (as written) → strongest access; WRITE wins over READ
     * @param parsed whether JSqlParser understood the statement
     * @param runtimeTable whether a table is named by a value computed at run time, which no table here stands for
     */
    public record Result(Map<String, AccessMode> tables, boolean parsed, boolean runtimeTable) {
        Result(Map<String, AccessMode> tables, boolean parsed) {
            this(tables, parsed, false);
        }
    }

    /** Statements of the common shapes, to run the parser through its usual paths once before the analysis. */
    private static final List<String> WARM_UP = List.of(
            "select a.id, b.name from orders a join lines b on a.id = b.order_id where a.state = ? order by 1",
            "select o from Order o where o.customer.id = :id and o.total > 10",
            "insert into orders (id, state) values (?, 'NEW')", "update orders set state = ? where id in (?, ?)",
            "delete from orders where id = ? and not exists (select 1 from lines l where l.order_id = orders.id)");

    private final Map<String, Result> cache = new ConcurrentHashMap<>();

    /**
     * Loads the SQL parser and runs it over a few statements on a daemon thread of its own, and returns at once: in a
     * JVM that just started, loading the parser and its first statements cost tens of milliseconds of CPU, later
     * statements well under one. For a caller with a core to spare before the statements come (between the passes
     * of a scan); nothing it does changes a result.
     */
    public static void prepare() {
        Thread thread = new Thread(() -> WARM_UP.forEach(statement -> parse(statement, false)), "sql-parser-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    public static boolean looksLikeSql(String text) {
        return text != null && text.length() >= 10 && LOOKS_LIKE_SQL.matcher(text).matches();
    }

    public Result tables(String sql) {
        String key = PARAMETER.matcher(sql.strip()).replaceAll("?");
        Result cached = cache.get(key);
        if (cached == null) {
            cached = parse(key);
            cache.put(key, cached);
        }
        return cached;
    }

    private static Result parse(String sql) {
        // a table name computed at run time is parsed as a stand-in name, which is then left out
        String text = RUNTIME_TABLE.matcher(sql).replaceAll("$1$2" + RUNTIME_NAME);
        // simple parsing first: several times faster, and enough for most statements; complex parsing as a retry
        Result simple = parse(text, false);
        Result result = simple.parsed() ? simple : parse(text, true);
        if (text.equals(sql)) {
            return result;
        }
        Map<String, AccessMode> tables = new TreeMap<>(result.tables());
        tables.keySet().removeIf(table -> table.equalsIgnoreCase(RUNTIME_NAME)
                || table.toLowerCase(Locale.ROOT).endsWith("." + RUNTIME_NAME));
        return new Result(tables, result.parsed(), true);
    }

    private static Result parse(String sql, boolean complex) {
        try {
            CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(complex);
            // Statements() rather than Statement(): it fails on trailing text instead of ignoring it
            List<Statement> statements = parser.Statements();
            if (statements.isEmpty()) {
                return scan(sql);
            }
            Map<String, AccessMode> tables = new TreeMap<>();
            for (Statement statement : statements) {
                for (String table : new TablesNamesFinder<Void>().getTables(statement)) {
                    tables.putIfAbsent(table, AccessMode.READ);
                }
                for (Table written : writtenTables(statement)) {
                    tables.put(written.getFullyQualifiedName(), AccessMode.WRITE);
                }
            }
            tables.keySet().removeIf(table -> table.equalsIgnoreCase("dual")); // Oracle's one-row pseudo table
            return new Result(tables, true);
        } catch (Exception | StackOverflowError e) {
            return scan(sql);
        }
    }

    private static List<Table> writtenTables(Statement statement) {
        List<Table> written = new ArrayList<>();
        if (statement instanceof Insert insert) {
            written.add(insert.getTable());
        } else if (statement instanceof Update update) {
            written.add(update.getTable());
        } else if (statement instanceof Delete delete) {
            if (delete.getTable() != null) {
                written.add(delete.getTable());
            }
        } else if (statement instanceof Merge merge) {
            written.add(merge.getTable());
        } else if (statement instanceof Upsert upsert) {
            written.add(upsert.getTable());
        }
        written.removeIf(table -> table == null);
        return written;
    }

    /** The keyword scan used when the parser gives up. */
    static Result scan(String sql) {
        Map<String, AccessMode> tables = new TreeMap<>();
        Set<String> written = new TreeSet<>();
        Matcher writes = WRITE_KEYWORDS.matcher(sql);
        while (writes.find()) {
            written.add(writes.group(1));
        }
        Matcher reads = READ_KEYWORDS.matcher(sql);
        while (reads.find()) {
            String table = reads.group(1);
            if (!NOT_TABLES.contains(table.toLowerCase(Locale.ROOT))) {
                tables.put(table, AccessMode.READ);
            }
        }
        for (String table : written) {
            if (!NOT_TABLES.contains(table.toLowerCase(Locale.ROOT))) {
                tables.put(table, AccessMode.WRITE);
            }
        }
        return new Result(tables, false);
    }
}
