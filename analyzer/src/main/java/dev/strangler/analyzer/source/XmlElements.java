package dev.strangler.analyzer.source;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;

/** Small DOM lookups shared by the data descriptor readers. */
final class XmlElements {
    private XmlElements() {
    }

    /** The direct child elements of {@code parent} named {@code tag}, in document order. */
    static List<Element> children(Element parent, String tag) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(tag)) {
                result.add(element);
            }
        }
        return result;
    }

    /** The stripped text of the first child named {@code tag}, or the empty string. */
    static String childText(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? "" : found.get(0).getTextContent().strip();
    }
}
