package dev.strangler.analyzer.source.parse;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Reading parsed XML descriptors: child elements by tag, their text, elements anywhere below, and line numbers. */
public final class Xml {
    private Xml() {
    }

    /** The direct children of {@code parent} with this tag (a namespace prefix such as {@code jaxws:} is ignored). */
    public static List<Element> children(Element parent, String tag) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && localName(element).equals(tag)) {
                result.add(element);
            }
        }
        return result;
    }

    /** Every element below {@code parent} with this tag, in document order (a namespace prefix is ignored). */
    public static List<Element> descendants(Element parent, String tag) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName("*");
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && localName(element).equals(tag)) {
                result.add(element);
            }
        }
        return result;
    }

    public static String childText(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }

    /** The tag without its namespace prefix. */
    public static String localName(Element element) {
        String tag = element.getTagName();
        return tag.substring(tag.indexOf(':') + 1);
    }

    /** Parses a descriptor without validating it; external DTDs and schemas are never fetched. */
    public static Document parse(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        factory.setExpandEntityReferences(false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        builder.setErrorHandler(null);
        return builder.parse(new InputSource(new StringReader(text)));
    }

    /** The 1-based line of the first occurrence of {@code needle}, or 0 when it does not occur. */
    public static int lineOf(String text, String needle) {
        int index = needle == null ? -1 : text.indexOf(needle);
        if (index < 0) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
