package dev.apispec.codegen.model;

import dev.apispec.codegen.spec.Location;

/**
 * The {@code api} section of a spec.
 *
 * @param json the JSON envelope, or {@code null} when the spec declares none
 * @param protobuf the protobuf status, or {@code null} when the spec declares none
 */
public record ApiInfo(
    Location location,
    String name,
    String packageName,
    String baseUrl,
    String doc,
    String authHeader,
    String authDoc,
    JsonSettings json,
    ProtobufSettings protobuf) {

  /** The JSON envelope of every JSON response. */
  public record JsonSettings(
      Location location, String contentType, String codeField, String messageField, String dataField,
      int successCode) {}

  /** The status message of every protobuf response. */
  public record ProtobufSettings(
      Location location, String contentType, String statusField, String codeField, String messageField,
      int successCode) {}
}
