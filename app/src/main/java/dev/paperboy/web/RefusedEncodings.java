package dev.paperboy.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * Takes the codings a client refuses ({@code br;q=0}) out of its Accept-Encoding before Javalin
 * sees it: Javalin's compression picks any coding the header names, weight or not (RFC 9110 section
 * 12.5.3 says a zero weight means "not acceptable").
 */
final class RefusedEncodings implements Filter {

  private static final String ACCEPT_ENCODING = "Accept-Encoding";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http) {
      String header = http.getHeader(ACCEPT_ENCODING);
      if (header != null && header.indexOf(';') >= 0) {
        String admitted = admitted(header);
        if (!admitted.equals(header)) {
          chain.doFilter(new Admitted(http, admitted), response);
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }

  /** The header's codings without those of zero weight, in their order, with their weights. */
  static String admitted(String acceptEncoding) {
    List<String> kept = new ArrayList<>();
    for (String part : acceptEncoding.split(",")) {
      String[] pieces = part.split(";");
      if (pieces.length < 2 || !PreparedBody.zeroWeight(pieces[1])) {
        kept.add(part.strip());
      }
    }
    return String.join(", ", kept);
  }

  private static final class Admitted extends HttpServletRequestWrapper {
    private final String acceptEncoding;

    Admitted(HttpServletRequest request, String acceptEncoding) {
      super(request);
      this.acceptEncoding = acceptEncoding;
    }

    private static boolean isAcceptEncoding(String name) {
      return name != null && name.toLowerCase(Locale.ROOT).equals("accept-encoding");
    }

    @Override
    public String getHeader(String name) {
      return isAcceptEncoding(name) ? acceptEncoding : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return isAcceptEncoding(name)
          ? Collections.enumeration(List.of(acceptEncoding))
          : super.getHeaders(name);
    }
  }
}
