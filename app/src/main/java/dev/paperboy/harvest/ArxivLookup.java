package dev.paperboy.harvest;

import dev.paperboy.ingest.ArxivException;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import java.util.Optional;

/** Finds one paper on arXiv by its id, as a user's paper submission needs. */
public interface ArxivLookup {

  /**
   * The paper as arXiv describes it now (the given version, or the latest when none is given).
   *
   * @return empty when arXiv has no such paper
   * @throws ArxivException.Unavailable when arXiv cannot be reached, after retries
   * @throws ArxivException.Refused when arXiv refuses the id itself (such as 1234.12345)
   */
  Optional<Paper> find(ArxivId id);
}
