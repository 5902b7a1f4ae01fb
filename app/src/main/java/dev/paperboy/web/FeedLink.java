package dev.paperboy.web;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The feeds of the page being shown, for its autodiscovery links and its visible "RSS / Atom"
 * links: {@code /feeds/{rss|atom|json}} in front of the page's own path and query, without the page
 * number (a feed is always the first page).
 */
public record FeedLink(String rss, String atom, String json) {

  /** The feeds of the page this viewer is looking at. */
  public static FeedLink of(Viewer viewer) {
    return ofPage(viewer.path());
  }

  static FeedLink ofPage(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? "" : withoutPage(pathAndQuery.substring(q + 1));
    String page = (path.equals("/") || path.isEmpty() ? "/papers" : path) + query;
    return new FeedLink(
        "/feeds/" + FeedFormat.RSS.path() + page,
        "/feeds/" + FeedFormat.ATOM.path() + page,
        "/feeds/" + FeedFormat.JSON.path() + page);
  }

  private static String withoutPage(String query) {
    String kept =
        Arrays.stream(query.split("&"))
            .filter(p -> !p.isEmpty() && !p.equals("page") && !p.startsWith("page="))
            .collect(Collectors.joining("&"));
    return kept.isEmpty() ? "" : "?" + kept;
  }
}
