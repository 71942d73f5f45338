package dev.apispec.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Message;
import dev.apispec.runtime.Calls;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The method of the generated client that calls one endpoint of the spec, found by what the generated code
 * says of itself: the group accessors of the client class, and among their methods the blocking one whose
 * {@link Calls} names the endpoint's method and path. No Java name is derived here.
 *
 * @param endpoint the endpoint
 * @param accessor the group accessor of the client
 * @param method the endpoint's synchronous method
 */
public record ClientBinding(ApiSpec.Endpoint endpoint, Method accessor, Method method) {

  /** Finds the method; fails with a message that names what is missing. */
  public static ClientBinding of(ApiSpec.Endpoint endpoint, Class<?> client) {
    List<ClientBinding> found = new ArrayList<>();
    for (Method accessor : client.getMethods()) {
      if (accessor.getParameterCount() != 0 || accessor.getDeclaringClass() != client
          || Modifier.isStatic(accessor.getModifiers())) {
        continue;
      }
      for (Method method : accessor.getReturnType().getMethods()) {
        Calls calls = method.getAnnotation(Calls.class);
        if (calls != null && calls.method().equals(endpoint.method()) && calls.path().equals(endpoint.path())
            && !CompletableFuture.class.isAssignableFrom(method.getReturnType())) {
          found.add(new ClientBinding(endpoint, accessor, method));
        }
      }
    }
    if (found.size() != 1) {
      throw new IllegalStateException(client.getSimpleName() + " has " + found.size() + " blocking methods annotated @Calls(method = \""
          + endpoint.method() + "\", path = \"" + endpoint.path() + "\")" + (found.isEmpty() ? "" : ": " + found.stream()
              .map(b -> b.accessor().getName() + "()." + b.method().getName()).toList()) + "; expected one");
    }
    ClientBinding binding = found.get(0);
    int expected = endpoint.request() == null ? 0 : 1;
    if (binding.method().getParameterCount() != expected) {
      throw new IllegalStateException(binding.method() + " takes " + binding.method().getParameterCount()
          + " arguments; the spec of " + endpoint + " says " + expected);
    }
    return binding;
  }

  /** The type of the request argument, or {@code null} when the method takes none. */
  public Class<?> requestType() {
    return method.getParameterCount() == 0 ? null : method.getParameterTypes()[0];
  }

  /** The type the method returns ({@code void} when the response carries no data). */
  public Class<?> responseType() {
    return method.getReturnType();
  }

  /**
   * The request argument rebuilt from recorded body bytes: JSON decoded into the parameter type with
   * a plain {@link ObjectMapper}, protobuf parsed with the parameter type's static {@code parseFrom}.
   */
  public Object requestArgument(byte[] body, ObjectMapper plainJson) throws Exception {
    Class<?> type = requestType();
    if (type == null) {
      return null;
    }
    if (Message.class.isAssignableFrom(type)) {
      return parseProtobuf(type, body);
    }
    return plainJson.readValue(body, type);
  }

  /** Parses protobuf bytes with a generated message class's static {@code parseFrom(byte[])}. */
  public static Message parseProtobuf(Class<?> type, byte[] bytes) throws Exception {
    try {
      return (Message) type.getMethod("parseFrom", byte[].class).invoke(null, (Object) bytes);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /**
   * Calls the endpoint. An exception the client throws is rethrown as it is (not wrapped).
   *
   * @return what the method returns ({@code null} for {@code void})
   */
  public Object call(Object client, Object argument) throws Throwable {
    try {
      Object api = accessor.invoke(client);
      return method.getParameterCount() == 0 ? method.invoke(api) : method.invoke(api, argument);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
