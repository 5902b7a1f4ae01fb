package dev.paperboy.ingest;

import java.net.URI;

/**
 * Why arXiv (its API or its OAI-PMH interface) gave no papers. Every kind carries a message fit to
 * show a user: {@link Unavailable} means try again later, {@link Refused} means the API will not
 * answer this query, {@link OaiPmhError} that the OAI-PMH interface will not, and its {@link
 * BadResumptionToken} that a harvest must start its date window again.
 */
public abstract sealed class ArxivException extends RuntimeException {

  ArxivException(String message, Throwable cause) {
    super(message, cause);
  }

  /** arXiv could not be reached, or gave no usable answer, after the retries. */
  public static final class Unavailable extends ArxivException {

    private final URI uri;

    public Unavailable(String message, URI uri, Throwable cause) {
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

    public Refused(String arxivMessage) {
      super("arXiv refused the query: " + arxivMessage, null);
      this.arxivMessage = arxivMessage;
    }

    /** arXiv's own words. */
    public String arxivMessage() {
      return arxivMessage;
    }
  }

  /**
   * arXiv's OAI-PMH interface answered with an error, such as badArgument, idDoesNotExist or
   * cannotDisseminateFormat: the same request will fail again.
   */
  public static sealed class OaiPmhError extends ArxivException permits BadResumptionToken {

    private final String code;
    private final String arxivMessage;

    OaiPmhError(String code, String arxivMessage) {
      super("arXiv's OAI-PMH interface answered " + code + ": " + arxivMessage, null);
      this.code = code;
      this.arxivMessage = arxivMessage;
    }

    /** The OAI-PMH error code, e.g. "badArgument". */
    public String code() {
      return code;
    }

    /** arXiv's own words. */
    public String arxivMessage() {
      return arxivMessage;
    }
  }

  /**
   * arXiv does not accept a resumption token (tokens expire): the harvest has to start its date
   * window again from the first page.
   */
  public static final class BadResumptionToken extends OaiPmhError {

    BadResumptionToken(String arxivMessage) {
      super("badResumptionToken", arxivMessage);
    }
  }
}
