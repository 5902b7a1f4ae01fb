package dev.paperboy.web;

import dev.paperboy.community.Moderation;
import dev.paperboy.community.User;
import java.util.List;

/** The moderation page: the log of actions and every account, with block controls. */
public record AdminView(List<Moderation.Entry> log, List<User> users, String message) {}
