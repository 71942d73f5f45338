package dev.example.alpha.app;

import dev.example.alpha.AlphaClient;
import dev.example.alpha.model.Order;

/** Code of the module that uses its own generated client: it compiles only if the sources were generated. */
public final class Uses {
  private Uses() {}

  public static Order call(AlphaClient client) {
    return client.orders().get(new Order("1", "one", null, null));
  }
}
