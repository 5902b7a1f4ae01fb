package dev.paperboy.web;

import java.util.List;

/** The papers a reader saved for later, most recently saved first. */
public record SavedView(List<CardView> cards) {

  public boolean hasMath() {
    return CardView.anyMath(cards);
  }
}
