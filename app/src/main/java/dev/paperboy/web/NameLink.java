package dev.paperboy.web;

import dev.paperboy.paper.AuthorKey;
import dev.paperboy.paper.Organization;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A person's or organisation's name as shown, with the page it leads to (null when there is none: a
 * name without letters). Author links carry the folded key, so every spelling of one name links to
 * one address; the route folds whatever it is given, so a typed name finds the page too.
 */
public record NameLink(String name, String href) {

  static NameLink author(String name) {
    String key = AuthorKey.fold(name);
    return new NameLink(name, key.isEmpty() ? null : authorHref(key));
  }

  static NameLink org(Organization org) {
    return new NameLink(org.displayName(), orgHref(org.name()));
  }

  static String authorHref(String key) {
    return "/authors/" + pathSegment(key);
  }

  static String orgHref(String handle) {
    return "/orgs/" + pathSegment(handle);
  }

  /** Percent-encodes every character a path segment cannot carry as it is (a space is %20). */
  private static String pathSegment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
