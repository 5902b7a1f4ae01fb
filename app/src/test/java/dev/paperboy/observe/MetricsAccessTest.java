package dev.paperboy.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsAccessTest {

  final MetricsAccess withToken = new MetricsAccess(BearerToken.of("s3cret-token"));
  final MetricsAccess localOnly = new MetricsAccess(null);

  @Test
  void thisMachineReadsTheMetricsOverIpv4AndIpv6() {
    assertEquals(Optional.empty(), localOnly.refusal("127.0.0.1", false, null));
    assertEquals(Optional.empty(), localOnly.refusal("[0:0:0:0:0:0:0:1]", false, null));
    assertEquals(Optional.empty(), localOnly.refusal("::1", false, null));
  }

  @Test
  void anotherMachineNeedsTheToken() {
    assertTrue(withToken.refusal("192.0.2.7", false, null).isPresent());
    assertTrue(withToken.refusal("192.0.2.7", false, "Bearer wrong").isPresent());
    assertTrue(withToken.refusal("192.0.2.7", false, "Basic czNjcmV0LXRva2Vu").isPresent());
    assertEquals(Optional.empty(), withToken.refusal("192.0.2.7", false, "Bearer s3cret-token"));
  }

  @Test
  void aProxiedRequestIsNotLocalEvenFromLoopback() {
    assertTrue(localOnly.refusal("127.0.0.1", true, null).isPresent());
    assertTrue(localOnly.refusal("127.0.0.1", true, "Bearer anything").isPresent());
    assertEquals(Optional.empty(), withToken.refusal("127.0.0.1", true, "Bearer s3cret-token"));
  }

  @Test
  void theTokenNeverShowsInTheSettingsPrintout() {
    assertEquals("BearerToken[(set)]", BearerToken.of(" s3cret-token ").toString());
    assertEquals(null, BearerToken.of("  "));
  }

  @Test
  void onlyShortSafeRequestIdsAreKept() {
    assertEquals("req-1.a_B", RequestIds.accept("req-1.a_B"));
    for (String bad : new String[] {"", "a b", "x\ny", "id=1", "é", "a".repeat(65)}) {
      String id = RequestIds.accept(bad);
      assertTrue(id.matches("[0-9a-f]{16}"), bad + " -> " + id);
    }
  }
}
