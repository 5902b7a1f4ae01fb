package dev.paperboy.web;

import dev.paperboy.paper.ArxivId;
import io.javalin.http.NotFoundResponse;

/**
 * A 404 for a well-formed arXiv id this Paperboy does not store: the error mapper offers to fetch
 * it (HTML) or says how to (JSON) rather than leaving the person at a dead end.
 */
final class NotStoredResponse extends NotFoundResponse {

  private final transient ArxivId id;

  /**
   * @param id a versionless arXiv id
   */
  NotStoredResponse(String id) {
    super("No paper " + id + " in this Paperboy yet.");
    this.id = new ArxivId(id, 0);
  }

  ArxivOffer offer() {
    return ArxivOffer.of(id);
  }

  /** For scripts: what the page's buttons do, in words. */
  String howToFetch() {
    return "paper "
        + id.id()
        + " not found: it is not on this Paperboy yet. A signed-in user can have it fetched from"
        + " arXiv with POST "
        + ArxivOffer.fetchPath(id.id())
        + " (the CSRF token in the X-CSRF-Token header), or read it at "
        + ArxivOffer.of(id).arxivHref();
  }
}
