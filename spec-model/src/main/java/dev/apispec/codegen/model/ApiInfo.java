package dev.apispec.codegen.model;

import dev.apispec.codegen.diagnostics.Location;
import java.util.List;

/**
 * The {@code api} section of a spec.
 *
 * @param authHeader the header that carries the credential, or {@code null} when the API has none
 * @param json the JSON envelope, or {@code null} when the spec declares none
 * @param protobuf the protobuf status, or {@code null} when the spec declares none
 * @param hosts the other hosts that groups and endpoints may name, in spec order
 * @param version the API's version, or {@code null} when the spec gives none
 * @param license the API's license, or {@code null} when the spec gives none
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
    List<HostDef> hosts,
    String version,
    License license) {

  /** An {@code api} without hosts, version and license, the keys added last. */
  public ApiInfo(Location location, String name, String packageName, String baseUrl, String doc, String authHeader,
      String authDoc, JsonSettings json, ProtobufSettings protobuf) {
    this(location, name, packageName, baseUrl, doc, authHeader, authDoc, json, protobuf, List.of(), null, null);
  }

  /** The JSON envelope of every JSON response. */
  public record JsonSettings(
      Location location, String contentType, String codeField, String messageField, String dataField,
      int successCode) {}

  /** The license of the API; {@code url} may be {@code null}. */
  public record License(Location location, String name, String url) {}

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
