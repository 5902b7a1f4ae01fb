package dev.paperboy.web;

/**
 * An error page: the status, a headline and what the person can do next; {@code offer} (or null)
 * when the page is for an arXiv paper not stored here.
 */
public record ErrorView(int status, String title, String message, ArxivOffer offer) {}
