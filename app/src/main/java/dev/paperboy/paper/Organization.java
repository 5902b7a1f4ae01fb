package dev.paperboy.paper;

/** The organisation a paper is claimed by on Hugging Face: a handle, a display name, an avatar. */
public record Organization(String name, String fullname, String avatar) {

  public String displayName() {
    return fullname != null && !fullname.isBlank() ? fullname : name;
  }
}
