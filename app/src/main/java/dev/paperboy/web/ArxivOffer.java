package dev.paperboy.web;

import dev.paperboy.paper.ArxivId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What a page offers for an arXiv paper this Paperboy does not store: fetching it here (a form
 * posting to {@code fetchAction}), submitting it to today's feed, or reading it on arxiv.org.
 */
public record ArxivOffer(String id, String fetchAction, String submitHref, String arxivHref) {

  static ArxivOffer of(ArxivId id) {
    return new ArxivOffer(
        id.id(),
        fetchPath(id.id()),
        "/submit?arxiv=" + URLEncoder.encode(id.id(), StandardCharsets.UTF_8),
        "https://arxiv.org/abs/" + id.versioned());
  }

  static String fetchPath(String id) {
    return "/papers/" + id + "/fetch";
  }
}
