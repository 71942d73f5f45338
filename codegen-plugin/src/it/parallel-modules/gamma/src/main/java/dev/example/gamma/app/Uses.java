package dev.example.gamma.app;

import dev.example.gamma.GammaClient;
import dev.example.gamma.model.Sensor;

/** Code of the module that uses its own generated client: it compiles only if the sources were generated. */
public final class Uses {
  private Uses() {}

  public static Sensor call(GammaClient client) {
    return client.sensors().get(new Sensor("1", "one", null, null));
  }
}
