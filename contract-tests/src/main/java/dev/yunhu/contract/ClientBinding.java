package dev.yunhu.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Message;
import dev.yunhu.client.YunhuClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * The method of the generated client that calls one endpoint of the spec, found by the generator's
 * naming rule: the group's accessor ({@code groupTag()}) and the method named after the path below
 * the group's prefix ({@code relateCancel(…)}), or the spec's {@code name}.
 *
 * @param endpoint the endpoint
 * @param accessor the group accessor of {@link YunhuClient}
 * @param method the endpoint's synchronous method
 */
public record ClientBinding(ApiSpec.Endpoint endpoint, Method accessor, Method method) {

  /** Finds the method; fails with a message that names what is missing. */
  public static ClientBinding of(ApiSpec.Endpoint endpoint) {
    Method accessor;
    try {
      accessor = YunhuClient.class.getMethod(endpoint.accessorName());
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("YunhuClient has no accessor " + endpoint.accessorName()
          + "() for group '" + endpoint.group() + "' of " + endpoint, e);
    }
    List<Method> candidates = Arrays.stream(accessor.getReturnType().getMethods())
        .filter(m -> m.getName().equals(endpoint.methodName()))
        .toList();
    if (candidates.size() != 1) {
      throw new IllegalStateException(accessor.getReturnType().getSimpleName() + " has " + candidates.size()
          + " methods named " + endpoint.methodName() + "(…) for " + endpoint + "; expected one");
    }
    Method method = candidates.get(0);
    int expected = endpoint.request() == null ? 0 : 1;
    if (method.getParameterCount() != expected) {
      throw new IllegalStateException(method + " takes " + method.getParameterCount()
          + " arguments; the spec of " + endpoint + " says " + expected);
    }
    return new ClientBinding(endpoint, accessor, method);
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
  public Object call(YunhuClient client, Object argument) throws Throwable {
    try {
      Object api = accessor.invoke(client);
      return method.getParameterCount() == 0 ? method.invoke(api) : method.invoke(api, argument);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
