package dev.paperboy.community;

/** What an account may do: every user votes, submits and comments; admins also moderate. */
public enum Role {
  USER,
  ADMIN
}
