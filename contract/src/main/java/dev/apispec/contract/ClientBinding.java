package dev.apispec.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Message;
import dev.apispec.runtime.Calls;
import dev.apispec.runtime.HeaderParam;
import dev.apispec.runtime.PathParam;
import dev.apispec.runtime.QueryParam;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            && calls.host().equals(endpoint.host() == null ? "" : endpoint.host())
            && !CompletableFuture.class.isAssignableFrom(method.getReturnType())) {
          found.add(new ClientBinding(endpoint, accessor, method));
        }
      }
    }
    if (found.size() != 1) {
      throw new IllegalStateException(client.getSimpleName() + " has " + found.size() + " blocking methods annotated @Calls(method = \""
          + endpoint.method() + "\", path = \"" + endpoint.path() + "\"" + (endpoint.host() == null ? "" : ", host = \"" + endpoint.host() + "\"") + ")" + (found.isEmpty() ? "" : ": " + found.stream()
              .map(b -> b.accessor().getName() + "()." + b.method().getName()).toList()) + "; expected one");
    }
    ClientBinding binding = found.get(0);
    int expected = endpoint.request() == null ? 0 : 1;
    if (binding.bodyIndex() < 0 ? expected != 0 : expected != 1) {
      throw new IllegalStateException(binding.method() + " takes " + (binding.bodyIndex() < 0 ? "no" : "a")
          + " request body; the spec of " + endpoint + " says " + (expected == 0 ? "none" : "one"));
    }
    return binding;
  }

  /** The index of the body parameter: the one without a parameter annotation, or -1. */
  private int bodyIndex() {
    Parameter[] parameters = method.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      if (!isParam(parameters[i])) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isParam(Parameter parameter) {
    return parameter.isAnnotationPresent(PathParam.class) || parameter.isAnnotationPresent(QueryParam.class)
        || parameter.isAnnotationPresent(HeaderParam.class);
  }

  /** The type of the request argument, or {@code null} when the method takes none. */
  public Class<?> requestType() {
    int body = bodyIndex();
    return body < 0 ? null : method.getParameterTypes()[body];
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
    if (endpoint.request().format() == ApiSpec.Format.TEXT) {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
    if (endpoint.request().format() == ApiSpec.Format.BYTES) {
      return body.clone();
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
  public Object call(Object client, Recording.Request request, Object argument) throws Throwable {
    Object[] arguments = arguments(request, argument);
    try {
      Object api = accessor.invoke(client);
      return method.invoke(api, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /**
   * The method's arguments for a recorded request: each path, query and header parameter from where the
   * request carries it, as the parameter's Java type; the body is {@code body}.
   */
  Object[] arguments(Recording.Request request, Object body) {
    String raw = request.path();
    int question = raw.indexOf('?');
    String path = question < 0 ? raw : raw.substring(0, question);
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (question >= 0) {
      for (String pair : raw.substring(question + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        query.computeIfAbsent(name, n -> new ArrayList<>()).add(equals < 0 ? "" : decode(pair.substring(equals + 1)));
      }
    }
    Map<String, String> pathValues = pathValues(method.getAnnotation(Calls.class).path(), path);
    Parameter[] parameters = method.getParameters();
    Object[] arguments = new Object[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      Parameter parameter = parameters[i];
      if (parameter.isAnnotationPresent(PathParam.class)) {
        arguments[i] = convert(parameter, pathValues.get(parameter.getAnnotation(PathParam.class).value()));
      } else if (parameter.isAnnotationPresent(QueryParam.class)) {
        List<String> values = query.get(parameter.getAnnotation(QueryParam.class).value());
        arguments[i] = List.class.isAssignableFrom(parameter.getType())
            ? (values == null ? null : values.stream().map(v -> convertElement(parameter, v)).toList())
            : convert(parameter, values == null ? null : values.get(0));
      } else if (parameter.isAnnotationPresent(HeaderParam.class)) {
        arguments[i] = convert(parameter, request.header(parameter.getAnnotation(HeaderParam.class).value()));
      } else {
        arguments[i] = body;
      }
    }
    return arguments;
  }

  /** The values of the template's {@code {name}} segments in {@code path}. */
  private static Map<String, String> pathValues(String template, String path) {
    Map<String, String> values = new LinkedHashMap<>();
    String[] names = template.split("/", -1);
    String[] parts = path.split("/", -1);
    for (int i = 0; i < names.length && i < parts.length; i++) {
      if (names[i].startsWith("{") && names[i].endsWith("}")) {
        values.put(names[i].substring(1, names[i].length() - 1), decode(parts[i]));
      }
    }
    return values;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static Object convert(Parameter parameter, String text) {
    if (text == null) {
      if (parameter.getType().isPrimitive()) {
        throw new IllegalArgumentException("the recorded request has no value for " + parameter.getName());
      }
      return null;
    }
    return convert(parameter.getType(), text);
  }

  private static Object convertElement(Parameter parameter, String text) {
    Class<?> element = parameter.getParameterizedType() instanceof ParameterizedType list
        && list.getActualTypeArguments()[0] instanceof Class<?> type ? type : String.class;
    return convert(element, text);
  }

  /** Text as the parameter's Java type: a string, a number, a boolean, or an open enum (its {@code of}). */
  private static Object convert(Class<?> type, String text) {
    if (type == String.class) {
      return text;
    } else if (type == int.class || type == Integer.class) {
      return Integer.valueOf(text);
    } else if (type == long.class || type == Long.class) {
      return Long.valueOf(text);
    } else if (type == double.class || type == Double.class) {
      return Double.valueOf(text);
    } else if (type == boolean.class || type == Boolean.class) {
      return Boolean.valueOf(text);
    } else if (type == BigDecimal.class) {
      return new BigDecimal(text);
    }
    for (Class<?> wire : new Class<?>[] {int.class, String.class}) {
      try {
        Method of = type.getMethod("of", wire);
        return of.invoke(null, wire == int.class ? (Object) Integer.valueOf(text) : text);
      } catch (NoSuchMethodException | NumberFormatException e) {
        // not this kind of enum
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot make a " + type.getSimpleName() + " of " + text, e);
      }
    }
    throw new IllegalStateException("cannot make a " + type.getSimpleName() + " of a parameter's text");
  }
}
