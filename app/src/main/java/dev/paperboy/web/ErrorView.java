package dev.paperboy.web;

/** An error page: the status, a headline and what the person can do next. */
public record ErrorView(int status, String title, String message) {}
