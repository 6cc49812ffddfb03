package org.mfsj.s3.xml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Parses request bodies (DeleteObjects, CompleteMultipartUpload, CreateBucketConfiguration) with
 * DTDs and external entities off; anything unreadable is MalformedXML. Bodies are size-capped by
 * the caller, so a DOM is fine.
 */
public final class XmlReader {
    private XmlReader() {
    }

    public static Element parse(InputStream in, long maxBytes) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            throw new S3Exception(S3Error.MALFORMED_XML, "The XML body is larger than " + maxBytes + " bytes");
        }
        if (body.length == 0) {
            throw new S3Exception(S3Error.MALFORMED_XML, "The XML body is empty");
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new java.io.ByteArrayInputStream(body)).getDocumentElement();
        } catch (SAXException e) {
            throw new S3Exception(S3Error.MALFORMED_XML, S3Error.MALFORMED_XML.message() + ": " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks the root element's local name. */
    public static void expectRoot(Element root, String name) throws S3Exception {
        if (!name.equals(root.getLocalName())) {
            throw new S3Exception(S3Error.MALFORMED_XML, "Expected <" + name + "> but got <" + root.getLocalName() + ">");
        }
    }

    public static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Text of the single child {@code name}, or null when absent. */
    public static String text(Element parent, String name) throws S3Exception {
        List<Element> c = children(parent, name);
        if (c.size() > 1) {
            throw new S3Exception(S3Error.MALFORMED_XML, "<" + name + "> given more than once");
        }
        return c.isEmpty() ? null : c.get(0).getTextContent();
    }

    public static String required(Element parent, String name) throws S3Exception {
        String t = text(parent, name);
        if (t == null) {
            throw new S3Exception(S3Error.MALFORMED_XML, "<" + parent.getLocalName() + "> lacks <" + name + ">");
        }
        return t;
    }
}
