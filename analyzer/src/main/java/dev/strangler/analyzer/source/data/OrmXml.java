package dev.strangler.analyzer.source.data;

import dev.strangler.analyzer.core.DataAccessOrigin;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.parse.Xml;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads JPA mapping files ({@code orm.xml} and any other {@code <entity-mappings>} document): each
 * {@code <entity class name>} with its {@code <table name schema>} (a class without a package takes the file's
 * {@code <package>}), and the {@code <named-query>} and {@code <named-native-query>} declarations, which code runs
 * with {@code createNamedQuery(name)}; Hibernate's {@code *.hbm.xml} through {@link HibernateMappings}. What the
 * file says wins over annotations, as JPA has it.
 */
final class OrmXml {
    /**
     * An entity the file maps.
     *
     * @param className the entity class, qualified
     * @param entityName the name JPQL uses, or empty for the simple class name
     * @param table the table, with its schema when given, or empty for the default name
     * @param secondary whether {@code table} is a further table of the class (a collection's), not its own
     * @param location where the mapping is declared
     */
    record Entity(String className, String entityName, String table, boolean secondary, SourceLocation location) {
    }

    private final NamedStatements statements;
    private final List<Entity> entities = new ArrayList<>();

    OrmXml(NamedStatements statements) {
        this.statements = statements;
    }

    static boolean isMapping(String text) {
        return text.contains("<entity-mappings");
    }

    void read(String path, String text, Element root) {
        String pack = Objects.requireNonNullElse(Xml.childText(root, "package"), "");
        for (Element entity : Xml.children(root, "entity")) {
            String className = entity.getAttribute("class").strip();
            if (className.isEmpty()) {
                continue;
            }
            if (!className.contains(".") && !pack.isEmpty()) {
                className = pack + "." + className;
            }
            String table = "";
            for (Element tableElement : Xml.children(entity, "table")) {
                table = tableElement.getAttribute("name").strip();
                String schema = tableElement.getAttribute("schema").strip();
                if (!table.isEmpty() && !schema.isEmpty()) {
                    table = schema + "." + table;
                }
            }
            SourceLocation location = new SourceLocation(path, Xml.lineOf(text, "\"" + entity.getAttribute("class")));
            entities.add(new Entity(className, entity.getAttribute("name").strip(), table, false, location));
            namedQueries(path, text, entity);
        }
        namedQueries(path, text, root);
    }

    private void namedQueries(String path, String text, Element parent) {
        for (String tag : new String[]{"named-query", "named-native-query"}) {
            DataAccessOrigin origin = tag.equals("named-query") ? DataAccessOrigin.JPQL : DataAccessOrigin.NATIVE_SQL;
            for (Element query : Xml.children(parent, tag)) {
                String name = query.getAttribute("name").strip();
                String body = Objects.requireNonNullElse(Xml.childText(query, "query"), "");
                if (!name.isEmpty() && !body.isEmpty()) {
                    statements.add(new NamedStatements.Statement(name, body, origin,
                            new SourceLocation(path, Xml.lineOf(text, "\"" + name + "\""))));
                }
            }
        }
    }

    /** Reads a Hibernate mapping file into the same entities and named queries. */
    void readHibernate(String path, String text, Element root) {
        new HibernateMappings(statements, entities).read(path, text, root);
    }

    List<Entity> entities() {
        return entities;
    }
}
