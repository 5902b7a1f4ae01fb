package dev.paperboy.web;

/**
 * The submission form, its rules, and the outcome of the last try: an error, or the id of a paper
 * still being fetched from arXiv ({@code fetching}, while the page refreshes itself).
 */
public record SubmitView(
    String arxiv, String comment, int maxAgeDays, int perDay, String error, String fetching) {}
