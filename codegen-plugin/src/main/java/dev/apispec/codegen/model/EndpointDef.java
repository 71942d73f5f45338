package dev.apispec.codegen.model;

import dev.apispec.codegen.spec.Location;
import java.util.List;

/**
 * One endpoint.
 *
 * @param name the Java method name the spec asks for, or {@code null} to derive it from the path
 * @param request the request body, or {@code null} for none
 * @param response the response payload, or {@code null} when the envelope carries no data
 * @param retryable whether a client's retry policy may send a failed call again
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
    boolean retryable) {

  /** A request or response body. */
  public sealed interface Body {
    Location location();
  }

  /** A JSON body of an object type of the spec. */
  public record JsonBody(String typeName, Location location) implements Body {}

  /** A protobuf body: the full name of a message in the compiled {@code .proto} files. */
  public record ProtobufBody(String messageName, Location location) implements Body {}

  /** A documented failure. */
  public record ErrorDef(long code, String message, String doc) {}
}
