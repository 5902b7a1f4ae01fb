package dev.paperboy.web;

import dev.paperboy.digest.Subscription;

/** The page behind a digest's "change what you get" link. */
public record ManageView(
    Subscription subscription, String token, String unsubscribeUrl, String message, String error) {

  public String keywords() {
    return String.join("\n", subscription.keywords());
  }

  public String categories() {
    return String.join(", ", subscription.categories());
  }

  public String authors() {
    return String.join("\n", subscription.authors());
  }

  public boolean daily() {
    return subscription.frequency() == Subscription.Frequency.DAILY;
  }

  public boolean forYou() {
    return subscription.kind() == Subscription.Kind.FOR_YOU;
  }

  public boolean topics() {
    return subscription.kind() == Subscription.Kind.TOPICS;
  }

  public boolean trending() {
    return subscription.kind() == Subscription.Kind.TRENDING;
  }
}
