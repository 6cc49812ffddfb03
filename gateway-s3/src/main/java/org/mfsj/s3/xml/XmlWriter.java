package org.mfsj.s3.xml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** Builds the small XML documents S3 answers with; text is escaped, elements close in order. */
public final class XmlWriter {
    public static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";

    private final StringBuilder sb = new StringBuilder(256);
    private final Deque<String> open = new ArrayDeque<>();

    private XmlWriter() {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /** A document whose root element carries the S3 namespace. */
    public static XmlWriter document(String root) {
        XmlWriter w = new XmlWriter();
        w.sb.append('<').append(root).append(" xmlns=\"").append(NS).append("\">");
        w.open.push(root);
        return w;
    }

    /** A document whose root has no namespace (error answers). */
    public static XmlWriter plain(String root) {
        XmlWriter w = new XmlWriter();
        w.sb.append('<').append(root).append('>');
        w.open.push(root);
        return w;
    }

    public XmlWriter start(String name) {
        sb.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    /** An element typed by XML Schema instance (as ACL grantees are: {@code xsi:type="CanonicalUser"}). */
    public XmlWriter startTyped(String name, String xsiType) {
        sb.append('<').append(name).append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"");
        escape(xsiType);
        sb.append("\">");
        open.push(name);
        return this;
    }

    public XmlWriter end() {
        sb.append("</").append(open.pop()).append('>');
        return this;
    }

    public XmlWriter element(String name, String text) {
        sb.append('<').append(name).append('>');
        escape(text);
        sb.append("</").append(name).append('>');
        return this;
    }

    /** Text directly inside the open element. */
    public XmlWriter text(String text) {
        escape(text);
        return this;
    }

    public XmlWriter element(String name, long value) {
        return element(name, Long.toString(value));
    }

    public XmlWriter element(String name, boolean value) {
        return element(name, Boolean.toString(value));
    }

    /** Adds the element only when {@code text} is not null. */
    public XmlWriter optional(String name, String text) {
        return text == null ? this : element(name, text);
    }

    public byte[] toBytes() {
        while (!open.isEmpty()) {
            end();
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                case '\r' -> sb.append("&#13;");
                case '\n' -> sb.append("&#10;");
                case '\t' -> sb.append("&#9;");
                default -> {
                    if (c < 0x20) {
                        // XML 1.0 cannot carry other control characters at all; S3 keys may hold them
                        sb.append("&#").append((int) c).append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
