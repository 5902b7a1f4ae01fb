package dev.paperboy.web;

import dev.paperboy.community.User;
import dev.paperboy.digest.Subscription;

/**
 * The account settings page, with the outcome of the last change (either may be null), and the
 * digest subscription of the account's address with the link to manage it (both null if none), and
 * the address of the private feed (null until the user makes one).
 */
public record SettingsView(
    User user,
    String message,
    String error,
    Subscription digest,
    String manageDigestUrl,
    String privateFeedUrl) {}
