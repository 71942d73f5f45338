package dev.apispec.codegen.compat;

import static dev.apispec.codegen.compat.CompatFixtures.field;
import static dev.apispec.codegen.compat.CompatFixtures.find;
import static dev.apispec.codegen.compat.CompatFixtures.message;
import static dev.apispec.codegen.compat.CompatFixtures.messageField;
import static dev.apispec.codegen.compat.CompatFixtures.scalar;
import static dev.apispec.codegen.compat.Kind.SAFE;
import static dev.apispec.codegen.compat.Kind.SOURCE;
import static dev.apispec.codegen.compat.Kind.WIRE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.proto.ProtoCatalog;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Real edits of one spec and its protobuf messages, each with the verdict it must get: every change it makes, by
 * id, with its kinds, and nothing else.
 */
class CompatTableTest {

  private static final List<Edit> EDITS = List.of(
      // endpoints
      edit("an endpoint removed")
          .spec("      - path: /v1/order/cancel\n        request: {json: Lookup}\n", "")
          .expect("endpoint-removed:POST /v1/order/cancel", WIRE, SOURCE),
      edit("an endpoint moved to another path, its method kept by name")
          .spec("      - path: /v1/order/cancel\n", "      - path: /v1/order/cancel-order\n        name: cancel\n")
          .expect("endpoint-moved:POST /v1/order/cancel", WIRE),
      edit("an endpoint moved to another HTTP method")
          .spec("        method: GET\n        params:", "        method: POST\n        params:")
          .expect("endpoint-moved:GET /v1/order/get", WIRE),
      edit("an endpoint moved to another host")
          .spec("    host: web\n", "")
          .expect("endpoint-moved:GET /v1/page/home @web", WIRE),
      edit("an endpoint's Java method renamed")
          .spec("      - path: /v1/order/cancel\n", "      - path: /v1/order/cancel\n        name: cancelOrder\n")
          .expect("method-renamed:POST /v1/order/cancel", SOURCE),
      edit("an endpoint added")
          .spec("      - path: /v1/order/ping\n", "      - path: /v1/order/refund\n        request: {json: Lookup}\n"
              + "      - path: /v1/order/ping\n")
          .expect("endpoint-added:POST /v1/order/refund", SAFE),
      edit("an endpoint's documentation")
          .spec("        doc: Places an order.\n        request:", "        doc: Places an order and pays.\n        request:")
          .expect("endpoint-doc-changed:POST /v1/order/create", SAFE),
      edit("an endpoint that now needs the credential")
          .spec("        auth: none\n", "")
          .expect("auth-changed:POST /v1/order/ping", WIRE),
      edit("an endpoint's own envelope")
          .spec("          page: {in: query, type: int32}\n", "          page: {in: query, type: int32}\n"
              + "        envelope: none\n")
          .expect("envelope-changed:GET /v1/order/get", WIRE),
      edit("the API's envelope")
          .spec("{code: code, message: msg, data: data, success: 1}", "{code: code, message: msg, data: data, success: 0}")
          .expect("envelope-changed", WIRE),
      edit("a response body format: text to JSON")
          .spec("response: {text: text/plain}", "response: {json: Order}")
          .expect("response-format-changed:POST /v1/order/ping", WIRE, SOURCE),
      edit("a response's media type")
          .spec("response: {text: text/plain}", "response: {text: text/html}")
          .expect("response-content-type-changed:POST /v1/order/ping", WIRE),
      edit("a request body format: protobuf to JSON")
          .spec("request: {protobuf: shop.v1.ItemRequest}", "request: {json: Lookup}")
          .expect("request-format-changed:POST /v1/item/info", WIRE, SOURCE),
      edit("a request type swapped for one of the same JSON")
          .spec("      - path: /v1/order/cancel\n        request: {json: Lookup}\n",
              "      - path: /v1/order/cancel\n        request: {json: CancelRequest}\n")
          .spec("  Lookup:\n", "  CancelRequest:\n    fields:\n      itemId: {type: string, required: true}\n  Lookup:\n")
          .expect("request-type-changed:POST /v1/order/cancel", SOURCE)
          .expect("type-added:CancelRequest", SAFE),
      edit("a type renamed everywhere")
          .spec("  Lookup:\n", "  Key:\n")
          .spec("      - path: /v1/order/cancel\n        request: {json: Lookup}\n",
              "      - path: /v1/order/cancel\n        request: {json: Key}\n")
          .spec("      - path: /v1/order/exists\n        request: {json: Lookup}\n",
              "      - path: /v1/order/exists\n        request: {json: Key}\n")
          .expect("type-removed:Lookup", SOURCE)
          .expect("type-added:Key", SAFE)
          .expect("request-type-changed:POST /v1/order/cancel", SOURCE)
          .expect("request-type-changed:POST /v1/order/exists", SOURCE),
      edit("the codes that answer a boolean")
          .spec("codes: {1: true, 2: false}", "codes: {1: true, 3: false}")
          .expect("response-codes-changed:POST /v1/order/exists", WIRE),
      edit("a documented error added")
          .spec("          - {code: -1, message: sold out}\n", "          - {code: -1, message: sold out}\n"
              + "          - {code: -2, message: closed}\n")
          .expect("error-added:POST /v1/order/create -2", SAFE),
      // parameters
      edit("an optional parameter added")
          .spec("          page: {in: query, type: int32}\n", "          page: {in: query, type: int32}\n"
              + "          sort: {in: query, type: string}\n")
          .expect("param-added:GET /v1/order/get sort", SOURCE),
      edit("a parameter that became required")
          .spec("page: {in: query, type: int32}", "page: {in: query, type: int32, required: true}")
          .expect("param-required:GET /v1/order/get page", WIRE),
      edit("a parameter's type")
          .spec("page: {in: query, type: int32}", "page: {in: query, type: string}")
          .expect("param-type-changed:GET /v1/order/get page", WIRE, SOURCE),
      edit("a parameter removed")
          .spec("          page: {in: query, type: int32}\n", "")
          .expect("param-removed:GET /v1/order/get page", WIRE, SOURCE),
      edit("parameters reordered")
          .spec("          id: {in: query, type: int64, required: true}\n          page: {in: query, type: int32}\n",
              "          page: {in: query, type: int32}\n          id: {in: query, type: int64, required: true}\n")
          .expect("params-reordered:GET /v1/order/get", SOURCE),
      // fields of object types
      edit("a JSON property removed")
          .spec("      note: {type: string}\n", "")
          .expect("field-removed:OrderRequest.note", WIRE, SOURCE),
      edit("a JSON wire name changed, the Java name kept")
          .spec("      note: {type: string}\n", "      remark: {type: string, javaName: note}\n")
          .expect("field-wire-name-changed:OrderRequest.note", WIRE),
      edit("a record component renamed, the wire name kept")
          .spec("      note: {type: string}\n", "      note: {type: string, javaName: comment}\n")
          .expect("field-renamed:OrderRequest.note", SOURCE),
      edit("a property's type changed incompatibly")
          .spec("      total: {type: float64}\n", "      total: {type: string}\n")
          .expect("field-type-changed:Order.total", WIRE, SOURCE),
      edit("a property's format: a number now sent as a string")
          .spec("      id: {type: int64, required: true}\n", "      id: {type: int64, required: true, format: string}\n")
          .expect("field-type-changed:Order.id", WIRE),
      edit("a property widened from int32 to int64")
          .spec("      count: {type: int32, doc: How many.}\n", "      count: {type: int64, doc: How many.}\n")
          .expect("field-type-changed:OrderRequest.count", WIRE, SOURCE),
      edit("a property of a list's elements")
          .spec("      tags: {type: list<string>}\n", "      tags: {type: list<int64>}\n")
          .expect("field-type-changed:Order.tags", WIRE, SOURCE),
      edit("a request property that became required")
          .spec("      count: {type: int32, doc: How many.}\n", "      count: {type: int32, required: true, doc: How many.}\n")
          .expect("field-required:OrderRequest.count", WIRE),
      edit("a response property that became required")
          .spec("      total: {type: float64}\n", "      total: {type: float64, required: true}\n")
          .expect("field-required:Order.total", SAFE),
      edit("a response property that is no longer required")
          .spec("      id: {type: int64, required: true}\n", "      id: {type: int64}\n")
          .expect("field-optional:Order.id", WIRE),
      edit("an optional property added to a response type")
          .spec("      tags: {type: list<string>}\n", "      tags: {type: list<string>}\n      paidAt: {type: int64}\n")
          .expect("field-added:Order.paidAt", SAFE),
      edit("an optional property added to a request type")
          .spec("      note: {type: string}\n", "      note: {type: string}\n      coupon: {type: string}\n")
          .expect("field-added:OrderRequest.coupon", SOURCE),
      edit("a required property added to a request type")
          .spec("      note: {type: string}\n", "      note: {type: string}\n      coupon: {type: string, required: true}\n")
          .expect("field-added:OrderRequest.coupon", WIRE, SOURCE),
      edit("a record's components reordered")
          .spec("      itemId: {type: string, required: true, doc: The item.}\n      count: {type: int32, doc: How many.}\n",
              "      count: {type: int32, doc: How many.}\n      itemId: {type: string, required: true, doc: The item.}\n")
          .expect("components-reordered:OrderRequest", SOURCE),
      edit("a property's documentation")
          .spec("doc: The item.}", "doc: The item to order.}")
          .expect("field-doc-changed:OrderRequest.itemId", SAFE),
      edit("a type's documentation")
          .spec("    doc: Places an order.\n    fields:", "    doc: Places an order of one item.\n    fields:")
          .expect("type-doc-changed:OrderRequest", SAFE),
      // enums
      edit("an enum value removed")
          .spec("      PAID: {value: 2}\n", "")
          .expect("enum-value-removed:OrderState.2", WIRE, SOURCE),
      edit("an enum value added")
          .spec("      PAID: {value: 2}\n", "      PAID: {value: 2}\n      SHIPPED: {value: 3}\n")
          .expect("enum-value-added:OrderState.3", SAFE),
      edit("an enum constant renamed, its value kept")
          .spec("      PAID: {value: 2}\n", "      SETTLED: {value: 2}\n")
          .expect("enum-constant-renamed:OrderState.2", SOURCE),
      edit("an enum value's documentation")
          .spec("doc: Not paid yet.}", "doc: Waiting for payment.}")
          .expect("enum-value-doc-changed:OrderState.1", SAFE),
      // the API
      edit("the credential header")
          .spec("    header: token\n", "    header: x-token\n")
          .expect("auth-header-changed", WIRE, SOURCE),
      edit("the base URL")
          .spec("baseUrl: https://api.shop.example", "baseUrl: https://api2.shop.example")
          .expect("base-url-changed", WIRE),
      edit("the Java package")
          .spec("package: dev.shop.client", "package: dev.shop.api")
          .expect("package-changed", SOURCE),
      edit("the API's documentation")
          .spec("doc: The shop API.", "doc: The shop's API.")
          .expect("api-doc-changed", SAFE),
      edit("a host's URL")
          .spec("web: https://web.shop.example", "web: https://www.shop.example")
          .expect("host-url-changed:web", WIRE),
      // protobuf
      edit("a protobuf field removed without reserving its number")
          .proto(file -> find(file, "Item").removeField(1))
          .expect("proto-field-removed:shop.v1.Item#2", WIRE, SOURCE),
      edit("a protobuf field removed, its number reserved")
          .proto(file -> find(file, "Item").removeField(1).addReservedRange(
              com.google.protobuf.DescriptorProtos.DescriptorProto.ReservedRange.newBuilder().setStart(2).setEnd(3)))
          .expect("proto-field-removed:shop.v1.Item#2", SOURCE),
      edit("a protobuf field number reused with an incompatible type")
          .proto(file -> field(find(file, "Item"), 2).setName("price_text").setType(Type.TYPE_STRING))
          .expect("proto-field-type-changed:shop.v1.Item#2", WIRE, SOURCE)
          .expect("proto-field-renamed:shop.v1.Item#2", SOURCE),
      edit("a protobuf field widened from int32 to int64, the same varint")
          .proto(file -> field(find(file, "ItemRequest"), 2).setType(Type.TYPE_INT64))
          .expect("proto-field-type-changed:shop.v1.ItemRequest#2", SOURCE),
      edit("a protobuf field from singular to repeated")
          .proto(file -> field(find(file, "Item"), 1)
              .setLabel(com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label.LABEL_REPEATED))
          .expect("proto-field-type-changed:shop.v1.Item#1", WIRE, SOURCE),
      edit("a protobuf field renamed, its number kept")
          .proto(file -> field(find(file, "Item"), 1).setName("title"))
          .expect("proto-field-renamed:shop.v1.Item#1", SOURCE),
      edit("a protobuf field renamed to a name of the same Java accessors")
          .proto(file -> field(find(file, "ItemRequest"), 2).setName("Count"))
          .expectNothing(),
      edit("a protobuf field added")
          .proto(file -> find(file, "Item").addField(scalar("stock", 4, Type.TYPE_INT32)))
          .expect("proto-field-added:shop.v1.Item#4", SAFE),
      edit("a reserved protobuf number taken again")
          .proto(file -> find(file, "Item").clearReservedRange().addField(scalar("stock", 5, Type.TYPE_INT32)))
          .expect("proto-field-number-reused:shop.v1.Item#5", WIRE),
      edit("a response message swapped for an incompatible one")
          .proto(file -> file.addMessageType(message("ItemPage", messageField("status", 1, "Status"),
              scalar("item", 2, Type.TYPE_STRING))))
          .spec("response: {protobuf: shop.v1.ItemResponse}", "response: {protobuf: shop.v1.ItemPage}")
          .expect("response-message-changed:POST /v1/item/info", WIRE, SOURCE)
          .expect("message-added:shop.v1.ItemPage", SAFE),
      edit("a request message swapped for one that reads the same")
          .proto(file -> file.addMessageType(message("ItemQuery", scalar("id", 1, Type.TYPE_STRING),
              scalar("count", 2, Type.TYPE_INT64))))
          .spec("request: {protobuf: shop.v1.ItemRequest}", "request: {protobuf: shop.v1.ItemQuery}")
          .expect("request-message-changed:POST /v1/item/info", SOURCE)
          .expect("message-added:shop.v1.ItemQuery", SAFE),
      edit("a nested message's field type changed")
          .proto(file -> field(find(file, "Item"), 3).setType(Type.TYPE_INT32))
          .expect("proto-field-type-changed:shop.v1.Item#3", WIRE, SOURCE),
      edit("a message's Java package")
          .proto(file -> file.setOptions(file.getOptions().toBuilder().setJavaPackage("dev.shop.wire")))
          .expect("message-class-changed:shop.v1.ItemRequest", SOURCE)
          .expect("message-class-changed:shop.v1.ItemResponse", SOURCE)
          .expect("message-class-changed:shop.v1.Status", SOURCE)
          .expect("message-class-changed:shop.v1.Item", SOURCE));

  @TestFactory
  Stream<DynamicTest> eachEditGetsItsVerdict() {
    return EDITS.stream().map(edit -> DynamicTest.dynamicTest(edit.name, () -> {
      List<Change> changes = edit.compare();
      Map<String, Set<Kind>> found = new TreeMap<>();
      changes.forEach(change -> found.put(change.id(), change.kinds()));
      assertEquals(new TreeMap<>(edit.expected), found, () -> edit.name + ":\n" + changes.stream()
          .map(Change::toString).collect(Collectors.joining("\n")));
      assertEquals(changes.size(), found.size(), "each change once");
      for (Change change : changes) {
        boolean gone = change.type().equals("endpoint-removed") || change.type().equals("field-removed")
            || change.type().equals("enum-value-removed") || change.type().equals("type-removed");
        assertEquals(gone ? "baseline.yaml" : "current.yaml", change.location().file(),
            change.id() + " is located in the spec that has it");
        assertTrue(change.location().line() > 1, change.id() + " points at its line");
        assertTrue(!change.sentence().isBlank(), change.id() + " says what changed");
      }
    }));
  }

  @Test
  void anUnchangedSpecHasNoChanges() {
    assertEquals(List.of(), new Edit("nothing").compare());
  }

  @Test
  void theTableCoversEveryKindOfChangeOfTheIssue() {
    Set<String> types = EDITS.stream().flatMap(edit -> edit.expected.keySet().stream())
        .map(id -> id.contains(":") ? id.substring(0, id.indexOf(':')) : id).collect(Collectors.toSet());
    for (String type : List.of("endpoint-removed", "endpoint-moved", "field-wire-name-changed", "field-removed",
        "field-type-changed", "field-required", "enum-value-removed", "envelope-changed", "auth-changed",
        "response-format-changed", "proto-field-type-changed", "proto-field-removed", "response-message-changed",
        "method-renamed", "field-renamed", "enum-constant-renamed", "components-reordered", "param-type-changed",
        "type-removed", "endpoint-added", "field-added", "enum-value-added", "proto-field-added",
        "endpoint-doc-changed", "field-doc-changed")) {
      assertTrue(types.contains(type), "no edit of the table shows " + type);
    }
    assertTrue(EDITS.size() >= 25, "at least 25 edits");
  }

  private static Edit edit(String name) {
    return new Edit(name);
  }

  /** One edit: text replacements of the spec and changes of its protobuf file, and the changes expected. */
  private static final class Edit {
    final String name;
    final List<UnaryOperator<String>> specEdits = new ArrayList<>();
    final List<Consumer<FileDescriptorProto.Builder>> protoEdits = new ArrayList<>();
    final Map<String, Set<Kind>> expected = new TreeMap<>();

    Edit(String name) {
      this.name = name;
    }

    /** Replaces the one occurrence of {@code before}; the edit fails when there is none, or more than one. */
    Edit spec(String before, String after) {
      specEdits.add(text -> {
        int at = text.indexOf(before);
        if (at < 0 || text.indexOf(before, at + 1) >= 0) {
          throw new AssertionError(name + ": the spec must hold exactly one " + before);
        }
        return text.substring(0, at) + after + text.substring(at + before.length());
      });
      return this;
    }

    Edit proto(Consumer<FileDescriptorProto.Builder> change) {
      protoEdits.add(change);
      return this;
    }

    Edit expect(String id, Kind first, Kind... rest) {
      expected.put(id, EnumSet.of(first, rest));
      return this;
    }

    Edit expectNothing() {
      return this;
    }

    List<Change> compare() {
      String text = CompatFixtures.shopSpec();
      ProtoCatalog baselineProtos = CompatFixtures.catalog(CompatFixtures.shopProto().build());
      Spec baseline = CompatFixtures.read("baseline.yaml", text, baselineProtos);
      for (UnaryOperator<String> edit : specEdits) {
        text = edit.apply(text);
      }
      FileDescriptorProto.Builder file = CompatFixtures.shopProto();
      protoEdits.forEach(edit -> edit.accept(file));
      ProtoCatalog currentProtos = CompatFixtures.catalog(file.build());
      Spec current = CompatFixtures.read("current.yaml", text, currentProtos);
      return SpecDiff.compare(baseline, baselineProtos, current, currentProtos);
    }
  }
}
