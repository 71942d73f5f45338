package dev.apispec.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * The recorded exchanges the benchmarks replay, read from the contract tests' recordings (on the class
 * path as {@code recordings/...}): {@code /v1/group/recommend/list} (JSON) and {@code /v1/group/info}
 * (protobuf).
 */
public final class Recordings {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static final String RECOMMEND_LIST = "recordings/group/recommend/list/success.json";
  public static final String GROUP_INFO = "recordings/group/info/success.json";

  private Recordings() {}

  static JsonNode read(String resource) {
    try (InputStream in = Recordings.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no recording " + resource + " on the class path (contract-tests jar)");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole recorded JSON response body (the envelope), as compact UTF-8. */
  public static byte[] jsonResponse(String resource) {
    return bytes(read(resource).at("/response/body/json"));
  }

  /** The recorded {@code data} payload alone, as compact UTF-8. */
  public static byte[] jsonData(String resource) {
    return bytes(read(resource).at("/response/body/json/data"));
  }

  /** The recorded protobuf response body. */
  public static byte[] protobufResponse(String resource) {
    return Base64.getDecoder().decode(read(resource).at("/response/body/protobuf").asText());
  }

  /** The recorded protobuf request body. */
  public static byte[] protobufRequest(String resource) {
    return Base64.getDecoder().decode(read(resource).at("/request/body/protobuf").asText());
  }

  private static byte[] bytes(JsonNode node) {
    if (node.isMissingNode()) {
      throw new IllegalStateException("the recording has no such part");
    }
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
