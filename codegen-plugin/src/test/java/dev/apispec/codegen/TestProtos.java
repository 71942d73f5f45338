package dev.apispec.codegen;

import dev.apispec.codegen.proto.ProtoCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The descriptor set protoc wrote for src/test/proto during this build (see the protobuf plugin in
 * this module's pom), whose Java classes are on the test class path.
 */
public final class TestProtos {
  private TestProtos() {}

  public static Path descriptorSet() {
    Path path = Path.of(System.getProperty("apispec.test.descriptorSet",
        "target/test-protobuf-descriptor/testapi.desc"));
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(path + " does not exist; run the tests with Maven, which runs protoc first");
    }
    return path;
  }

  public static ProtoCatalog catalog() {
    try {
      return ProtoCatalog.parse(Files.readAllBytes(descriptorSet()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
