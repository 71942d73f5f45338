package dev.example.broken;

/** Never compiled: the build stops at the spec. */
final class Uses {
  private Uses() {}

  static Object client() {
    return BrokenClient.builder();
  }
}
