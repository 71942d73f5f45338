package dev.apispec.contract;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.apispec.codegen.diagnostics.Problems;
import dev.apispec.codegen.diagnostics.SpecException;
import dev.apispec.codegen.model.ApiInfo;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.proto.ProtoCatalog;
import dev.apispec.codegen.spec.SpecReader;
import dev.apispec.codegen.validate.SpecValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The parts of the API spec (the YAML of {@code api-spec/src/main/spec}) that the contract checks
 * need: the endpoints with their bodies and documented errors, the auth header, the JSON envelope
 * and the protobuf status. Read and validated by the plugin's own reader and validator, so the checks
 * see exactly the spec the client was generated from.
 */
public final class ApiSpec {
  /** Where the api-spec jar keeps the spec files on the class path. */
  static final String CLASSPATH_DIR = "spec";

  /** The format of a request or response body. */
  public enum Format { JSON, PROTOBUF }

  /**
   * A request or response body as the spec names it.
   *
   * @param format JSON or protobuf
   * @param type the JSON type name or the full protobuf message name
   */
  public record Body(Format format, String type) {}

  /** A documented failure of an endpoint. */
  public record DocumentedError(long code, String message) {
    /**
     * Whether a server message is this one. The spec writes variants in angle brackets, as in
     * {@code <群聊/用户/机器人>不存在}: any one of them may stand in their place.
     */
    public boolean matches(long actualCode, String actualMessage) {
      if (actualCode != code) {
        return false;
      }
      if (message == null) {
        return true;
      }
      int open = message.indexOf('<');
      int close = message.indexOf('>', open + 1);
      if (open < 0 || close < 0) {
        return message.equals(actualMessage);
      }
      String head = message.substring(0, open);
      String tail = message.substring(close + 1);
      for (String option : message.substring(open + 1, close).split("/", -1)) {
        if ((head + option + tail).equals(actualMessage)) {
          return true;
        }
      }
      return message.equals(actualMessage);
    }
  }

  /**
   * One endpoint of the spec.
   *
   * @param group the group key ({@code group-tag})
   * @param prefix the group's path prefix ({@code /v1/group-tag/})
   * @param method the HTTP method
   * @param path the path
   * @param authenticated whether the endpoint needs the credential
   * @param request the request body, or {@code null} when there is none
   * @param response the response payload, or {@code null} when the envelope carries none
   * @param errors the documented failures
   * @param unsupported why the checks cannot replay this endpoint yet, or {@code null} when they can
   */
  public record Endpoint(String group, String prefix, String method, String path, boolean authenticated,
      Body request, Body response, List<DocumentedError> errors, String unsupported) {

    /** Where the recordings of this endpoint live: {@code <group>/<path after the prefix>}. */
    public String recordingDir() {
      return group + "/" + path.substring(prefix.length());
    }

    /** The response is JSON (an envelope), with or without data. */
    public boolean jsonResponse() {
      return response == null || response.format() == Format.JSON;
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private final String authHeader;
  private final String envelopeCode;
  private final String envelopeMessage;
  private final String envelopeData;
  private final long jsonSuccess;
  private final String statusField;
  private final String statusCode;
  private final String statusMessage;
  private final long protobufSuccess;
  private final String jsonContentType;
  private final String protobufContentType;
  private final List<Endpoint> endpoints;
  private final Set<String> secretFields;
  private final ProtoTypes protos;
  private final String baseUrl;

  private ApiSpec(Spec model, ProtoTypes protos) {
    this.protos = protos;
    this.baseUrl = model.api().baseUrl();
    ApiInfo api = model.api();
    this.authHeader = api.authHeader();
    ApiInfo.JsonSettings json = api.json();
    this.envelopeCode = json == null ? "code" : json.codeField();
    this.envelopeMessage = json == null ? "msg" : json.messageField();
    this.envelopeData = json == null ? "data" : json.dataField();
    this.jsonSuccess = json == null ? 1 : json.successCode();
    this.jsonContentType = json == null ? "application/json" : json.contentType();
    ApiInfo.ProtobufSettings protobuf = api.protobuf();
    this.statusField = protobuf == null ? "status" : protobuf.statusField();
    this.statusCode = protobuf == null ? "code" : protobuf.codeField();
    this.statusMessage = protobuf == null ? "msg" : protobuf.messageField();
    this.protobufSuccess = protobuf == null ? 1 : protobuf.successCode();
    this.protobufContentType = protobuf == null ? "application/x-protobuf" : protobuf.contentType();
    List<Endpoint> all = new ArrayList<>();
    for (GroupDef group : model.groups()) {
      for (EndpointDef endpoint : group.endpoints()) {
        all.add(endpoint(api, group, endpoint));
      }
    }
    this.endpoints = List.copyOf(all);
    Set<String> secrets = new TreeSet<>();
    for (TypeDef type : model.types()) {
      if (type instanceof TypeDef.ObjectDef object) {
        object.fields().stream().filter(TypeDef.FieldDef::secret).forEach(f -> secrets.add(f.wireName()));
      }
    }
    this.secretFields = Set.copyOf(secrets);
  }

  /** The protobuf messages of the client the spec was read for. */
  public ProtoTypes protos() {
    return protos;
  }

  /** The spec's {@code baseUrl}: where the recorder forwards unless told otherwise. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The wire names of the fields the spec marks {@code secret: true}: the recorder hides their values. */
  public Set<String> secretFields() {
    return secretFields;
  }

  /**
   * Reads and validates a spec file or folder as the plugin does (a spec it would refuse is refused), checking
   * protobuf bodies against the messages of {@code client}.
   */
  public static ApiSpec read(Path spec, Class<?> client) {
    ProtoTypes protos = ProtoTypes.of(client);
    return read(spec, spec.toString(), catalog(protos), protos);
  }

  /**
   * Reads and validates a spec for tools that have its messages but not its client (the mock server and the
   * recorder as plugin goals).
   *
   * @param spec a spec file or folder
   * @param protos the spec's protobuf messages ({@link ProtoTypes#none()} for a JSON-only spec)
   * @return the spec
   */
  public static ApiSpec read(Path spec, ProtoTypes protos) {
    return read(spec, spec.toString(), catalog(protos), protos);
  }

  /** Like {@link #read(Path, Class)}, with the messages of the descriptor set protoc wrote. */
  public static ApiSpec read(Path spec, Class<?> client, Path descriptorSet) {
    ProtoCatalog catalog;
    try {
      catalog = ProtoCatalog.parse(Files.readAllBytes(descriptorSet));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the descriptor set " + descriptorSet, e);
    }
    return read(spec, spec.toString(), catalog, ProtoTypes.of(client));
  }

  /** Reads the spec from the class path ({@code spec/*.yaml}, where an api-spec jar puts it). */
  public static ApiSpec fromClasspath(Class<?> client) {
    Map<String, byte[]> files = new TreeMap<>();
    ClasspathFiles.read(CLASSPATH_DIR).forEach((name, bytes) -> {
      if (!name.contains("/") && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
        files.put(name, bytes);
      }
    });
    if (files.isEmpty()) {
      throw new IllegalStateException("no spec files (*.yaml) on the class path (" + CLASSPATH_DIR + "/)");
    }
    Path dir;
    try {
      // the reader takes a folder: the jar's files are copied out once
      dir = Files.createTempDirectory("apispec-spec");
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Files.write(dir.resolve(file.getKey()), file.getValue());
        dir.resolve(file.getKey()).toFile().deleteOnExit();
      }
      dir.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the spec out of the class path", e);
    }
    ProtoTypes protos = ProtoTypes.of(client);
    return read(dir, "the class path (" + CLASSPATH_DIR + "/)", catalog(protos), protos);
  }

  private static ApiSpec read(Path spec, String where, ProtoCatalog catalog, ProtoTypes protos) {
    Problems problems = new Problems();
    Path root = java.nio.file.Files.isDirectory(spec) ? spec : spec.toAbsolutePath().getParent();
    Spec model = SpecReader.read(spec, root, problems);
    SpecValidator.validate(model, catalog, problems);
    try {
      problems.throwIfAny();
    } catch (SpecException e) {
      throw new IllegalStateException("the spec in " + where + " is not valid: " + e.getMessage(), e);
    }
    return new ApiSpec(model, protos);
  }

  /** The protobuf messages of the generated client, as the validator checks protobuf bodies against. */
  private static ProtoCatalog catalog(ProtoTypes protos) {
    try {
      return ProtoCatalog.parse(protos.descriptorSet());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the client's own descriptors do not parse", e);
    }
  }

  private static Endpoint endpoint(ApiInfo api, GroupDef group, EndpointDef endpoint) {
    List<DocumentedError> errors = endpoint.errors().stream()
        .map(error -> new DocumentedError(error.code(), error.message()))
        .toList();
    return new Endpoint(group.name(), group.prefix(), endpoint.method(), endpoint.path(),
        group.authenticated(endpoint, api), body(endpoint.request()), body(endpoint.response()), errors,
        unsupported(api, group, endpoint));
  }

  private static Body body(EndpointDef.Body body) {
    if (body instanceof EndpointDef.JsonBody json) {
      return new Body(Format.JSON, json.typeName());
    }
    if (body instanceof EndpointDef.ProtobufBody proto) {
      return new Body(Format.PROTOBUF, proto.messageName());
    }
    return null;
  }

  /** What of the endpoint the replay does not check yet (it reads the API's envelope, json and protobuf only). */
  private static String unsupported(ApiInfo api, GroupDef group, EndpointDef endpoint) {
    for (EndpointDef.Body body : new EndpointDef.Body[] {endpoint.request(), endpoint.response()}) {
      if (body instanceof EndpointDef.TextBody || body instanceof EndpointDef.BytesBody
          || body instanceof EndpointDef.CodesBody) {
        String kind = body instanceof EndpointDef.TextBody ? "text" : body instanceof EndpointDef.BytesBody ? "bytes"
            : "codes";
        return "the contract checks do not replay '" + kind + "' bodies yet";
      }
    }
    boolean json = !(endpoint.response() instanceof EndpointDef.ProtobufBody);
    if (json && group.envelope(endpoint) != null) {
      return "the contract checks do not replay an endpoint's own envelope yet";
    }
    if (json && api.json() == null) {
      return "the contract checks replay JSON answers in the API's envelope only";
    }
    return null;
  }

  public List<Endpoint> endpoints() {
    return endpoints;
  }

  /** The endpoint with this method and path (the query, if any, is ignored). */
  public Optional<Endpoint> endpoint(String method, String path) {
    int query = path.indexOf('?');
    String bare = query < 0 ? path : path.substring(0, query);
    return endpoints.stream()
        .filter(e -> e.method().equalsIgnoreCase(method) && e.path().equals(bare))
        .findFirst();
  }

  /** The header that carries the secret ({@code token}). */
  public String authHeader() {
    return authHeader;
  }

  public String envelopeCode() {
    return envelopeCode;
  }

  public String envelopeMessage() {
    return envelopeMessage;
  }

  public String envelopeData() {
    return envelopeData;
  }

  public long jsonSuccess() {
    return jsonSuccess;
  }

  public String statusField() {
    return statusField;
  }

  public String statusCode() {
    return statusCode;
  }

  public String statusMessage() {
    return statusMessage;
  }

  public long protobufSuccess() {
    return protobufSuccess;
  }

  public String jsonContentType() {
    return jsonContentType;
  }

  public String protobufContentType() {
    return protobufContentType;
  }
}
