package dev.paperboy.web;

import io.javalin.http.NotFoundResponse;
import java.util.Locale;

/** The formats every list page is offered in, named by the first segment after /feeds/. */
enum FeedFormat {
  RSS("application/rss+xml"),
  ATOM("application/atom+xml"),
  JSON("application/feed+json");

  private final String contentType;

  FeedFormat(String contentType) {
    this.contentType = contentType;
  }

  String contentType() {
    return contentType;
  }

  /** The URL segment: rss, atom, json. */
  String path() {
    return name().toLowerCase(Locale.ROOT);
  }

  String write(FeedChannel channel) {
    return switch (this) {
      case RSS -> RssFeed.write(channel);
      case ATOM -> AtomFeed.write(channel);
      case JSON -> JsonFeed.write(channel);
    };
  }

  static FeedFormat of(String segment) {
    for (FeedFormat f : values()) {
      if (f.path().equals(segment)) {
        return f;
      }
    }
    throw new NotFoundResponse(
        "Feeds come as /feeds/rss/…, /feeds/atom/… or /feeds/json/…, not '"
            + Params.clip(segment)
            + "'.");
  }
}
