package dev.paperboy.web;

import dev.paperboy.recommend.Reason;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One reason a paper is in a reader's "For you", as words around a link: "like <a>Title</a> that
 * you upvoted", "by <a>Author</a> you follow". {@code href} is null for "trending".
 */
public record ReasonView(String before, String link, String href, String after) {

  static ReasonView of(Reason r) {
    return switch (r.kind()) {
      case LIKE -> new ReasonView("like ", r.label(), "/papers/" + r.ref(), " that you upvoted");
      case AUTHOR -> new ReasonView("by ", r.label(), NameLink.authorHref(r.ref()), " you follow");
      case ORGANIZATION ->
          new ReasonView("from ", r.label(), NameLink.orgHref(r.ref()), " you follow");
      case CATEGORY ->
          new ReasonView("in ", r.label(), "/search?cat=" + encode(r.ref()), " you follow");
      case TOPIC ->
          new ReasonView("matches your topic ", r.label(), "/search?q=" + encode(r.ref()), "");
      case TRENDING -> new ReasonView("trending", null, null, " (" + r.label() + ")");
    };
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
