package dev.paperboy.web;

import java.time.Instant;

/** Atom (RFC 4287): entries link to the paper here and, as related, to arXiv. */
final class AtomFeed {

  private AtomFeed() {}

  static String write(FeedChannel channel) {
    XmlOut x = new XmlOut();
    x.start("feed").attribute("xmlns", "http://www.w3.org/2005/Atom");
    x.element("id", channel.selfUrl());
    x.element("title", channel.title());
    x.element("subtitle", channel.description());
    x.element("updated", date(channel.updated()));
    // the page first: some readers (ROME among them) take the first link as the feed's home
    link(x, "alternate", "text/html", channel.pageUrl());
    link(x, "self", FeedFormat.ATOM.contentType(), channel.selfUrl());
    x.start("author").element("name", "Paperboy").end();
    x.element("generator", "Paperboy");
    for (FeedItem item : channel.items()) {
      x.start("entry");
      x.element("id", item.id());
      x.element("title", item.title());
      link(x, "alternate", "text/html", item.link());
      link(x, "related", "text/html", item.arxivLink());
      x.element("published", date(item.published()));
      x.element("updated", date(item.updated()));
      for (String author : item.authors()) {
        x.start("author").element("name", author).end();
      }
      for (String category : item.categories()) {
        x.start("category").attribute("term", category).end();
      }
      x.start("summary").attribute("type", "text").text(item.text()).end();
      x.end();
    }
    return x.end().finish();
  }

  private static void link(XmlOut x, String rel, String type, String href) {
    x.start("link").attribute("rel", rel).attribute("type", type).attribute("href", href).end();
  }

  static String date(Instant instant) {
    return instant.toString();
  }
}
