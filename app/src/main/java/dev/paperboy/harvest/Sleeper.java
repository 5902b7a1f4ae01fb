package dev.paperboy.harvest;

import java.time.Duration;

/** Waits. Injected beside the clock so that tests check waits on fake time instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  static Sleeper system() {
    return Thread::sleep;
  }
}
