package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link EnvelopeReader} for an envelope without a code: nothing to refuse, the data read as usual. */
class EnvelopeReaderNoCodeTest {
  record Group(String id) {}

  static final EnvelopeReader READER = new EnvelopeReader(ApiJson.newMapper(), JsonEnvelope.of(null, "msg", "data", 0));

  private static <T> T read(String body, Class<T> type) throws Exception {
    return READER.read(body.getBytes(StandardCharsets.UTF_8), type);
  }

  @Test
  void readsTheDataWhereverItIs() throws Exception {
    assertEquals(new Group("g"), read("{\"msg\":\"x\",\"data\":{\"id\":\"g\"}}", Group.class));
    assertEquals(new Group("g"), read("{\"data\":{\"id\":\"g\"},\"code\":5}", Group.class));
    assertNull(read("{\"msg\":\"anything\"}", null));
  }

  @Test
  void aBodyWithoutDataIsLeftToTheTree() {
    assertThrows(EnvelopeReader.Irregular.class, () -> read("{\"msg\":\"x\"}", Group.class));
    assertThrows(EnvelopeReader.Irregular.class, () -> read("[]", null));
  }
}
