package dev.paperboy.web;

import dev.paperboy.community.PaperCollections;
import java.util.List;

/** A collection's page: its papers, and the owner's controls when the owner looks. */
public record CollectionView(
    PaperCollections.Collection collection, boolean owner, List<CardView> cards, String error) {

  public boolean hasMath() {
    return CardView.anyMath(cards);
  }
}
