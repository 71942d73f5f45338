package dev.apispec.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.sun.net.httpserver.HttpServer;
import dev.apispec.runtime.ApiDecodeException;
import dev.apispec.runtime.ApiErrorException;
import dev.apispec.runtime.ApiHttpException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Replays one recording against the generated client and checks that both agree:
 *
 * <ol>
 *   <li>the recording fits the spec: its endpoint exists, its bodies have the spec's format and
 *       message types, the decoded text of each protobuf body is what its bytes say, and the token
 *       header is stored as the placeholder;
 *   <li>the client, calling the endpoint's method with the request rebuilt from the recording, sends
 *       the recorded request (method, path, token header, other recorded headers, content type, and
 *       body: JSON compared as JSON, protobuf as messages) to a local server on 127.0.0.1;
 *   <li>the local server answers with the recorded response, and the client turns it into what the
 *       response means: typed values that encode back to the recorded body with nothing lost, or
 *       the client's API exception (an {@link ApiErrorException}) with the recorded code and message, or the exception for an HTTP
 *       failure;
 *   <li>the response holds no field the spec does not know (drift), except the paths the recording
 *       lists in {@code knownDrift}, and every listed path still occurs.
 * </ol>
 */
public final class ContractCheck {
  private final ApiSpec spec;
  private final ClientUnderTest client;
  private final ProtoTypes protos;
  private final DriftFinder driftFinder;
  /**
   * The credential the replays' clients send, when known: the checks compare it with what was sent, and refuse
   * to print a report that holds it. {@code null}: only its presence is checked.
   */
  private final String token;

  public ContractCheck(ApiSpec spec, ClientUnderTest client) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.client = Objects.requireNonNull(client, "client");
    this.protos = spec.protos();
    this.token = client.token();
    this.driftFinder = new DriftFinder(spec);
  }

  /** Checks a recording; throws {@link ContractViolation} listing every problem found. */
  public void verify(Recording recording) {
    List<String> problems = problems(recording);
    if (!problems.isEmpty()) {
      throw new ContractViolation(recording, problems);
    }
  }

  /** Checks a recording and returns the problems found, each a sentence that names the field at fault. */
  public List<String> problems(Recording recording) {
    List<String> problems = new ArrayList<>();
    ApiSpec.Endpoint endpoint = spec.endpoint(recording.request()).orElse(null);
    if (endpoint == null) {
      problems.add("the request matches no endpoint of the spec: " + recording.endpoint());
      return problems;
    }
    if (endpoint.unsupported() != null) {
      problems.add(endpoint + ": " + endpoint.unsupported());
      return problems;
    }
    ClientBinding binding;
    try {
      binding = ClientBinding.of(endpoint, client.type());
    } catch (IllegalStateException e) {
      problems.add(e.getMessage());
      return problems;
    }
    checkRecordingFitsSpec(recording, endpoint, problems);
    checkDrift(recording, binding, problems);
    replay(recording, binding, problems);
    for (String problem : problems) {
      if (token != null && problem.contains(token)) {
        throw new IllegalStateException("a problem report contains the replay token; refusing to print it");
      }
    }
    return problems;
  }

  // ---------------------------------------------------------------------------------------------
  // The recording itself

  private void checkRecordingFitsSpec(Recording recording, ApiSpec.Endpoint endpoint, List<String> problems) {
    String storedToken = spec.authHeader() == null ? null : recording.request().header(spec.authHeader());
    if (spec.authHeader() == null || !endpoint.authenticated()) {
      if (storedToken != null && !storedToken.equals(Recording.REDACTED)) {
        problems.add("request header '" + spec.authHeader() + "' holds a value; a recording may only hold \""
            + Recording.REDACTED + "\" there");
      }
    } else if (storedToken == null) {
      problems.add("request header '" + spec.authHeader() + "' is missing; record it as \"" + Recording.REDACTED + "\"");
    } else if (!storedToken.equals(Recording.REDACTED)) {
      problems.add("request header '" + spec.authHeader() + "' holds a value; a recording may only hold \""
          + Recording.REDACTED + "\" there");
    }
    Recording.Body request = recording.request().body();
    if (endpoint.request() == null && request != null && request.bytes().length > 0) {
      problems.add("the request has a body, but the spec gives " + endpoint + " none");
    } else if (endpoint.request() != null) {
      checkBodyFormat("request body", request, endpoint.request(), problems);
    }
    if (recording.response().status() >= 200 && recording.response().status() <= 299 && endpoint.response() != null
        && endpoint.response().format() == ApiSpec.Format.PROTOBUF) {
      checkBodyFormat("response body", recording.response().body(), endpoint.response(), problems);
    }
    checkDecodedView("request body", request, problems);
    checkDecodedView("response body", recording.response().body(), problems);
  }

  private static void checkBodyFormat(String what, Recording.Body body, ApiSpec.Body expected, List<String> problems) {
    if (expected.format() == ApiSpec.Format.JSON) {
      if (!(body instanceof Recording.JsonBody)) {
        problems.add(what + " must be JSON (" + expected.type() + ")");
      }
    } else if (expected.format() == ApiSpec.Format.TEXT) {
      if (!(body instanceof Recording.TextBody) && !(body instanceof Recording.JsonBody)) {
        problems.add(what + " must be text (" + expected.type() + ")");
      }
    } else if (expected.format() == ApiSpec.Format.BYTES) {
      if (body == null) {
        problems.add(what + " is missing (" + expected.type() + ")");
      }
    } else if (!(body instanceof Recording.ProtobufBody proto)) {
      problems.add(what + " must be protobuf (" + expected.type() + ")");
    } else if (!expected.type().equals(proto.message())) {
      problems.add(what + " names message " + proto.message() + ", but the spec says " + expected.type());
    }
  }

  private void checkDecodedView(String what, Recording.Body body, List<String> problems) {
    if (!(body instanceof Recording.ProtobufBody proto)) {
      return;
    }
    List<String> actual;
    try {
      actual = protos.decode(proto.message(), proto.bytes());
    } catch (InvalidProtocolBufferException e) {
      problems.add(what + " is not a valid " + proto.message() + ": " + e.getMessage());
      return;
    }
    String difference = lineDifference(proto.message(), proto.decoded(), actual, "the decoded view has",
        "the bytes decode to");
    if (difference != null) {
      problems.add(what + ": the decoded view does not match the bytes (the bytes are the truth; regenerate the view with Reformat, see docs/recordings.md) "
          + difference);
    }
  }

  /** The first line where two text-format dumps differ, with the field path it is about; null when equal. */
  private String lineDifference(String message, List<String> expected, List<String> actual, String expectedName,
      String actualName) {
    if (expected.equals(actual)) {
      return null;
    }
    int i = 0;
    while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
      i++;
    }
    List<String> paths = protos.linePaths(message, i < actual.size() ? actual : expected);
    String path = paths.get(Math.min(i, paths.size() - 1));
    return "at " + (path.isEmpty() ? "(top level)" : path) + ": " + expectedName + " "
        + (i < expected.size() ? "'" + expected.get(i).strip() + "'" : "nothing") + ", " + actualName + " "
        + (i < actual.size() ? "'" + actual.get(i).strip() + "'" : "nothing");
  }

  // ---------------------------------------------------------------------------------------------
  // Drift

  private void checkDrift(Recording recording, ClientBinding binding, List<String> problems) {
    DriftFinder.Analysis analysis = driftFinder.analyse(recording, binding);
    problems.addAll(analysis.problems());
    List<DriftFinder.Drift> unexpected = analysis.drift().stream()
        .filter(d -> !recording.knownDrift().contains(d.path()))
        .toList();
    if (!unexpected.isEmpty()) {
      problems.add("drift: the response has " + (unexpected.size() == 1 ? "a field" : unexpected.size() + " fields")
          + " the spec does not know:\n      " + String.join("\n      ", unexpected.stream().map(Object::toString).toList())
          + "\n    Describe " + (unexpected.size() == 1 ? "it" : "them")
          + " in the spec, or list the path(s) in the recording's \"knownDrift\" to accept them.");
    }
    List<String> found = analysis.paths();
    for (String known : recording.knownDrift()) {
      if (!found.contains(known)) {
        problems.add("knownDrift lists " + known + ", but the response has no such unknown field; remove it");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Replay

  private sealed interface Expected permits Success, ApiError, HttpError, DecodeError {}

  private record Success() implements Expected {}

  private record ApiError(long code, String message) implements Expected {}

  private record HttpError(int status) implements Expected {}

  private record DecodeError(String why) implements Expected {}

  private void replay(Recording recording, ClientBinding binding, List<String> problems) {
    Recording.Body recordedRequest = recording.request().body();
    Object argument;
    try {
      argument = binding.requestArgument(recordedRequest == null ? new byte[0] : recordedRequest.bytes(),
          JsonCompare.PLAIN);
    } catch (Exception e) {
      problems.add("the recorded request body does not decode into "
          + (binding.requestType() == null ? "nothing" : binding.requestType().getSimpleName()) + ": " + e.getMessage());
      return;
    }
    Expected expected = expected(recording, binding);
    AtomicReference<LocalHttp.Received> received = new AtomicReference<>();
    HttpServer server;
    try {
      server = LocalHttp.server(0, "replay " + recording.id());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a local server", e);
    }
    Recording.Response response = recording.response();
    server.createContext("/", exchange -> {
      received.set(LocalHttp.receive(exchange));
      LocalHttp.send(exchange, response.status(), response.contentType(),
          response.body() == null ? new byte[0] : response.body().bytes());
    });
    server.start();
    Object result = null;
    Throwable failure = null;
    try {
      Object api = client.create(LocalHttp.uri(server));
      try {
        result = binding.call(api, recording.request(), argument);
      } catch (Throwable t) {
        failure = t;
      }
    } finally {
      LocalHttp.stop(server);
    }
    if (received.get() == null) {
      problems.add("the client sent no request to the local server" + (binding.endpoint().host() == null ? ""
          : " (the endpoint is on host '" + binding.endpoint().host() + "': does the client factory point every host"
          + " at the URI it is given?)") + (failure == null ? "" : "; it threw " + describe(failure)));
      return;
    }
    checkSentRequest(recording, binding, received.get(), problems);
    checkOutcome(recording, binding, expected, result, failure, problems);
  }

  private void checkSentRequest(Recording recording, ClientBinding binding, LocalHttp.Received sent,
      List<String> problems) {
    Recording.Request recorded = recording.request();
    if (!recorded.method().equals(sent.method())) {
      problems.add("request method: recorded " + recorded.method() + ", sent " + sent.method());
    }
    if (!recorded.path().equals(sent.path())) {
      problems.add("request path: recorded " + recorded.path() + ", sent " + sent.path());
    }
    String sentToken = spec.authHeader() == null ? null : sent.header(spec.authHeader());
    if (spec.authHeader() == null || !binding.endpoint().authenticated()) {
      if (sentToken != null) {
        problems.add("request header '" + spec.authHeader() + "': the client sent it to an endpoint that needs none");
      }
    } else if (sentToken == null) {
      problems.add("request header '" + spec.authHeader() + "': the client did not send it");
    } else if (token != null && !sentToken.equals(token)) {
      problems.add("request header '" + spec.authHeader() + "': the client did not send the token it was given");
    }
    for (Map.Entry<String, String> header : recorded.headers().entrySet()) {
      String name = header.getKey();
      if (spec.authHeader() != null && name.equals(spec.authHeader().toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      String value = sent.header(name);
      if (value == null) {
        problems.add("request header '" + name + "': recorded, but the client did not send it");
      } else if (!header.getValue().equals(Recording.REDACTED) && !header.getValue().equals(value)) {
        problems.add("request header '" + name + "': recorded \"" + header.getValue() + "\", sent \"" + value + "\"");
      }
    }
    if (recorded.header("content-type") == null && sent.header("content-type") != null) {
      problems.add("request header 'content-type': not recorded, but the client sent \"" + sent.header("content-type")
          + "\"");
    }
    Recording.Body body = recorded.body();
    if (body == null) {
      if (sent.body().length > 0) {
        problems.add("request body: none recorded, but the client sent " + sent.body().length + " bytes");
      }
    } else if (body instanceof Recording.JsonBody json) {
      JsonNode actual = JsonCompare.normaliseBytes(sent.body());
      if (actual == null) {
        problems.add("request body: recorded JSON, but the client sent something else");
      } else {
        JsonCompare.differences("", json.json(), actual, "recorded", "sent")
            .forEach(d -> problems.add("request body: " + d));
      }
    } else if (body instanceof Recording.ProtobufBody proto && binding.requestType() != null
        && Message.class.isAssignableFrom(binding.requestType())) {
      try {
        Message expected = ClientBinding.parseProtobuf(binding.requestType(), proto.bytes());
        Message actual = ClientBinding.parseProtobuf(binding.requestType(), sent.body());
        if (!expected.equals(actual)) {
          problems.add("request body: " + lineDifference(proto.message(), ProtoTypes.text(expected),
              ProtoTypes.text(actual), "recorded", "sent"));
        }
      } catch (Exception e) {
        problems.add("request body: the client sent bytes that are not a " + proto.message() + ": " + e.getMessage());
      }
    } else if (!Arrays.equals(body.bytes(), sent.body())) {
      problems.add("request body: the client sent other bytes than recorded");
    }
  }

  /**
   * What a recorded response means for the client: {@code success}, {@code failure <code> <message>}
   * (the envelope's or the status's code is not the success code), {@code http <status>}, or
   * {@code undecodable}. {@code null} when the request matches no endpoint of the spec.
   */
  public Outcome outcome(Recording recording) {
    ApiSpec.Endpoint endpoint = spec.endpoint(recording.request()).orElse(null);
    if (endpoint == null) {
      return null;
    }
    Expected expected = expected(recording, ClientBinding.of(endpoint, client.type()));
    if (expected instanceof ApiError error) {
      return new Outcome(false, error.code(), error.message());
    }
    return new Outcome(expected instanceof Success, null, null);
  }

  /**
   * What a recorded response means.
   *
   * @param success the call succeeds
   * @param code the failure code, when the server answered with one
   * @param message the server's message with it
   */
  public record Outcome(boolean success, Long code, String message) {}

  private Expected expected(Recording recording, ClientBinding binding) {
    Recording.Response response = recording.response();
    if (response.status() < 200 || response.status() > 299) {
      return new HttpError(response.status());
    }
    byte[] bytes = response.body() == null ? new byte[0] : response.body().bytes();
    ApiSpec.Endpoint endpoint = binding.endpoint();
    ApiSpec.Format format = endpoint.response() == null ? null : endpoint.response().format();
    if (format == ApiSpec.Format.TEXT || format == ApiSpec.Format.BYTES) {
      return new Success();
    }
    if (endpoint.jsonResponse()) {
      ApiSpec.Envelope envelope = endpoint.envelope();
      JsonNode root = JsonCompare.normaliseBytes(bytes);
      if (envelope.none()) {
        return format == null || root != null ? new Success() : new DecodeError("not JSON");
      }
      if (root == null || !root.isObject()) {
        return new DecodeError("not a JSON object");
      }
      if (envelope.code() == null) {
        return new Success();
      }
      JsonNode code = root.get(envelope.code());
      if (code == null || !code.isIntegralNumber() || !code.canConvertToInt()) {
        return new DecodeError("no integer code");
      }
      JsonNode message = root.get(envelope.message());
      String text = message == null || message.isNull() ? "" : message.asText();
      if (format == ApiSpec.Format.CODES) {
        return endpoint.codes().codes().contains(code.asLong()) ? new Success() : new ApiError(code.asLong(), text);
      }
      if (code.asLong() != envelope.success()) {
        return new ApiError(code.asLong(), text);
      }
      // beside the code, the whole body is the payload
      JsonNode data = envelope.data() == null ? root : root.get(envelope.data());
      if (endpoint.response() != null && (data == null || data.isNull())) {
        return new DecodeError("no data");
      }
      return new Success();
    }
    Message message;
    try {
      message = ClientBinding.parseProtobuf(binding.responseType(), bytes);
    } catch (Exception e) {
      return new DecodeError("not protobuf");
    }
    FieldDescriptor statusField = message.getDescriptorForType().findFieldByName(spec.statusField());
    if (statusField == null || !message.hasField(statusField)) {
      return new DecodeError("no status");
    }
    Message status = (Message) message.getField(statusField);
    FieldDescriptor codeField = status.getDescriptorForType().findFieldByName(spec.statusCode());
    FieldDescriptor textField = status.getDescriptorForType().findFieldByName(spec.statusMessage());
    long code = ((Number) status.getField(codeField)).longValue();
    if (code != spec.protobufSuccess()) {
      return new ApiError(code, textField == null ? "" : String.valueOf(status.getField(textField)));
    }
    return new Success();
  }

  private void checkOutcome(Recording recording, ClientBinding binding, Expected expected, Object result,
      Throwable failure, List<String> problems) {
    String endpoint = recording.request().method() + " " + binding.endpoint().path();
    if (failure != null && token != null && String.valueOf(failure.getMessage()).contains(token)) {
      problems.add("the client's exception message contains the token");
    }
    if (expected instanceof Success) {
      if (failure != null) {
        problems.add("the recorded response is a success, but the client threw " + describe(failure));
        return;
      }
      checkRoundTrip(recording, binding, result, problems);
    } else if (expected instanceof ApiError error) {
      if (!(failure instanceof ApiErrorException e)) {
        problems.add("the recorded response is failure " + error.code() + " \"" + error.message()
            + "\", but the client " + (failure == null ? "returned normally" : "threw " + describe(failure)));
        return;
      }
      long expectedCode = error.code() > Integer.MAX_VALUE || error.code() < Integer.MIN_VALUE
          ? Integer.MIN_VALUE : error.code();
      if (e.code() != expectedCode) {
        problems.add(e.getClass().getSimpleName() + ".code(): recorded " + error.code() + ", got " + e.code());
      }
      if (!error.message().equals(e.getMessage())) {
        problems.add(e.getClass().getSimpleName() + ".getMessage(): recorded \"" + error.message() + "\", got \"" + e.getMessage() + "\"");
      }
      if (!endpoint.equals(e.endpoint())) {
        problems.add(e.getClass().getSimpleName() + ".endpoint(): expected \"" + endpoint + "\", got \"" + e.endpoint() + "\"");
      }
      if (e.httpStatus() != recording.response().status()) {
        problems.add(e.getClass().getSimpleName() + ".httpStatus(): recorded " + recording.response().status() + ", got "
            + e.httpStatus());
      }
    } else if (expected instanceof HttpError error) {
      if (!(failure instanceof ApiHttpException e) || e.httpStatus() != error.status()) {
        problems.add("the recorded response has HTTP status " + error.status() + ", but the client "
            + (failure == null ? "returned normally" : "threw " + describe(failure)));
      }
    } else if (expected instanceof DecodeError error) {
      if (!(failure instanceof ApiDecodeException)) {
        problems.add("the recorded response cannot be decoded (" + error.why() + "), but the client "
            + (failure == null ? "returned normally" : "threw " + describe(failure)));
      }
    }
  }

  private void checkRoundTrip(Recording recording, ClientBinding binding, Object result, List<String> problems) {
    Recording.Body body = recording.response().body();
    if (binding.endpoint().response() == null) {
      if (result != null) {
        problems.add("the spec gives no response data, but the client returned " + result.getClass().getSimpleName());
      }
      return;
    }
    if (result == null) {
      problems.add("the client returned null for a success response");
      return;
    }
    ApiSpec.Endpoint endpoint = binding.endpoint();
    switch (endpoint.response().format()) {
      case TEXT -> {
        String text = new String(body == null ? new byte[0] : body.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!text.equals(result)) {
          problems.add("response: the client returned " + JsonCompare.excerpt(JsonCompare.PLAIN.valueToTree(result))
              + ", but the recorded text is " + JsonCompare.excerpt(JsonCompare.PLAIN.valueToTree(text)));
        }
        return;
      }
      case BYTES -> {
        byte[] recorded = body == null ? new byte[0] : body.bytes();
        if (!(result instanceof byte[] returned) || !Arrays.equals(recorded, returned)) {
          problems.add("response: the client returned other bytes than the " + recorded.length + " recorded");
        }
        return;
      }
      case CODES -> {
        checkCodeAnswer(recording, endpoint, result, problems);
        return;
      }
      case JSON -> {
        JsonNode root = ((Recording.JsonBody) body).json();
        ApiSpec.Envelope envelope = endpoint.envelope();
        boolean whole = envelope.none() || envelope.beside();
        String where = whole ? "" : envelope.data();
        JsonNode data = whole ? root : root.get(envelope.data());
        JsonNode encoded = JsonCompare.normalise(result);
        JsonCompare.differences(where, data, encoded, "recorded", "re-encoded")
            .forEach(d -> problems.add("response does not survive decode and encode: " + d));
        return;
      }
      default -> {
        // protobuf, below
      }
    }
    Message message = (Message) result;
    byte[] recorded = body.bytes();
    if (Arrays.equals(recorded, message.toByteArray())) {
      return;
    }
    try {
      Message parsed = ClientBinding.parseProtobuf(binding.responseType(), recorded);
      if (!parsed.equals(message)) {
        problems.add("response does not survive decode and encode: " + lineDifference(binding.endpoint().response().type(),
            ProtoTypes.text(parsed), ProtoTypes.text(message), "recorded", "re-encoded"));
      }
    } catch (Exception e) {
      problems.add("the recorded response is not a valid " + binding.endpoint().response().type());
    }
  }

  /** A {@code codes} answer: the boolean the code stands for, or the int enum constant of the code. */
  private void checkCodeAnswer(Recording recording, ApiSpec.Endpoint endpoint, Object result, List<String> problems) {
    ApiSpec.Envelope envelope = endpoint.envelope();
    long code = ((Recording.JsonBody) recording.response().body()).json().get(envelope.code()).asLong();
    if (endpoint.codes().booleans().isEmpty()) {
      Object value;
      try {
        value = result.getClass().getMethod("value").invoke(result);
      } catch (ReflectiveOperationException e) {
        problems.add("response: the client returned " + result.getClass().getSimpleName()
            + ", which has no value() for code " + code);
        return;
      }
      if (!(value instanceof Number number) || number.longValue() != code) {
        problems.add("response: code " + code + " came back as " + result + " (value " + value + ")");
      }
    } else if (!endpoint.codes().booleans().get(code).equals(result)) {
      problems.add("response: code " + code + " means " + endpoint.codes().booleans().get(code)
          + ", but the client returned " + result);
    }
  }

  private String describe(Throwable failure) {
    String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    return token == null ? text : text.replace(token, "***");
  }
}
