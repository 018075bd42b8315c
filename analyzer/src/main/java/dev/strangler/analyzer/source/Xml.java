package dev.strangler.analyzer.source;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;

/** Reading parsed XML descriptors: child elements by tag, their text, elements anywhere below, and line numbers. */
final class Xml {
    private Xml() {
    }

    /** The direct children of {@code parent} with this tag (a namespace prefix such as {@code jaxws:} is ignored). */
    static List<Element> children(Element parent, String tag) {
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
    static List<Element> descendants(Element parent, String tag) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName("*");
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && localName(element).equals(tag)) {
                result.add(element);
            }
        }
        return result;
    }

    static String childText(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }

    /** The tag without its namespace prefix. */
    static String localName(Element element) {
        String tag = element.getTagName();
        return tag.substring(tag.indexOf(':') + 1);
    }

    static int lineOf(String text, String needle) {
        return XmlDescriptors.lineOf(text, needle);
    }
}
