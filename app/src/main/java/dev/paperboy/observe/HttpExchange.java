package dev.paperboy.observe;

/**
 * One finished HTTP request as the web layer saw it. Nothing in it identifies a person: no address,
 * no query, no cookie, no user.
 *
 * @param requestId the id echoed in {@code X-Request-Id}
 * @param route the matched route template ({@code /papers/{id}}), never the raw path
 * @param bytes the response body's size, or -1 when unknown
 */
public record HttpExchange(
    String requestId, String method, String route, int status, long nanos, long bytes) {

  /** The status as Prometheus dashboards group it: {@code 2xx}, {@code 4xx}... */
  public String statusClass() {
    return switch (status / 100) {
      case 1 -> "1xx";
      case 2 -> "2xx";
      case 3 -> "3xx";
      case 4 -> "4xx";
      case 5 -> "5xx";
      default -> "other";
    };
  }
}
