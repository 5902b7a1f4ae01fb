package dev.paperboy.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** JSON Feed 1.1 (jsonfeed.org/version/1.1). */
final class JsonFeed {

  static final String VERSION = "https://jsonfeed.org/version/1.1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonFeed() {}

  record Author(String name) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Item(
      String id,
      String url,
      @JsonProperty("external_url") String externalUrl,
      String title,
      @JsonProperty("content_text") String contentText,
      String summary,
      @JsonProperty("date_published") String datePublished,
      @JsonProperty("date_modified") String dateModified,
      List<Author> authors,
      List<String> tags) {}

  record Feed(
      String version,
      String title,
      @JsonProperty("home_page_url") String homePageUrl,
      @JsonProperty("feed_url") String feedUrl,
      String description,
      String language,
      List<Item> items) {}

  static String write(FeedChannel channel) {
    Feed feed =
        new Feed(
            VERSION,
            channel.title(),
            channel.pageUrl(),
            channel.selfUrl(),
            channel.description(),
            "en",
            channel.items().stream()
                .map(
                    i ->
                        new Item(
                            i.id(),
                            i.link(),
                            i.arxivLink(),
                            i.title(),
                            i.text(),
                            i.summary(),
                            i.published().toString(),
                            i.updated().toString(),
                            i.authors().stream().map(Author::new).toList(),
                            i.categories()))
                .toList());
    try {
      return JSON.writeValueAsString(feed);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the JSON feed", e);
    }
  }
}
