package dev.paperboy.web;

import dev.paperboy.community.User;

/** The account settings page, with the outcome of the last change (either may be null). */
public record SettingsView(User user, String message, String error) {}
