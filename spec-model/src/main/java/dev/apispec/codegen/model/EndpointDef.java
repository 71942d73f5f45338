package dev.apispec.codegen.model;

import dev.apispec.codegen.diagnostics.Location;
import java.util.List;

/**
 * One endpoint.
 *
 * @param name the Java method name the spec asks for, or {@code null} to derive it from the path
 * @param request the request body, or {@code null} for none
 * @param response the response payload, or {@code null} when the envelope carries no data
 * @param retryable whether a client's retry policy may send a failed call again
 * @param settings what the endpoint says of its credential, host and envelope; unset ones come from its group
 * @param params the path, query and header parameters, in spec order
 */
public record EndpointDef(
    Location location,
    String path,
    Location pathLocation,
    String method,
    String name,
    Location nameLocation,
    String doc,
    Body request,
    Body response,
    List<ErrorDef> errors,
    boolean deprecated,
    boolean retryable,
    Settings settings,
    List<ParamDef> params) {

  /** A request or response body. */
  public sealed interface Body {
    Location location();
  }

  /** A JSON body of an object type of the spec. */
  public record JsonBody(String typeName, Location location) implements Body {}

  /** A protobuf body: the full name of a message in the compiled {@code .proto} files. */
  public record ProtobufBody(String messageName, Location location) implements Body {}

  /** A body of text ({@code String} in Java) of the given media type. */
  public record TextBody(String contentType, Location location) implements Body {}

  /** A body of raw bytes ({@code byte[]} in Java) of the given media type. */
  public record BytesBody(String contentType, Location location) implements Body {}

  /**
   * A response whose answer is the envelope's code itself: either {@code true}/{@code false} for two codes
   * ({@code enumName} is {@code null}), or the constants of an int enum of the spec.
   */
  public record CodesBody(Location location, String enumName, List<CodeAnswer> answers) implements Body {
    public boolean isBoolean() {
      return enumName == null;
    }
  }

  /** One code of a boolean {@link CodesBody} and the answer it stands for. */
  public record CodeAnswer(long code, boolean value, Location location) {}

  /** A documented failure. */
  public record ErrorDef(long code, String message, String doc) {}

  /** Whether an endpoint needs the API's credential. */
  public enum Auth {
    REQUIRED,
    NONE
  }

  /**
   * What a group or an endpoint says of its credential, host and JSON envelope; {@code null} where it says
   * nothing, so that the endpoint's group (or the API) decides.
   */
  public record Settings(
      Auth auth, Location authLocation, String host, Location hostLocation, EnvelopeDef envelope) {
    public static final Settings NONE = new Settings(null, null, null, null, null);
  }

  /**
   * The envelope of a group's or an endpoint's JSON responses, when it is not the API's: {@code none} (the body
   * is the payload), or other field names and success code. Without {@code codeField} the envelope only holds a
   * message, and any 2xx answer is success.
   */
  public record EnvelopeDef(
      Location location, boolean none, String codeField, String messageField, String dataField,
      Integer successCode) {
    public boolean messageOnly() {
      return !none && codeField == null;
    }

    /**
     * Whether a JSON payload sits beside the code and message, the whole body being the payload: a code and no
     * {@code data} field ({@code {"Code":0,"Message":"ok","Version":"1.2"}}).
     */
    public boolean payloadBeside() {
      return !none && codeField != null && dataField == null;
    }
  }

  /** Where a parameter travels. */
  public enum In {
    PATH,
    QUERY,
    HEADER;

    public String specName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A path, query or header parameter.
   *
   * @param wireName its name in the path template, the query or the header
   * @param javaName the Java name the spec asks for, or {@code null} to derive one
   */
  public record ParamDef(
      String wireName, Location location, In in, TypeRef type, Location typeLocation, boolean required,
      String doc, Object example, String javaName, Location inLocation) {}
}
