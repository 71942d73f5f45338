package dev.example.beta.app;

import dev.example.beta.BetaClient;
import dev.example.beta.model.Ticket;

/** Code of the module that uses its own generated client: it compiles only if the sources were generated. */
public final class Uses {
  private Uses() {}

  public static Ticket call(BetaClient client) {
    return client.tickets().get(new Ticket("1", "one", null, null));
  }
}
