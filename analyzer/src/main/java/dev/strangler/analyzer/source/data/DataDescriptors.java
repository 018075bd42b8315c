package dev.strangler.analyzer.source.data;

import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.source.parse.Xml;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The data descriptors read before the Java code is analysed, since the code refers to what they declare: iBatis 2
 * SQL maps, JPA and Hibernate mapping files and named SQL files. Each file is parsed at most once, and only when its text shows
 * a root this class reads; the build files and descriptors also tell {@link DataFrameworks} what is in use.
 */
public final class DataDescriptors {
    /** A file's path relative to the root and its text. */
    public record File(String path, String text) {
        public File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(text, "text");
        }
    }

    private final NamedStatements statements = new NamedStatements();
    private final List<Problem> problems = new ArrayList<>();
    private final OrmXml orm = new OrmXml(statements);

    private DataDescriptors() {
    }

    public static DataDescriptors read(List<File> xmlFiles, List<File> namedSqlFiles, DataFrameworks frameworks) {
        DataDescriptors descriptors = new DataDescriptors();
        IbatisSqlMaps ibatis = new IbatisSqlMaps(descriptors.statements, descriptors.problems);
        List<File> maps = new ArrayList<>();
        for (File file : xmlFiles) {
            frameworks.descriptor(file.path(), file.text());
            if (IbatisSqlMaps.isConfig(file.text())) {
                Element root = descriptors.parse(file, "sqlMapConfig");
                if (root != null) {
                    ibatis.config(file.path(), root);
                }
            } else if (IbatisSqlMaps.isSqlMap(file.text())) {
                maps.add(file); // after every configuration, which says whether ids carry their namespace
            } else if (OrmXml.isMapping(file.text())) {
                Element root = descriptors.parse(file, "entity-mappings");
                if (root != null) {
                    descriptors.orm.read(file.path(), file.text(), root);
                }
            } else if (HibernateMappings.isMapping(file.text())) {
                Element root = descriptors.parse(file, "hibernate-mapping");
                if (root != null) {
                    descriptors.orm.readHibernate(file.path(), file.text(), root);
                }
            }
        }
        for (File file : maps) {
            Element root = descriptors.parse(file, "sqlMap");
            if (root != null) {
                ibatis.sqlMap(file.path(), file.text(), root);
            }
        }
        ibatis.finish();
        NamedSqlFiles named = new NamedSqlFiles(descriptors.statements);
        for (File file : namedSqlFiles) {
            if (named.read(file.path(), file.text()) > 0) {
                frameworks.namedSql(file.path());
            }
        }
        return descriptors;
    }

    /** The root element when it is {@code expected}; null (with a warning when the XML is broken) otherwise. */
    private Element parse(File file, String expected) {
        try {
            Element root = Xml.parse(file.text()).getDocumentElement();
            return root.getTagName().equals(expected) ? root : null;
        } catch (Exception e) {
            problems.add(new Problem(file.path(), 0, 0, Severity.WARNING, "could not read XML descriptor: "
                    + e.getMessage() + "; its statements or mappings are missing from the report"));
            return null;
        }
    }

    public NamedStatements statements() {
        return statements;
    }

    public List<OrmXml.Entity> mappingFileEntities() {
        return orm.entities();
    }

    public List<Problem> problems() {
        return problems;
    }
}
