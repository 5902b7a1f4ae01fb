package dev.paperboy.web;

import java.time.Instant;
import java.util.List;

/**
 * A feed about to be written: its title, the page it follows ({@code pageUrl}), its own address in
 * the format asked for ({@code selfUrl}), and its items. {@code updated} is the newest item's date,
 * or the epoch for an empty feed, so that the same items always write the same bytes.
 */
record FeedChannel(
    String title, String description, String pageUrl, String selfUrl, List<FeedItem> items) {

  Instant updated() {
    return items.stream().map(FeedItem::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
  }
}
