package dev.strangler.analyzer.source.data;

import dev.strangler.analyzer.core.DataAccessOrigin;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.parse.Xml;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Set;

/**
 * Reads Hibernate mapping files ({@code *.hbm.xml}, root {@code <hibernate-mapping package>}): each
 * {@code <class name table>} and its {@code <joined-subclass>}/{@code <union-subclass>} with their own tables
 * ({@code <subclass>} shares its parent's), collection tables ({@code <set|bag|list|map|idbag|array table>}), and
 * the named {@code <query>} (HQL) and {@code <sql-query>} declarations, run by {@code getNamedQuery(name)}.
 */
final class HibernateMappings {
    private static final Set<String> SUBCLASSES = Set.of("joined-subclass", "union-subclass", "subclass");
    private static final Set<String> COLLECTIONS = Set.of("set", "bag", "list", "map", "idbag", "array",
            "primitive-array");

    private final NamedStatements statements;
    private final List<OrmXml.Entity> entities;

    HibernateMappings(NamedStatements statements, List<OrmXml.Entity> entities) {
        this.statements = statements;
        this.entities = entities;
    }

    static boolean isMapping(String text) {
        return text.contains("<hibernate-mapping");
    }

    void read(String path, String text, Element root) {
        String pack = root.getAttribute("package").strip();
        String schema = root.getAttribute("schema").strip();
        for (Element mapped : Xml.children(root, "class")) {
            mapped(path, text, mapped, pack, schema, "");
        }
        for (String tag : SUBCLASSES) {
            for (Element mapped : Xml.children(root, tag)) {
                mapped(path, text, mapped, pack, schema, "");
            }
        }
        for (Element query : Xml.children(root, "query")) {
            add(path, text, query, DataAccessOrigin.JPQL);
        }
        for (Element query : Xml.children(root, "sql-query")) {
            add(path, text, query, DataAccessOrigin.NATIVE_SQL);
        }
    }

    private void mapped(String path, String text, Element mapped, String pack, String schema, String parentTable) {
        String name = mapped.getAttribute("name").strip();
        if (name.isEmpty()) {
            return;
        }
        String className = name.contains(".") || pack.isEmpty() ? name : pack + "." + name;
        String table = mapped.getAttribute("table").strip();
        if (table.isEmpty() && mapped.getTagName().equals("subclass")) {
            table = parentTable;
        }
        String qualified = table.isEmpty() || schema.isEmpty() || table.contains(".") ? table : schema + "." + table;
        SourceLocation location = new SourceLocation(path, Xml.lineOf(text, "\"" + name + "\""));
        entities.add(new OrmXml.Entity(className, mapped.getAttribute("entity-name").strip(), qualified, false, location));
        for (String tag : COLLECTIONS) {
            for (Element collection : Xml.children(mapped, tag)) {
                String joinTable = collection.getAttribute("table").strip();
                if (!joinTable.isEmpty()) {
                    entities.add(new OrmXml.Entity(className, "", joinTable, true, location));
                }
            }
        }
        for (String tag : SUBCLASSES) {
            for (Element subclass : Xml.children(mapped, tag)) {
                mapped(path, text, subclass, pack, schema, qualified);
            }
        }
    }

    private void add(String path, String text, Element query, DataAccessOrigin origin) {
        String name = query.getAttribute("name").strip();
        String body = query.getTextContent().strip();
        if (!name.isEmpty() && !body.isEmpty()) {
            statements.add(new NamedStatements.Statement(name, body, origin,
                    new SourceLocation(path, Xml.lineOf(text, "\"" + name + "\""))));
        }
    }
}
