package dev.example.delta.app;

import dev.example.delta.DeltaClient;
import dev.example.delta.model.Invoice;

/** Code of the module that uses its own generated client: it compiles only if the sources were generated. */
public final class Uses {
  private Uses() {}

  public static Invoice call(DeltaClient client) {
    return client.invoices().get(new Invoice("1", "one", null, null));
  }
}
