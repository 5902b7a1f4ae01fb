package dev.paperboy.web;

/**
 * What a link to a page shows where it is shared (Open Graph and Twitter card tags), with absolute
 * addresses; {@code description} may hold TeX (shown as plain text), {@code image} null when the
 * page has none. A page hands one to the layout; any page may.
 *
 * @param type Open Graph's type: "article" for a paper, "website" for a feed
 */
public record Preview(String title, String description, String url, String image, String type) {

  /** How long a description may be before it is cut at a word. */
  static final int DESCRIPTION_CHARS = 200;

  public Preview {
    description = Format.oneLine(RichText.plain(description), DESCRIPTION_CHARS);
  }

  /** A large card when there is an image to show, else the small one. */
  public String twitterCard() {
    return image == null ? "summary" : "summary_large_image";
  }
}
