package dev.apispec.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apispec.codegen.diagnostics.Problems;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.spec.SpecReader;
import dev.yunhu.client.YunhuClient;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every field the Yunhu spec marks secret, in every type that has one: hidden by the record's {@code toString()},
 * and by the recorder in every recorded exchange whose body carries it.
 */
class YunhuSecretsTest {

  private static final Path SPEC = Path.of("../api-spec/src/main/spec");
  private static final String MODEL = YunhuClient.class.getPackageName() + ".model.";

  @Test
  void noRecordShowsASecretInToString() throws Exception {
    Problems problems = new Problems();
    Spec spec = SpecReader.read(SPEC, SPEC, problems);
    List<String> shown = new ArrayList<>();
    int checked = 0;
    for (TypeDef type : spec.types()) {
      if (!(type instanceof TypeDef.ObjectDef object)) {
        continue;
      }
      Set<String> secrets = new TreeSet<>();
      object.fields().stream().filter(TypeDef.FieldDef::secret).forEach(f -> secrets.add(f.wireName()));
      if (secrets.isEmpty()) {
        continue;
      }
      Class<?> record = Class.forName(MODEL + object.name());
      Object value = sample(record, secrets);
      String text = value.toString();
      for (RecordComponent component : record.getRecordComponents()) {
        if (secrets.contains(wireName(component))) {
          checked++;
          if (text.contains(marker(wireName(component))) || !text.contains(component.getName() + "=***")) {
            shown.add(object.name() + "." + component.getName() + ": " + text);
          }
        }
      }
    }
    assertEquals(List.of(), shown, "secrets shown by toString()");
    assertTrue(checked >= 5, "secret fields checked: " + checked);
  }

  /**
   * Each recording replayed through the recorder as a live exchange, with every secret property of its JSON bodies
   * given a fresh value (the recordings themselves hold redacted or placeholder values): none may be written.
   */
  @Test
  void theRecorderHidesEverySecretOfEveryRecordedExchange() throws Exception {
    ApiSpec spec = ApiSpec.fromClasspath(YunhuClient.class);
    List<String> live = new ArrayList<>();
    assertEquals(List.of(), leaks(spec, spec.secretFields(), live), "secrets written in clear");
    assertTrue(live.size() >= 5, "secret values given to the exchanges: " + live);
  }

  /** The check sees a value in clear: e-mail addresses are not secret, and the recorder keeps them. */
  @Test
  void aFieldThatIsNotSecretIsSeenInClear() throws Exception {
    ApiSpec spec = ApiSpec.fromClasspath(YunhuClient.class);
    List<String> live = new ArrayList<>();
    Set<String> fields = new TreeSet<>(spec.secretFields());
    fields.add("email");
    List<String> clear = leaks(spec, fields, live);
    long emails = live.stream().filter("email"::equals).count();
    assertTrue(emails > 0, "no e-mail address in the recordings");
    assertEquals(emails, clear.size(), "values seen in clear: " + clear);
    assertTrue(clear.stream().allMatch(leak -> leak.endsWith(" email")), clear.toString());
  }

  /** The recordings (id and what was written) where a fresh value of one of {@code fields} was written. */
  private static List<String> leaks(ApiSpec spec, Set<String> fields, List<String> live) throws Exception {
    ProtoTypes protos = ProtoTypes.of(YunhuClient.class);
    List<String> leaks = new ArrayList<>();
    for (Recording recording : Recordings.builtIn()) {
      // one recorder per exchange, as each remembers the secrets it met and hides them everywhere after
      Redactor redactor = new Redactor(spec, protos, Set.of(), Set.of());
      Recording.Request request = recording.request();
      Map<String, List<String>> headers = new TreeMap<>();
      request.headers().forEach((name, value) -> headers.put(name, List.of(value)));
      headers.put(spec.authHeader(), List.of(LIVE + "token"));
      Recording.Response response = recording.response();
      int before = live.size();
      Recording written = redactor.record(request.host(),
          new LocalHttp.Received(request.method(), request.path(), headers, live(request.body(), fields, live)),
          response.status(), response.contentType(), live(response.body(), fields, live), recording.description(),
          Set.of());
      String text = new String(written.request().body() == null ? new byte[0] : written.request().body().bytes(),
          StandardCharsets.UTF_8) + written.request().headers()
          + new String(written.response().body() == null ? new byte[0] : written.response().body().bytes(),
              StandardCharsets.UTF_8);
      for (int n = before + 1; n <= live.size(); n++) {
        if (text.contains(live(n))) {
          leaks.add(recording.id() + ": " + live(n) + " " + live.get(n - 1));
        }
      }
      if (text.contains(LIVE + "token")) {
        leaks.add(recording.id() + ": the token header");
      }
    }
    return leaks;
  }

  private static final String LIVE = "live-secret-";

  /** The n-th fresh value; of one width, so that none is part of another (the recorder hides every occurrence). */
  private static String live(int n) {
    return String.format(java.util.Locale.ROOT, "%s%05d", LIVE, n);
  }

  /** The body's bytes, with every property of a JSON body named in {@code secrets} given a fresh value (its name kept in {@code count}). */
  private static byte[] live(Recording.Body body, Set<String> secrets, List<String> count) throws Exception {
    if (body == null) {
      return new byte[0];
    }
    if (!(body instanceof Recording.JsonBody json)) {
      return body.bytes();
    }
    JsonNode copy = json.json().deepCopy();
    replace(copy, secrets, count);
    return JsonCompare.PLAIN.writeValueAsBytes(copy);
  }

  private static void replace(JsonNode node, Set<String> secrets, List<String> count) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        if (secrets.contains(e.getKey()) && e.getValue().isValueNode() && !e.getValue().isNull()) {
          count.add(e.getKey());
          e.setValue(JsonNodeFactory.instance.textNode(live(count.size())));
        } else {
          replace(e.getValue(), secrets, count);
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> replace(element, secrets, count));
    }
  }

  private static String wireName(RecordComponent component) {
    JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
    if (property == null) {
      property = component.getAnnotation(JsonProperty.class);
    }
    return property == null ? component.getName() : property.value();
  }

  private static String marker(String wireName) {
    return "S3CRET-" + wireName;
  }

  /** An instance of a generated record, with a marker in each secret component and plain values elsewhere. */
  private static Object sample(Class<?> record, Set<String> secrets) throws Exception {
    RecordComponent[] components = record.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      String wire = wireName(components[i]);
      args[i] = value(types[i], secrets.contains(wire) ? marker(wire) : null);
    }
    Constructor<?> canonical = record.getDeclaredConstructor(types);
    return canonical.newInstance(args);
  }

  private static Object value(Class<?> type, String marker) throws Exception {
    if (type == String.class) {
      return marker == null ? "plain" : marker;
    } else if (type == Integer.class || type == int.class) {
      return 1;
    } else if (type == Long.class || type == long.class) {
      return 1L;
    } else if (type == Boolean.class || type == boolean.class) {
      return Boolean.TRUE;
    } else if (type == Double.class || type == double.class) {
      return 1.5;
    } else if (type == BigDecimal.class) {
      return BigDecimal.ONE;
    } else if (List.class.isAssignableFrom(type)) {
      return List.of();
    } else if (Map.class.isAssignableFrom(type)) {
      return Map.of();
    } else if (JsonNode.class.isAssignableFrom(type)) {
      return JsonNodeFactory.instance.textNode(marker == null ? "plain" : marker);
    } else if (type.isRecord()) {
      return sample(type, Set.of());
    }
    // an open enum: one of its constants
    for (Field field : type.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == type) {
        return field.get(null);
      }
    }
    return null;
  }
}
