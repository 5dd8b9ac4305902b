// ReadBack loads native configuration files with the JDK and prints what the
// JDK understood, so Go tests can compare it with what they meant to write.
//
// Usage: java [JVM options] ReadBack.java MODE FILE...
//   MODE properties: java.util.Properties.load(InputStream) (ISO-8859-1)
//     -> {"<key>": "<value>"}
//   MODE hadoop-xml: DOM parse, /configuration/property/{name,value}
//     -> {"<key>": "<value>"}
//   MODE krb5: sun.security.krb5.Config, the parser behind every JVM's
//     Kerberos, with java.security.krb5.conf set to FILE; the whole parsed
//     table -> {"<section>": {"<relation>": ["<value>", ...],
//     "<subsection>": {...}}}. Needs
//     --add-opens java.security.jgss/sun.security.krb5=ALL-UNNAMED.
//   MODE parse: each line of FILE is "<parser>\t<value>"; the parser is
//     parseInt (Integer.parseInt of the trimmed value), parseDouble
//     (Double.parseDouble of the trimmed value), hadoopInt (Hadoop
//     Configuration.getInt: trimmed, getHexDigits, Integer.parseInt) or
//     booleanIgnoreCase ("true"/"false", any case, trimmed)
//     -> {"<line>": "ok" | "<exception class>"}
//   MODE jaas: com.sun.security.auth.login.ConfigFile(URI), with the JVM's
//     system properties for ${...} expansion; every application it parsed
//     -> {"<app>": [{"class": "<class>", "flag": "required|requisite|
//     sufficient|optional", "options": {"<name>": "<value>"}}, ...]}. Needs
//     --add-opens jdk.security.auth/com.sun.security.auth.login=ALL-UNNAMED
//     and --add-opens java.base/sun.security.provider=ALL-UNNAMED (only to
//     list the application names; entries come from the public API).
//   MODE parse: FILE holds lines GETTER<TAB>TEXT; each is parsed with the
//     getter the technologies use for a typed key -> {"<line>": "<result>"}
//     (see parse).
//
// Output on stdout: one ASCII JSON object {"<file>": <content as above>}.
// Any problem: message on stderr, exit status 1.

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
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
            fail("usage: java ReadBack.java properties|hadoop-xml|krb5|jaas|parse FILE...");
        }
        String mode = args[0];
        StringBuilder out = new StringBuilder("{");
        for (int i = 1; i < args.length; i++) {
            String file = args[i];
            Object entries;
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

    static Object read(String mode, String file) throws Exception {
        switch (mode) {
            case "properties":
                return readProperties(file);
            case "hadoop-xml":
                return readHadoopXML(file);
            case "krb5":
                return readKrb5(file);
            case "jaas":
                return readJAAS(file);
            case "parse":
                return readParsed(file);
            default:
                throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    // readParsed reads lines "GETTER<TAB>TEXT" and returns line -> what the
    // getter makes of the text, in a form Go can compare exactly: a float or
    // double as its IEEE bits in hex, an integer in decimal, a boolean as
    // true or false; "error: ..." when the getter refuses the text.
    static SortedMap<String, String> readParsed(String file) throws Exception {
        SortedMap<String, String> m = new TreeMap<>();
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(file), StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            String result;
            try {
                result = parse(line.substring(0, tab), line.substring(tab + 1));
            } catch (RuntimeException e) {
                result = "error: " + e;
            }
            m.put(line, result);
        }
        return m;
    }

    // parse applies the getter the technologies use for a typed key.
    static String parse(String getter, String text) {
        switch (getter) {
            case "Float.parseFloat": // Hadoop Configuration.getFloat
                return Integer.toHexString(Float.floatToIntBits(Float.parseFloat(text.trim())));
            case "Double.parseDouble": // Hadoop getDouble; Kafka ConfigDef DOUBLE
                return Long.toHexString(Double.doubleToLongBits(Double.parseDouble(text.trim())));
            case "Integer.parseInt": // Kafka ConfigDef INT; ZooKeeper QuorumPeerConfig
                return Integer.toString(Integer.parseInt(text.trim()));
            case "Long.parseLong": // Kafka ConfigDef LONG
                return Long.toString(Long.parseLong(text.trim()));
            case "Configuration.getInt": // Hadoop: hexadecimal with 0x, else decimal
                return Integer.toString(Math.toIntExact(hadoopLong(text.trim(), Integer::parseInt)));
            case "Configuration.getLong":
                return Long.toString(hadoopLong(text.trim(), Long::parseLong));
            case "Configuration.getBoolean": // Hadoop: case-insensitive true or false
                if (text.trim().equalsIgnoreCase("true")) {
                    return "true";
                }
                if (text.trim().equalsIgnoreCase("false")) {
                    return "false";
                }
                throw new IllegalArgumentException("not a boolean: " + text);
            default:
                throw new IllegalArgumentException("unknown getter " + getter);
        }
    }

    // hadoopLong is the parse of Configuration.getInt and getLong after
    // getTrimmed: getHexDigits strips 0x or 0X (after a minus sign) for
    // Integer.parseInt or Long.parseLong with radix 16.
    static long hadoopLong(String value, java.util.function.ToLongBiFunction<String, Integer> parse) {
        boolean negative = value.startsWith("-");
        String rest = negative ? value.substring(1) : value;
        if (rest.startsWith("0x") || rest.startsWith("0X")) {
            return parse.applyAsLong((negative ? "-" : "") + rest.substring(2), 16);
        }
        return parse.applyAsLong(value, 10);
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

    // readKrb5 points java.security.krb5.conf at file and builds a new
    // sun.security.krb5.Config through its private constructor: the code
    // Config.getInstance() and Config.refresh() run, without refresh()'s side
    // effects on other classes, so one JVM can read several files. It returns
    // the parsed table (private field stanzaTable) as sorted maps and lists.
    static Object readKrb5(String file) throws Exception {
        System.setProperty("java.security.krb5.conf", file);
        Class<?> config = Class.forName("sun.security.krb5.Config");
        Constructor<?> c = config.getDeclaredConstructor();
        c.setAccessible(true);
        Object cfg;
        try {
            cfg = c.newInstance();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause; // KrbException: what getInstance() would throw
            }
            throw e;
        }
        Field f = config.getDeclaredField("stanzaTable");
        f.setAccessible(true);
        return krb5Tree((Hashtable<?, ?>) f.get(cfg));
    }

    // krb5Tree copies a Config table: a subsection is a Hashtable, the values
    // of a relation a Vector of strings in file order.
    static SortedMap<String, Object> krb5Tree(Hashtable<?, ?> table) {
        SortedMap<String, Object> m = new TreeMap<>();
        for (Map.Entry<?, ?> e : table.entrySet()) {
            String key = (String) e.getKey();
            Object v = e.getValue();
            if (v instanceof Hashtable<?, ?> sub) {
                m.put(key, krb5Tree(sub));
            } else if (v instanceof List<?> values) {
                List<Object> copy = new ArrayList<>();
                for (Object s : values) {
                    copy.add((String) s);
                }
                m.put(key, copy);
            } else {
                throw new IllegalStateException("unexpected " + v.getClass() + " at " + json(key));
            }
        }
        return m;
    }

    // readJAAS loads file with the public com.sun.security.auth.login.ConfigFile
    // and returns every application's login modules. The application names
    // come from the private map the parser filled (the API cannot list them).
    static Object readJAAS(String file) throws Exception {
        com.sun.security.auth.login.ConfigFile cf =
            new com.sun.security.auth.login.ConfigFile(new File(file).toURI());
        SortedMap<String, Object> apps = new TreeMap<>();
        for (String app : jaasAppNames(cf)) {
            List<Object> modules = new ArrayList<>();
            AppConfigurationEntry[] entries = cf.getAppConfigurationEntry(app);
            if (entries != null) {
                for (AppConfigurationEntry e : entries) {
                    modules.add(jaasModule(e));
                }
            }
            apps.put(app, modules);
        }
        return apps;
    }

    // jaasAppNames returns the keys of the parser's private map
    // ConfigFile.spi.configuration: every application the file defines.
    static Iterable<String> jaasAppNames(com.sun.security.auth.login.ConfigFile cf) throws Exception {
        Field spiField = cf.getClass().getDeclaredField("spi");
        spiField.setAccessible(true);
        Object spi = spiField.get(cf);
        Field conf = spi.getClass().getDeclaredField("configuration");
        conf.setAccessible(true);
        Map<?, ?> m = (Map<?, ?>) conf.get(spi);
        List<String> names = new ArrayList<>();
        for (Object k : m.keySet()) {
            names.add((String) k);
        }
        return names;
    }

    // jaasModule returns one login module as class, flag and sorted options.
    static Map<String, Object> jaasModule(AppConfigurationEntry e) {
        SortedMap<String, Object> options = new TreeMap<>();
        for (Map.Entry<String, ?> o : e.getOptions().entrySet()) {
            options.put(o.getKey(), (String) o.getValue());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class", e.getLoginModuleName());
        m.put("flag", flagName(e.getControlFlag()));
        m.put("options", options);
        return m;
    }

    // flagName returns the control flag as written in a JAAS file.
    static String flagName(LoginModuleControlFlag f) {
        if (f == LoginModuleControlFlag.REQUIRED) {
            return "required";
        } else if (f == LoginModuleControlFlag.REQUISITE) {
            return "requisite";
        } else if (f == LoginModuleControlFlag.SUFFICIENT) {
            return "sufficient";
        } else if (f == LoginModuleControlFlag.OPTIONAL) {
            return "optional";
        }
        throw new IllegalStateException("unknown control flag " + f);
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

    // appendJSON writes a String, a Map with String keys (in its iteration
    // order) or a List as ASCII JSON.
    static void appendJSON(StringBuilder out, Object v) {
        if (v instanceof String s) {
            appendJSON(out, s);
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendJSON(out, (String) e.getKey());
                out.append(':');
                appendJSON(out, e.getValue());
            }
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendJSON(out, l.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + v + " as JSON");
        }
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
