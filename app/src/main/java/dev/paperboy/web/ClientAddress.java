package dev.paperboy.web;

import java.util.List;
import java.util.Set;

/**
 * Who is asking, for the rate limits: the connection's address, unless it is one of the reverse
 * proxies the operator trusts (PAPERBOY_TRUSTED_PROXIES). Then X-Forwarded-For is read from the
 * right, past the trusted proxies, to the first address a proxy saw: entries further left were
 * written by the client and prove nothing.
 */
final class ClientAddress {

  private static final int MAX_HEADER = 1000;

  private final Set<String> trusted;

  ClientAddress(List<String> trustedProxies) {
    this.trusted = Set.copyOf(trustedProxies);
  }

  String of(String remote, String forwardedFor) {
    if (!trusted.contains(remote) || forwardedFor == null || forwardedFor.length() > MAX_HEADER) {
      return remote;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.matches("[0-9A-Fa-f:.]{2,45}")) {
        return remote; // not an address: the header is not to be believed
      }
      if (!trusted.contains(hop)) {
        return hop;
      }
    }
    return remote;
  }
}
