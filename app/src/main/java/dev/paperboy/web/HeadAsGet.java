package dev.paperboy.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * A HEAD request is answered by the GET route, so its headers (type, length, caching) are the ones
 * a GET would get. Javalin alone answers HEAD with an empty {@code text/plain} 200 without running
 * the route; here the route runs, and Jetty, which still sees a HEAD, sends no body.
 */
final class HeadAsGet implements Filter {

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http && "HEAD".equals(http.getMethod())) {
      chain.doFilter(new AsGet(http), response);
    } else {
      chain.doFilter(request, response);
    }
  }

  private static final class AsGet extends HttpServletRequestWrapper {
    AsGet(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getMethod() {
      return "GET";
    }
  }
}
