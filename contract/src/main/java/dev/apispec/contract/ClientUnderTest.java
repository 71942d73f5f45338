package dev.apispec.contract;

import java.net.URI;
import java.util.Objects;
import java.util.function.Function;

/**
 * The generated client the checks call: its class, whose {@code @Calls} methods say what each calls; how to make
 * one that sends every request to a given server; and the credential it sends, when the checks know it.
 *
 * @param type the client's class
 * @param factory makes a client whose every base URI is the given one
 * @param token the credential the clients send, or {@code null} when it is not known (then only its presence is
 *     checked)
 */
public record ClientUnderTest(Class<?> type, Function<URI, ?> factory, String token) {
  /** A placeholder server: making a client connects to nothing, so one is made to learn the class. */
  private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

  public ClientUnderTest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(factory, "factory");
  }

  /** The client {@code factory} makes, its class learnt from one made for a placeholder address. */
  public static ClientUnderTest of(Function<URI, ?> factory, String token) {
    Object sample = Objects.requireNonNull(factory.apply(NOWHERE), "the client factory returned null");
    return new ClientUnderTest(sample.getClass(), factory, token);
  }

  /** A client for the server at {@code baseUri}. */
  Object create(URI baseUri) {
    return Objects.requireNonNull(factory.apply(baseUri), "the client factory returned null");
  }
}
