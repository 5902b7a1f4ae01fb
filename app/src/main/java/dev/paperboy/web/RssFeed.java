package dev.paperboy.web;

import java.time.Instant;

/** RSS 2.0, with Dublin Core creators for the authors and an Atom self link. */
final class RssFeed {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String DC = "http://purl.org/dc/elements/1.1/";

  private RssFeed() {}

  static String write(FeedChannel channel) {
    XmlOut x = new XmlOut();
    x.start("rss").attribute("version", "2.0");
    x.attribute("xmlns:atom", ATOM).attribute("xmlns:dc", DC);
    x.start("channel");
    x.element("title", channel.title());
    x.element("link", channel.pageUrl());
    x.element("description", channel.description());
    x.element("language", "en");
    x.element("lastBuildDate", date(channel.updated()));
    x.element("generator", "Paperboy");
    x.start("atom:link")
        .attribute("href", channel.selfUrl())
        .attribute("rel", "self")
        .attribute("type", FeedFormat.RSS.contentType())
        .end();
    for (FeedItem item : channel.items()) {
      x.start("item");
      x.element("title", item.title());
      x.element("link", item.link());
      x.start("guid").attribute("isPermaLink", "false").text(item.id()).end();
      for (String author : item.authors()) {
        x.element("dc:creator", author);
      }
      for (String category : item.categories()) {
        x.element("category", category);
      }
      x.element("pubDate", date(item.published()));
      x.element("description", item.text());
      x.end();
    }
    return x.end().end().finish();
  }

  /** RFC 822 dates, as RSS 2.0 wants them, in GMT: the same as HTTP's. */
  static String date(Instant instant) {
    return ConditionalGet.httpDate(instant);
  }
}
