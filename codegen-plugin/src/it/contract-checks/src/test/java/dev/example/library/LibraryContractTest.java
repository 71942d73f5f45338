package dev.example.library;

import dev.apispec.contract.ContractTests;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

class LibraryContractTest {
  @TestFactory
  Stream<DynamicNode> contract() {
    return ContractTests.builder()
        .spec(Path.of(System.getProperty("contract.spec", "src/main/spec")))
        .recordings(Path.of(System.getProperty("contract.recordings", "src/test/recordings")))
        .client(uri -> LibraryClient.builder().allBaseUris(uri).xLibraryKey("test").build())
        .build()
        .tests();
  }
}
