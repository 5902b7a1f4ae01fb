package dev.paperboy.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * What Jetty answers itself, before a request reaches Paperboy (a URI or headers too long, a
 * request it cannot parse): a short plain-text reason with the same security headers as every page,
 * no HTML and no server details.
 */
final class BareErrors extends ErrorHandler {

  BareErrors() {
    setShowStacks(false);
    setShowServlet(false);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    WebServer.securityHeaders(fields::put);
    fields.put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
    String text = status + " " + HttpStatus.getMessage(status) + "\n" + explain(status) + "\n";
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String explain(int status) {
    return switch (status) {
      case 414 -> "The address is too long.";
      case 431 -> "The request headers (cookies, perhaps) are too large.";
      default -> "Paperboy could not read this request.";
    };
  }
}
