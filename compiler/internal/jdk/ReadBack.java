// ReadBack loads native configuration files with the JDK and prints what the
// JDK understood, so Go tests can compare it with what they meant to write.
//
// Usage: java ReadBack.java MODE FILE...
//   MODE properties: java.util.Properties.load(InputStream) (ISO-8859-1)
//   MODE hadoop-xml: DOM parse, /configuration/property/{name,value}
//
// Output on stdout: one ASCII JSON object {"<file>": {"<key>": "<value>"}}.
// Any problem: message on stderr, exit status 1.

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

public class ReadBack {
    public static void main(String[] args) {
        if (args.length < 1) {
            fail("usage: java ReadBack.java properties|hadoop-xml FILE...");
        }
        String mode = args[0];
        StringBuilder out = new StringBuilder("{");
        for (int i = 1; i < args.length; i++) {
            String file = args[i];
            SortedMap<String, String> entries;
            try {
                entries = read(mode, file);
            } catch (Exception e) {
                fail(file + ": " + e);
                return;
            }
            if (i > 1) {
                out.append(',');
            }
            appendJSON(out, file);
            out.append(':');
            appendJSON(out, entries);
        }
        out.append("}\n");
        System.out.write(out.toString().getBytes(StandardCharsets.US_ASCII), 0, out.length());
        System.out.flush();
    }

    static SortedMap<String, String> read(String mode, String file) throws Exception {
        switch (mode) {
            case "properties":
                return readProperties(file);
            case "hadoop-xml":
                return readHadoopXML(file);
            default:
                throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    static SortedMap<String, String> readProperties(String file) throws Exception {
        Properties p = new Properties();
        try (InputStream in = new FileInputStream(file)) {
            p.load(in);
        }
        SortedMap<String, String> m = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            m.put(k, p.getProperty(k));
        }
        return m;
    }

    static SortedMap<String, String> readHadoopXML(String file) throws Exception {
        Element root = parseXML(file).getDocumentElement();
        if (!root.getTagName().equals("configuration")) {
            throw new IllegalArgumentException("root element is <" + root.getTagName() + ">, want <configuration>");
        }
        SortedMap<String, String> m = new TreeMap<>();
        for (Element prop : children(root, "property")) {
            String name = onlyChildText(prop, "name");
            String value = onlyChildText(prop, "value");
            if (m.containsKey(name)) {
                throw new IllegalArgumentException("duplicate property name " + json(name));
            }
            m.put(name, value);
        }
        return m;
    }

    static org.w3c.dom.Document parseXML(String file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setExpandEntityReferences(false);
        f.setXIncludeAware(false);
        f.setCoalescing(true);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new ErrorHandler() {
            public void warning(SAXParseException e) throws SAXParseException { throw e; }
            public void error(SAXParseException e) throws SAXParseException { throw e; }
            public void fatalError(SAXParseException e) throws SAXParseException { throw e; }
        });
        return b.parse(new File(file));
    }

    // onlyChildText returns the text of the single child element called tag.
    static String onlyChildText(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        if (found.size() != 1) {
            throw new IllegalArgumentException("<property> has " + found.size() + " <" + tag + "> elements, want 1");
        }
        return found.get(0).getTextContent();
    }

    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && n.getNodeName().equals(tag)) {
                out.add((Element) n);
            }
        }
        return out;
    }

    static void appendJSON(StringBuilder out, SortedMap<String, String> m) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            appendJSON(out, e.getKey());
            out.append(':');
            appendJSON(out, e.getValue());
        }
        out.append('}');
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder();
        appendJSON(b, s);
        return b.toString();
    }

    // appendJSON writes s as an ASCII JSON string: '"' and '\' escaped with a
    // backslash, every char outside 0x20..0x7e as a backslash-u escape.
    static void appendJSON(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    static void fail(String msg) {
        System.err.println("ReadBack: " + msg);
        System.exit(1);
    }
}
