package dev.paperboy.web;

import dev.paperboy.harvest.Harvests;
import dev.paperboy.search.Search;
import java.util.List;

/** The status page: the search index and embedding backlog, and the latest harvests. */
public record StatusView(Search.Status search, List<Harvests.Harvest> harvests) {

  public StatusView {
    harvests = List.copyOf(harvests);
  }
}
