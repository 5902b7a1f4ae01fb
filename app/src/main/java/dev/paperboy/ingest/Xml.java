package dev.paperboy.ingest;

import java.io.InputStream;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The StAX reading arXiv's XML answers share. Between calls a reader stands on a start or end tag;
 * each handler of an element leaves it on that element's end tag.
 */
final class Xml {

  /** Reads a whole document from a reader standing on its root element's start tag. */
  interface DocumentReader<T> {
    T read(XMLStreamReader r) throws XMLStreamException, BadRecord;
  }

  private final XMLInputFactory factory;

  Xml() {
    factory = XMLInputFactory.newDefaultFactory();
    // arXiv's answers never need a DTD; refusing them keeps external entities out
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
  }

  /**
   * Reads {@code in}, whose root element must be {@code root} in {@code namespace}, with {@code
   * document}, then on to the end so that anything after the root element is checked too.
   *
   * @param what names the document in messages, e.g. "an Atom feed"
   * @throws BadRecord when the input is not complete, well-formed XML (empty, cut off, not XML),
   *     has another root, or when {@code document} finds it unusable
   */
  <T> T read(InputStream in, String namespace, String root, String what, DocumentReader<T> document)
      throws BadRecord {
    XMLStreamReader r = null;
    try {
      r = factory.createXMLStreamReader(in);
      if (!nextChild(r)) {
        throw new BadRecord("no XML element");
      }
      if (!is(r, namespace, root)) {
        throw new BadRecord("not " + what + " but <" + r.getLocalName() + ">");
      }
      T result = document.read(r);
      while (r.hasNext()) {
        r.next();
      }
      return result;
    } catch (XMLStreamException | NoSuchElementException e) {
      int line = r == null ? -1 : r.getLocation().getLineNumber();
      throw new BadRecord("incomplete or malformed XML" + (line > 0 ? " at line " + line : ""));
    } finally {
      close(r);
    }
  }

  static boolean is(XMLStreamReader r, String namespace, String localName) {
    return namespace.equals(r.getNamespaceURI()) && localName.equals(r.getLocalName());
  }

  /**
   * Moves to the next child element of the current one; false (at the parent's end tag) when there
   * is none.
   */
  static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
    while (true) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
        return false;
      }
    }
  }

  /** All text inside the current element, cleaned; null when blank. */
  static String text(XMLStreamReader r) throws XMLStreamException {
    StringBuilder s = new StringBuilder();
    for (int depth = 1; depth > 0; ) {
      switch (r.next()) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            s.append(r.getText());
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        default -> {}
      }
    }
    return Text.clean(s.toString());
  }

  static void skip(XMLStreamReader r) throws XMLStreamException {
    for (int depth = 1; depth > 0; ) {
      switch (r.next()) {
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        default -> {}
      }
    }
  }

  private static void close(XMLStreamReader r) {
    if (r != null) {
      try {
        r.close();
      } catch (XMLStreamException e) {
        // nothing was written; the answer is already read or already reported
      }
    }
  }
}
