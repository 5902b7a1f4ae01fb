package dev.paperboy.web;

/**
 * This Paperboy's public address (PAPERBOY_PUBLIC_URL), for addresses that leave the site, such as
 * link previews. Unset, it is the address the server listens on, with the port it really got.
 */
final class Site {

  private volatile String base;

  Site(String publicUrl) {
    this.base =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** Fills in the port of an address configured with port 0 ("any free port"). */
  void listeningOn(int port) {
    if (base.endsWith(":0")) {
      base = base.substring(0, base.length() - 1) + port;
    }
  }

  /** The absolute address of a path on this site; null for null. */
  String absolute(String path) {
    return path == null ? null : base + path;
  }

  /** A preview of the page at {@code path}, with the image at {@code imagePath} (or none). */
  Preview preview(String title, String description, String path, String imagePath, String type) {
    return new Preview(title, description, absolute(path), absolute(imagePath), type);
  }
}
