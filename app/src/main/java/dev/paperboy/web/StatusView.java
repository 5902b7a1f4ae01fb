package dev.paperboy.web;

import dev.paperboy.harvest.Harvests;
import dev.paperboy.search.Search;
import dev.paperboy.thumbnail.Thumbnails;
import java.util.List;
import java.util.Locale;

/** The status page: the search index and embedding backlog, the latest harvests, thumbnails. */
public record StatusView(
    Search.Status search, List<Harvests.Harvest> harvests, Thumbnails.Status thumbnails) {

  public StatusView {
    harvests = List.copyOf(harvests);
  }

  /** "12 cached (3 of 512 MB); since start 4 fetched, 1 refused" and whether this node fetches. */
  public String thumbnailsLine() {
    Thumbnails.Status t = thumbnails;
    return String.format(
        Locale.ROOT,
        "%d cached (%d of %d MB); since start %d fetched, %d refused, %d times the host did not"
            + " answer%s",
        t.cached(),
        t.bytes() >> 20,
        t.cap() >> 20,
        t.counts().fetched(),
        t.counts().refusedInAll(),
        t.counts().unavailable(),
        t.fetching() ? "" : "; this node does not fetch (PAPERBOY_THUMBNAILS=off)");
  }
}
