package org.mlopt.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Parses report output with the JDK's XML parser (so it must be well-formed) and queries it. */
final class Xml {

    private Xml() {}

    static Document parse(String text, boolean namespaces) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(namespaces);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    static List<Element> select(Object context, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, context, XPathConstants.NODESET);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
        return out;
    }

    static List<Double> dataValues(Object context, String xpath) throws Exception {
        List<Double> out = new ArrayList<>();
        for (Element e : select(context, xpath)) out.add(Double.parseDouble(e.getAttribute("data-value")));
        return out;
    }

    static List<Double> list(double... values) {
        List<Double> out = new ArrayList<>();
        for (double v : values) out.add(v);
        return out;
    }
}
