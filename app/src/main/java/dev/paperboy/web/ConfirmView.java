package dev.paperboy.web;

import java.util.Map;

/**
 * A page that asks the person to confirm with one button (a POST), so a mail scanner that follows a
 * link changes nothing.
 */
public record ConfirmView(
    String title,
    String message,
    String action,
    Map<String, String> fields,
    String button,
    String cancelHref,
    String cancelText) {

  public ConfirmView {
    fields = Map.copyOf(fields);
  }
}
