package jp.kawaraban.editorial.internal.figures;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import jp.kawaraban.editorial.FigureRefusedException;
import jp.kawaraban.editorial.FigureRefusedException.Reason;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns an uploaded SVG into one that can only draw. The file is parsed by an XML parser that
 * refuses any DOCTYPE (so no entities, internal or external, and no entity expansion bombs),
 * then a new document is built holding only what an allowlist names: shapes, paths, text,
 * groups, gradients, clip paths, markers, patterns, {@code defs}/{@code use} with references
 * inside the file, titles and descriptions. Scripts, {@code foreignObject}, images, links,
 * animation, event handlers ({@code on*}), references to anything outside the file
 * ({@code javascript:}, {@code data:}, other addresses) and CSS that could load or run
 * something are not copied; comments and processing instructions neither. Building anew
 * rather than deleting from the upload means anything the allowlist does not know, however
 * it is spelled or namespaced, is simply never written.
 * <p>
 * The image is served with a sandboxing Content-Security-Policy as well; this is the second
 * wall, and the one that also protects an SVG saved and opened elsewhere.
 */
public final class SvgSanitizer {

    public static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    private static final int MAX_DEPTH = 64;

    private static final Set<String> ELEMENTS = Set.of(
            "svg", "g", "defs", "symbol", "use", "title", "desc",
            "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
            "text", "tspan", "textPath",
            "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern", "marker", "style");
    /** Left out, but what they contain is kept: a link around a shape still draws the shape. */
    private static final Set<String> UNWRAPPED = Set.of("a", "switch");
    /** What counts as something to draw when deciding whether anything is left. */
    private static final Set<String> NOT_DRAWING = Set.of("title", "desc", "defs", "style");

    private static final Set<String> ATTRIBUTES = Set.of(
            "id", "class", "style", "lang", "role", "tabindex", "version", "baseProfile",
            "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "focusable",
            "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
            "width", "height", "d", "points", "pathLength", "transform", "viewBox", "preserveAspectRatio",
            "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
            "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "opacity",
            "color", "display", "visibility", "overflow", "vector-effect", "shape-rendering", "text-rendering",
            "paint-order", "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits", "maskContentUnits",
            "font-family", "font-size", "font-weight", "font-style", "font-variant", "font-stretch",
            "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing",
            "word-spacing", "text-decoration", "writing-mode", "direction", "unicode-bidi",
            "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
            "gradientUnits", "gradientTransform", "spreadMethod", "offset", "stop-color", "stop-opacity",
            "patternUnits", "patternContentUnits", "patternTransform",
            "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight", "markerUnits",
            "refX", "refY", "orient", "href", "type", "media");

    private static final Pattern LOCAL_REFERENCE = Pattern.compile("#[A-Za-z_][A-Za-z0-9_.:-]*");
    private static final Pattern URL_FUNCTION = Pattern.compile("url\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCAL_URL_FUNCTION =
            Pattern.compile("url\\(\\s*(['\"]?)#[A-Za-z_][A-Za-z0-9_.:-]*\\1\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(px)?\\s*");

    private SvgSanitizer() {
    }

    /** The cleaned drawing, and its declared size (from width/height, else the viewBox) if any. */
    public record CleanSvg(byte[] bytes, Integer width, Integer height) {
    }

    public static CleanSvg sanitize(byte[] upload) {
        if (declaresDoctype(upload)) {
            throw new FigureRefusedException(Reason.SVG_UNREADABLE);
        }
        Document source = parse(upload);
        Element root = source.getDocumentElement();
        if (root.getNamespaceURI() != null && !SVG_NS.equals(root.getNamespaceURI()) || !"svg".equals(root.getLocalName())) {
            throw new FigureRefusedException(Reason.SVG_NOT_A_DRAWING);
        }
        Document clean = newBuilder().newDocument();
        Element cleanRoot = clean.createElementNS(SVG_NS, "svg");
        clean.appendChild(cleanRoot);
        cleanRoot.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", SVG_NS);
        copyAttributes(root, cleanRoot);
        copyChildren(root, cleanRoot, root, 1);
        if (!drawsSomething(cleanRoot)) {
            throw new FigureRefusedException(Reason.SVG_NOT_A_DRAWING);
        }
        if (usesXlink(cleanRoot)) {
            cleanRoot.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xlink", XLINK_NS);
        }
        return new CleanSvg(serialise(clean), size(cleanRoot, "width", 2), size(cleanRoot, "height", 3));
    }

    /**
     * The parser refuses a DOCTYPE as well; looking first gives the refusal a clear reason
     * even when the parser would stumble elsewhere. Bytes are read one to one, so the
     * declaration is found in any ASCII-compatible encoding (and the parser catches the rest).
     */
    private static boolean declaresDoctype(byte[] upload) {
        return new String(upload, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT).contains("<!DOCTYPE");
    }

    private static Document parse(byte[] upload) {
        try {
            DocumentBuilder builder = newBuilder();
            builder.setErrorHandler(new DefaultHandler()); // no parser chatter on stderr
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entities are not read");
            });
            return builder.parse(new ByteArrayInputStream(upload));
        } catch (SAXException | IOException e) {
            throw new FigureRefusedException(Reason.SVG_UNREADABLE);
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be hardened", e);
        }
    }

    /** SVG elements are in the SVG namespace; a file without any namespace counts as SVG throughout. */
    private static boolean isSvg(Element element, Element root) {
        String ns = element.getNamespaceURI();
        return SVG_NS.equals(ns) || (ns == null && root.getNamespaceURI() == null);
    }

    private static void copyChildren(Element from, Element to, Element root, int depth) {
        if (depth > MAX_DEPTH) {
            throw new FigureRefusedException(Reason.SVG_TOO_COMPLEX);
        }
        for (Node child = from.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> to.appendChild(to.getOwnerDocument().createTextNode(child.getNodeValue()));
                case Node.ELEMENT_NODE -> copyElement((Element) child, to, root, depth);
                default -> {
                    // comments, processing instructions, entity references: not copied
                }
            }
        }
    }

    private static void copyElement(Element element, Element parent, Element root, int depth) {
        if (!isSvg(element, root)) {
            return;
        }
        String name = element.getLocalName();
        if (UNWRAPPED.contains(name)) {
            copyChildren(element, parent, root, depth + 1);
            return;
        }
        if (!ELEMENTS.contains(name) || ("style".equals(name) && !safeCss(element.getTextContent()))) {
            return;
        }
        Element copy = parent.getOwnerDocument().createElementNS(SVG_NS, name);
        parent.appendChild(copy);
        copyAttributes(element, copy);
        copyChildren(element, copy, root, depth + 1);
    }

    private static void copyAttributes(Element from, Element to) {
        NamedNodeMap attributes = from.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String ns = attribute.getNamespaceURI();
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String value = attribute.getValue();
            if (ns == null) {
                if (ATTRIBUTES.contains(name) && safeValue(name, value)) {
                    to.setAttribute(name, value);
                }
            } else if (XLINK_NS.equals(ns) && "href".equals(name) && safeValue("href", value)) {
                to.setAttributeNS(XLINK_NS, "xlink:href", value);
            } else if (XMLConstants.XML_NS_URI.equals(ns) && ("space".equals(name) || "lang".equals(name))) {
                to.setAttributeNS(XMLConstants.XML_NS_URI, "xml:" + name, value);
            }
            // Everything else (other namespaces, xmlns declarations, xml:base) is not copied.
        }
    }

    private static boolean safeValue(String name, String value) {
        if ("href".equals(name)) {
            return LOCAL_REFERENCE.matcher(value.strip()).matches();
        }
        if ("style".equals(name)) {
            return safeCss(value) && !URL_FUNCTION.matcher(value).find();
        }
        String squeezed = value.replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
        if (squeezed.contains("javascript:") || squeezed.contains("vbscript:") || squeezed.contains("data:")
                || squeezed.contains("expression(")) {
            return false;
        }
        // fill="url(#gradient)" and the like may point inside the file, nowhere else.
        Matcher urls = URL_FUNCTION.matcher(value);
        int functions = 0;
        while (urls.find()) {
            functions++;
        }
        Matcher local = LOCAL_URL_FUNCTION.matcher(value);
        int localFunctions = 0;
        while (local.find()) {
            localFunctions++;
        }
        return functions == localFunctions;
    }

    /** CSS in a style attribute or element: nothing that loads, imports or runs anything. */
    private static boolean safeCss(String css) {
        String lower = css.toLowerCase(Locale.ROOT);
        if (lower.contains("expression") || lower.contains("@import") || lower.contains("javascript:")
                || lower.contains("behavior") || lower.contains("-moz-binding") || lower.contains("\\")
                || lower.contains("<")) {
            return false;
        }
        Matcher urls = URL_FUNCTION.matcher(css);
        while (urls.find()) {
            if (!LOCAL_URL_FUNCTION.matcher(css).region(urls.start(), css.length()).lookingAt()) {
                return false;
            }
        }
        return true;
    }

    private static boolean drawsSomething(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && !NOT_DRAWING.contains(e.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean usesXlink(Element element) {
        if (element.hasAttributeNS(XLINK_NS, "href")) {
            return true;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && usesXlink(e)) {
                return true;
            }
        }
        return false;
    }

    /** The root's width or height when it is a plain number (or px), else that part of the viewBox. */
    private static Integer size(Element root, String attribute, int viewBoxPart) {
        Matcher plain = NUMBER.matcher(root.getAttribute(attribute));
        if (plain.matches()) {
            return (int) Math.round(Double.parseDouble(plain.group(1)));
        }
        String[] viewBox = root.getAttribute("viewBox").strip().split("[\\s,]+");
        if (viewBox.length == 4) {
            try {
                return (int) Math.round(Double.parseDouble(viewBox[viewBoxPart]));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static byte[] serialise(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.METHOD, "xml");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("Could not write the cleaned SVG", e);
        }
    }
}
