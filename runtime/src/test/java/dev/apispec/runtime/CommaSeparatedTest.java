package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Lists that travel as one string such as {@code "1,2,3"}, the way generated DTOs declare them. */
class CommaSeparatedTest {

  /** An open enum, as generated: known values are constants, unknown ones still round-trip. */
  record Kind(@JsonValue int value) {
    static final Kind TEXT = new Kind(1);
    static final Kind IMAGE = new Kind(2);

    @JsonCreator
    static Kind of(int value) {
      return switch (value) {
        case 1 -> TEXT;
        case 2 -> IMAGE;
        default -> new Kind(value);
      };
    }
  }

  record Filter(
      @JsonSerialize(using = CommaSeparated.Serializer.class)
      @JsonDeserialize(using = CommaSeparated.Deserializer.class)
      List<Integer> ids,
      @JsonSerialize(using = CommaSeparated.Serializer.class)
      @JsonDeserialize(using = CommaSeparated.Deserializer.class)
      List<String> names,
      @JsonSerialize(using = CommaSeparated.Serializer.class)
      @JsonDeserialize(using = CommaSeparated.Deserializer.class)
      List<Kind> kinds) {}

  static List<ObjectMapper> mappers() {
    return List.of(ApiJson.newMapper(), new ObjectMapper());
  }

  @ParameterizedTest
  @MethodSource("mappers")
  void writesListsAsCommaSeparatedStrings(ObjectMapper mapper) throws Exception {
    Filter filter = new Filter(List.of(1, 2, 3), List.of("a", "b"), List.of(Kind.TEXT, Kind.IMAGE, Kind.of(99)));

    assertEquals("{\"ids\":\"1,2,3\",\"names\":\"a,b\",\"kinds\":\"1,2,99\"}", mapper.writeValueAsString(filter));
  }

  @ParameterizedTest
  @MethodSource("mappers")
  void readsCommaSeparatedStringsAsTypedLists(ObjectMapper mapper) throws Exception {
    Filter filter = mapper.readValue("{\"ids\":\"1,2,3\",\"names\":\"a,b\",\"kinds\":\"1,2,99\"}", Filter.class);

    assertEquals(List.of(1, 2, 3), filter.ids());
    assertEquals(List.of("a", "b"), filter.names());
    assertEquals(List.of(Kind.TEXT, Kind.IMAGE, new Kind(99)), filter.kinds());
    assertSame(Kind.TEXT, filter.kinds().get(0));
    assertEquals(Integer.class, filter.ids().get(0).getClass());
  }

  @ParameterizedTest
  @MethodSource("mappers")
  void roundTrips(ObjectMapper mapper) throws Exception {
    String json = "{\"ids\":\"10,-2,2147483647\",\"names\":\"007,x y,中文\",\"kinds\":\"99,1\"}";

    Filter filter = mapper.readValue(json, Filter.class);

    assertEquals(new Filter(List.of(10, -2, Integer.MAX_VALUE), List.of("007", "x y", "中文"),
        List.of(new Kind(99), Kind.TEXT)), filter);
    assertEquals(json, mapper.writeValueAsString(filter));
  }

  @ParameterizedTest
  @MethodSource("mappers")
  void emptyStringIsTheEmptyList(ObjectMapper mapper) throws Exception {
    Filter filter = mapper.readValue("{\"ids\":\"\",\"names\":\"\",\"kinds\":\"\"}", Filter.class);

    assertEquals(new Filter(List.of(), List.of(), List.of()), filter);
    assertEquals("{\"ids\":\"\",\"names\":\"\",\"kinds\":\"\"}", mapper.writeValueAsString(filter));
  }

  @Test
  void singleElement() throws Exception {
    ObjectMapper mapper = ApiJson.newMapper();

    Filter filter = mapper.readValue("{\"ids\":\"7\",\"names\":\"only\",\"kinds\":\"2\"}", Filter.class);

    assertEquals(new Filter(List.of(7), List.of("only"), List.of(Kind.IMAGE)), filter);
    assertEquals("{\"ids\":\"7\",\"names\":\"only\",\"kinds\":\"2\"}", mapper.writeValueAsString(filter));
  }

  @Test
  void nullStaysNull() throws Exception {
    ObjectMapper mapper = ApiJson.newMapper();

    assertEquals("{\"ids\":null,\"names\":null,\"kinds\":null}",
        mapper.writeValueAsString(new Filter(null, null, null)));
    Filter filter = mapper.readValue("{\"ids\":null}", Filter.class);
    assertNull(filter.ids());
    assertNull(filter.names());
  }

  @Test
  void aJsonArrayIsNotAccepted() {
    ObjectMapper mapper = ApiJson.newMapper();

    assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"ids\":[1,2,3]}", Filter.class));
  }

  @Test
  void aNonNumberInANumberListIsAnError() {
    ObjectMapper mapper = ApiJson.newMapper();

    assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"ids\":\"1,two,3\"}", Filter.class));
  }

  // ---- the same DTO through ApiTransport ----

  private LocalServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void travelsThroughTheTransport() throws Exception {
    server = LocalServer.start();
    server.respondJson("{\"code\":1,\"msg\":\"success\",\"data\":{\"ids\":\"4,5\",\"names\":\"\",\"kinds\":\"2,42\"}}");
    ApiTransport transport = ApiTransport.builder()
        .baseUri(server.uri())
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1))
        .build();
    Endpoint<Filter> search = Endpoint.post("/v1/search", ResponseFormat.jsonData(Filter.class));

    Filter result = transport.call(search, new Filter(List.of(1, 2, 3), List.of("a"), List.of(Kind.of(99))));

    assertEquals(new Filter(List.of(4, 5), List.of(), List.of(Kind.IMAGE, new Kind(42))), result);
    assertEquals("{\"ids\":\"1,2,3\",\"names\":\"a\",\"kinds\":\"99\"}", server.takeRequest().bodyText());
  }
}
