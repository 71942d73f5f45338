package dev.apispec.codegen.model;

import dev.apispec.codegen.spec.Location;
import java.util.List;

/**
 * The {@code api} section of a spec.
 *
 * @param authHeader the header that carries the credential, or {@code null} when the API has none
 * @param json the JSON envelope, or {@code null} when the spec declares none
 * @param protobuf the protobuf status, or {@code null} when the spec declares none
 * @param hosts the other hosts that groups and endpoints may name, in spec order
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
    ProtobufSettings protobuf,
    List<HostDef> hosts) {

  /** The JSON envelope of every JSON response. */
  public record JsonSettings(
      Location location, String contentType, String codeField, String messageField, String dataField,
      int successCode) {}

  /** The status message of every protobuf response. */
  public record ProtobufSettings(
      Location location, String contentType, String statusField, String codeField, String messageField,
      int successCode) {}

  /** A host other than {@code baseUrl}, named so that groups and endpoints can say they live there. */
  public record HostDef(String name, Location location, String url, String doc) {}

  /** The host called {@code name}, or {@code null}. */
  public HostDef host(String name) {
    for (HostDef host : hosts) {
      if (host.name().equals(name)) {
        return host;
      }
    }
    return null;
  }
}
