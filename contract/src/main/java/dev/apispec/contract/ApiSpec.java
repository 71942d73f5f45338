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
import java.util.Objects;
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

  /** The format of a request or response body; {@code CODES} is an answer read from the envelope's code. */
  public enum Format { JSON, PROTOBUF, TEXT, BYTES, CODES }

  /**
   * A request or response body as the spec names it.
   *
   * @param format its format
   * @param type the JSON type name, the full protobuf message name, the media type of text or bytes, or the int
   *     enum of a {@code codes} answer ({@code null} for {@code true}/{@code false} answers)
   */
  public record Body(Format format, String type) {}

  /**
   * Where an endpoint's JSON answers keep their code, message and data.
   *
   * @param code the code's property, or {@code null} when every 2xx answer is a success
   * @param message the message's property, or {@code null} when there is no envelope (the body is the payload)
   * @param data the data's property, or {@code null} when the envelope has none
   * @param success the code that means success
   */
  public record Envelope(String code, String message, String data, long success) {
    /** No envelope: the body of a 2xx answer is the payload. */
    public static final Envelope NONE = new Envelope(null, null, null, 0);

    public boolean none() {
      return message == null;
    }

    /** Whether a {@code json} payload sits beside the code and message: a code and no data field. */
    public boolean beside() {
      return code != null && data == null;
    }

    /** The envelope's own property names, for drift. */
    Set<String> names() {
      Set<String> names = new TreeSet<>();
      for (String name : new String[] {code, message, data}) {
        if (name != null) {
          names.add(name);
        }
      }
      return names;
    }
  }

  /**
   * What a {@code codes} answer says.
   *
   * @param booleans the answer of each code, for a {@code true}/{@code false} answer; empty for an enum
   * @param codes every code that is an answer (the rest are failures)
   */
  public record Codes(Map<Long, Boolean> booleans, Set<Long> codes) {}

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
   * @param host the name of the host the endpoint lives on ({@code api.hosts}), or {@code null} for the {@code baseUrl}
   * @param method the HTTP method
   * @param path the path
   * @param authenticated whether the endpoint needs the credential
   * @param request the request body, or {@code null} when there is none
   * @param response the response payload, or {@code null} when the envelope carries none
   * @param envelope the envelope of its JSON answers (of {@code json}, {@code codes} or no response)
   * @param codes the answers of a {@code codes} response, or {@code null}
   * @param errors the documented failures
   * @param unsupported why the checks cannot replay this endpoint, or {@code null} when they can
   */
  public record Endpoint(String group, String prefix, String host, String method, String path,
      boolean authenticated, Body request, Body response, Envelope envelope, Codes codes,
      List<DocumentedError> errors, String unsupported) {

    /** Where the recordings of this endpoint live: {@code <group>/<path after the prefix>}. */
    public String recordingDir() {
      return group + "/" + path.substring(prefix.length());
    }

    /** The response is JSON (an envelope, or the payload itself), with or without data, or a {@code codes} answer. */
    public boolean jsonResponse() {
      return response == null || response.format() == Format.JSON || response.format() == Format.CODES;
    }

    /** Whether a request path (without its query) is this endpoint's, its placeholders standing for any segment. */
    boolean matchesPath(String bare) {
      if (path.indexOf('{') < 0) {
        return path.equals(bare);
      }
      return bare.matches(java.util.regex.Pattern.quote(path).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q"));
    }

    @Override
    public String toString() {
      return method + " " + (host == null ? "" : host + ":") + path;
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
  private final Map<String, String> hostUrls;
  private final Set<String> hosts;

  private ApiSpec(Spec model, ProtoTypes protos) {
    this.protos = protos;
    this.baseUrl = model.api().baseUrl();
    Map<String, String> urls = new TreeMap<>();
    model.api().hosts().forEach(host -> urls.put(host.name(), host.url()));
    this.hostUrls = Map.copyOf(urls);
    this.hosts = Set.copyOf(urls.keySet());
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
        all.add(endpoint(model, group, endpoint));
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

  /** The URL of a host of {@code api.hosts}, or the {@code baseUrl} for {@code null}. */
  public String baseUrl(String host) {
    return host == null ? baseUrl : hostUrls.get(host);
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

  private static Endpoint endpoint(Spec model, GroupDef group, EndpointDef endpoint) {
    ApiInfo api = model.api();
    List<DocumentedError> errors = endpoint.errors().stream()
        .map(error -> new DocumentedError(error.code(), error.message()))
        .toList();
    Codes codes = null;
    if (endpoint.response() instanceof EndpointDef.CodesBody answers) {
      codes = codes(model, answers);
    }
    return new Endpoint(group.name(), group.prefix(), group.host(endpoint), endpoint.method(), endpoint.path(),
        group.authenticated(endpoint, api), body(endpoint.request()), body(endpoint.response()),
        envelope(api, group.envelope(endpoint)), codes, errors, unsupported(api, group, endpoint));
  }

  private static Codes codes(Spec model, EndpointDef.CodesBody answers) {
    Map<Long, Boolean> booleans = new TreeMap<>();
    Set<Long> codes = new TreeSet<>();
    if (answers.isBoolean()) {
      answers.answers().forEach(answer -> {
        booleans.put(answer.code(), answer.value());
        codes.add(answer.code());
      });
    } else {
      for (TypeDef type : model.types()) {
        if (type instanceof TypeDef.EnumDef enumType && type.name().equals(answers.enumName())) {
          enumType.values().forEach(value -> codes.add(((Number) value.value()).longValue()));
        }
      }
    }
    return new Codes(Map.copyOf(booleans), Set.copyOf(codes));
  }

  private static Envelope envelope(ApiInfo api, EndpointDef.EnvelopeDef own) {
    if (own == null) {
      ApiInfo.JsonSettings json = api.json();
      return json == null ? null : new Envelope(json.codeField(), json.messageField(), json.dataField(), json.successCode());
    }
    if (own.none()) {
      return Envelope.NONE;
    }
    return new Envelope(own.codeField(), own.messageField(), own.dataField(),
        own.successCode() == null ? 0 : own.successCode());
  }

  private static Body body(EndpointDef.Body body) {
    if (body instanceof EndpointDef.JsonBody json) {
      return new Body(Format.JSON, json.typeName());
    }
    if (body instanceof EndpointDef.ProtobufBody proto) {
      return new Body(Format.PROTOBUF, proto.messageName());
    }
    if (body instanceof EndpointDef.TextBody text) {
      return new Body(Format.TEXT, text.contentType());
    }
    if (body instanceof EndpointDef.BytesBody bytes) {
      return new Body(Format.BYTES, bytes.contentType());
    }
    if (body instanceof EndpointDef.CodesBody codes) {
      return new Body(Format.CODES, codes.enumName());
    }
    return null;
  }

  /** Why the replay cannot judge the endpoint, or {@code null}: a JSON answer needs an envelope to read it with. */
  private static String unsupported(ApiInfo api, GroupDef group, EndpointDef endpoint) {
    boolean envelopeRead = endpoint.response() == null || endpoint.response() instanceof EndpointDef.JsonBody
        || endpoint.response() instanceof EndpointDef.CodesBody;
    if (envelopeRead && group.envelope(endpoint) == null && api.json() == null) {
      return "its JSON answer has no envelope: the spec has no api.json.envelope and the endpoint none of its own";
    }
    return null;
  }

  public List<Endpoint> endpoints() {
    return endpoints;
  }

  /** The endpoint on the API's {@code baseUrl} with this method and path (the query, if any, is ignored). */
  public Optional<Endpoint> endpoint(String method, String path) {
    return endpoint(null, method, path);
  }

  /**
   * The endpoint on {@code host} with this method and path (the query, if any, is ignored); a path template's
   * placeholders stand for one segment each, and a literal path wins over a template.
   *
   * @param host the host's name, or {@code null} for the {@code baseUrl}
   * @param method the HTTP method
   * @param path the request path
   * @return the endpoint, if any
   */
  public Optional<Endpoint> endpoint(String host, String method, String path) {
    int query = path.indexOf('?');
    String bare = query < 0 ? path : path.substring(0, query);
    List<Endpoint> matching = endpoints.stream()
        .filter(e -> e.method().equalsIgnoreCase(method) && Objects.equals(e.host(), host) && e.matchesPath(bare))
        .toList();
    return matching.stream().filter(e -> e.path().equals(bare)).findFirst().or(() -> matching.stream().findFirst());
  }

  /** The endpoint a recording's request went to. */
  public Optional<Endpoint> endpoint(Recording.Request request) {
    return endpoint(request.host(), request.method(), request.path());
  }

  /** The names of the spec's other hosts ({@code api.hosts}). */
  public Set<String> hosts() {
    return hosts;
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
