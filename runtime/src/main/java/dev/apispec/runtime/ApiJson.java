package dev.apispec.runtime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON settings generated clients use. Generated DTOs also work with a plain {@link ObjectMapper}. */
public final class ApiJson {
  private ApiJson() {}

  /**
   * A mapper that keeps decimals exact ({@code 1.10} stays {@code 1.10} in unknown fields), does not
   * fail on properties a DTO does not declare (DTOs keep them anyway), refuses a number with a
   * fraction for an integer field instead of cutting the fraction off, and has {@link #module()}: a known
   * property sent as an explicit {@code null} is written back as {@code null}.
   *
   * @return a new mapper
   */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // Jackson would otherwise read 1.5 into an int field as 1, silently; a decode error says what happened.
        // (Numbers too large for their field, such as 2^40 for an int, fail with or without this.)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        // Jackson strips trailing zeros from decimals read into a JsonNode by default (1.10 -> 1.1): JsonNode
        // fields, and typed ones when ApiTransport reads an unusual envelope as a tree, would lose the scale.
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .addModule(module())
        .build();
  }

  /**
   * The module that keeps explicit {@code null}s of generated records: for a record whose canonical
   * constructor takes a {@code @JsonAnySetter Map<String, Object>} (the unknown properties), a known
   * property the JSON gives as {@code null} is also put into that map as {@code name -> null}, so that the
   * record's {@code @JsonAnyGetter} writes {@code "name":null} back; an absent property stays absent.
   * Register it on a mapper of your own to get the same.
   *
   * @return the module, shared: modules hold no state
   */
  public static Module module() {
    return ExplicitNulls.MODULE;
  }
}
