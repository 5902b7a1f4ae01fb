package dev.paperboy.web;

/** A page that only tells the person something, with a link onwards. */
public record MessageView(String title, String message, String linkHref, String linkText) {}
