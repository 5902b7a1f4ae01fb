package dev.paperboy.ingest;

import java.net.URI;

/**
 * Why the arXiv API gave no papers. Both kinds carry a message fit to show a user: {@link
 * Unavailable} means try again later, {@link Refused} means arXiv will not answer this query.
 */
public abstract sealed class ArxivException extends RuntimeException {

  ArxivException(String message, Throwable cause) {
    super(message, cause);
  }

  /** arXiv could not be reached, or gave no usable answer, after the retries. */
  public static final class Unavailable extends ArxivException {

    private final URI uri;

    Unavailable(String message, URI uri, Throwable cause) {
      super(message, cause);
      this.uri = uri;
    }

    /** The last request tried, for logs. */
    public URI uri() {
      return uri;
    }
  }

  /** arXiv answered with its error feed (such as "incorrect id format for abc") or a 4xx. */
  public static final class Refused extends ArxivException {

    private final String arxivMessage;

    Refused(String arxivMessage) {
      super("arXiv refused the query: " + arxivMessage, null);
      this.arxivMessage = arxivMessage;
    }

    /** arXiv's own words. */
    public String arxivMessage() {
      return arxivMessage;
    }
  }
}
