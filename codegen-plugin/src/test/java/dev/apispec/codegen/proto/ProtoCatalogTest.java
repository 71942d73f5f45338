package dev.apispec.codegen.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.apispec.codegen.TestProtos;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalog reads the descriptor set protoc wrote for src/test/proto, and must name every message's
 * Java class exactly as protoc did: the classes it names are loaded here from the test class path.
 */
class ProtoCatalogTest {
  private final ProtoCatalog catalog = TestProtos.catalog();

  /** The Java class the catalog names for a message, loaded: proof that protoc generated it there. */
  private Class<?> javaClassOf(String fullName) throws ClassNotFoundException {
    ProtoCatalog.Message message = catalog.find(fullName);
    assertNotNull(message, fullName + " is not in the catalog; it has " + catalog.names());
    return Class.forName(message.javaClass().reflectionName());
  }

  @Test
  void listsEveryMessageByFullNameIncludingNestedOnes() {
    assertEquals(List.of(
            "testapi.v1.EchoRequest",
            "testapi.v1.EchoResponse",
            "testapi.v1.EchoResponse.Detail",
            "testapi.v1.Status",
            "testapi.v1.StatuslessResponse",
            "testapi.v1.clash.OuterClash",
            "testapi.v1.docs.ReportRequest",
            "testapi.v1.docs.ReportRequest.CountsEntry",
            "testapi.v1.docs.ReportResponse",
            "testapi.v1.docs.ReportResponse.Line",
            "testapi.v1.legacy.PingRequest",
            "testapi.v1.legacy.PingResponse",
            "testapi.v1.legacy.PingResponse.Item",
            "testapi.v1.nested.Holder",
            "testapi.v1.nested.Holder.NestedClash"),
        catalog.names());
  }

  @Test
  void multipleFilesGivesOneTopLevelClassPerMessage() throws Exception {
    assertSame(dev.apispec.testapi.v1.Status.class, javaClassOf("testapi.v1.Status"));
    assertSame(dev.apispec.testapi.v1.EchoRequest.class, javaClassOf("testapi.v1.EchoRequest"));
    assertSame(dev.apispec.testapi.v1.EchoResponse.Detail.class, javaClassOf("testapi.v1.EchoResponse.Detail"));
  }

  @Test
  void withoutMultipleFilesMessagesAreNestedInTheOuterClassNamedAfterTheFile() throws Exception {
    assertSame(dev.apispec.testapi.v1.legacy.Legacy.PingRequest.class, javaClassOf("testapi.v1.legacy.PingRequest"));
    assertSame(dev.apispec.testapi.v1.legacy.Legacy.PingResponse.Item.class,
        javaClassOf("testapi.v1.legacy.PingResponse.Item"));
  }

  @Test
  void outerClassGetsOuterClassSuffixWhenAMessageHasTheFilesName() throws Exception {
    // outer_clash.proto has no java_package: the Java package is the proto package.
    assertSame(testapi.v1.clash.OuterClashOuterClass.OuterClash.class, javaClassOf("testapi.v1.clash.OuterClash"));
  }

  @Test
  void outerClassGetsOuterClassSuffixWhenANestedMessageHasTheFilesName() throws Exception {
    assertSame(dev.apispec.testapi.v1.nested.NestedClashOuterClass.Holder.NestedClash.class,
        javaClassOf("testapi.v1.nested.Holder.NestedClash"));
  }

  @Test
  void findAcceptsTheLeadingDotOfFieldTypeNames() {
    FieldDescriptorProto status = catalog.find("testapi.v1.EchoResponse").fields().get("status");
    assertEquals(".testapi.v1.Status", status.getTypeName());
    assertEquals("testapi.v1.Status", catalog.find(status.getTypeName()).fullName());
  }

  @Test
  void fieldsAreKnownByName() {
    assertEquals(List.of("code", "msg", "number"), List.copyOf(catalog.find("testapi.v1.Status").fields().keySet()));
    assertEquals(FieldDescriptorProto.Type.TYPE_INT64,
        catalog.find("testapi.v1.Status").fields().get("code").getType());
  }

  @Test
  void unknownNamesAreNotFound() {
    assertNull(catalog.find("testapi.v1.Missing"));
    assertNull(catalog.find("Status"));
    assertTrue(ProtoCatalog.empty().isEmpty());
  }

  @Test
  void bytesThatAreNoDescriptorSetAreRejected() {
    assertThrows(InvalidProtocolBufferException.class, () -> ProtoCatalog.parse(new byte[] {(byte) 0xff, 0x01}));
  }
}
