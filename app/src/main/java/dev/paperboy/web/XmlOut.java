package dev.paperboy.web;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin layer over the JDK's {@link XMLStreamWriter} for the XML feeds: it escapes text and
 * attributes, and drops the control characters XML 1.0 cannot carry at all (a stray one in an
 * abstract would otherwise make the whole feed unreadable).
 */
final class XmlOut {

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private final StringWriter buffer = new StringWriter();
  private final XMLStreamWriter xml;

  XmlOut() {
    try {
      xml = FACTORY.createXMLStreamWriter(buffer);
      xml.writeStartDocument("UTF-8", "1.0");
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  XmlOut start(String name) {
    return call(() -> xml.writeStartElement(name));
  }

  XmlOut attribute(String name, String value) {
    return call(() -> xml.writeAttribute(name, clean(value)));
  }

  /** An element holding only text; nothing at all for null text. */
  XmlOut element(String name, String text) {
    if (text == null) {
      return this;
    }
    return call(
        () -> {
          xml.writeStartElement(name);
          xml.writeCharacters(clean(text));
          xml.writeEndElement();
        });
  }

  XmlOut text(String text) {
    return call(() -> xml.writeCharacters(clean(text)));
  }

  XmlOut end() {
    return call(xml::writeEndElement);
  }

  String finish() {
    call(xml::writeEndDocument);
    call(xml::close);
    return buffer.toString();
  }

  /** Text without the characters XML 1.0 forbids (C0 controls other than tab, CR and LF). */
  static String clean(String text) {
    return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
  }

  private interface Step {
    void run() throws XMLStreamException;
  }

  private XmlOut call(Step step) {
    try {
      step.run();
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the feed", e);
    }
  }
}
