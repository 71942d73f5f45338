package dev.apispec.contract;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The contract checks of a generated client against recorded traffic, as JUnit 5 dynamic tests:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> contract() {
 *   return ContractTests.builder()
 *       .spec(Path.of("src/main/spec"))
 *       .recordings(Path.of("src/test/recordings"))
 *       .client(uri -> ShopClient.builder().baseUri(uri).token("test").build())
 *       .build()
 *       .tests();
 * }
 * }</pre>
 *
 * <p>{@link #tests()} gives one test per recording ({@code replay <group>/<endpoint>/<name>}: the request on the
 * wire exactly as recorded, the response decoded and encoded back with nothing lost or the recorded error raised,
 * and no field the spec does not know), and the coverage tests: every endpoint has a success recording, every
 * documented error a recording, every recording an endpoint, and no two recordings of an endpoint answer the same
 * request. Each failure names the recording or the endpoint and the field at fault. Every body format and envelope
 * of the spec format is replayed; a recording of another host of the spec says so ({@code "host"} in its request),
 * and the client factory must point every host at the URI it is given (a spec with {@code api.hosts}:
 * {@code allBaseUris(uri)}). Recordings of an endpoint the replay cannot judge (a JSON answer without any envelope
 * in the spec) are skipped, with the reason, and that endpoint is left out of the coverage tests.
 */
public final class ContractTests {
  private final ApiSpec spec;
  private final ClientUnderTest client;
  private final Path recordings;

  private ContractTests(Builder builder) {
    this.client = ClientUnderTest.of(Objects.requireNonNull(builder.client, "client"), null);
    Path specPath = Objects.requireNonNull(builder.spec, "spec");
    this.spec = builder.descriptorSet == null ? ApiSpec.read(specPath, client.type())
        : ApiSpec.read(specPath, client.type(), builder.descriptorSet);
    this.recordings = Objects.requireNonNull(builder.recordings, "recordings");
    if (!Files.isDirectory(recordings)) {
      throw new IllegalArgumentException("recordings: no such folder: " + recordings.toAbsolutePath());
    }
  }

  /**
   * Starts the checks of one client.
   *
   * @return a builder that needs the spec, the recordings and the client
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The tests: a {@code replay} container with one test per recording, and a {@code coverage} container.
   *
   * @return the tests, for a {@code @TestFactory}
   */
  public Stream<DynamicNode> tests() {
    SortedMap<String, byte[]> files = Recordings.files(recordings);
    ContractCheck check = new ContractCheck(spec, client);
    List<DynamicNode> replays = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      // parsed in its own test, so that a broken file fails that test and not all of them
      replays.add(DynamicTest.dynamicTest("replay " + file.getKey(), () -> {
        Recording recording = Recording.parse(file.getKey(), file.getValue());
        ApiSpec.Endpoint endpoint = spec.endpoint(recording.request()).orElse(null);
        // reported as skipped, with the reason, rather than failing what the checks cannot judge
        Assumptions.assumeTrue(endpoint == null || endpoint.unsupported() == null,
            () -> endpoint + ": " + endpoint.unsupported());
        check.verify(recording);
      }));
    }
    Coverage coverage = new Coverage(spec, client);
    List<DynamicNode> checks = List.of(
        coverageTest("every endpoint has a success recording", coverage, files, coverage::endpointsWithoutSuccess),
        coverageTest("every documented error has a recording", coverage, files,
            coverage::documentedErrorsWithoutRecording),
        coverageTest("every recording matches an endpoint", coverage, files, coverage::strayRecordings),
        coverageTest("no two recordings answer the same request", coverage, files, coverage::ambiguousRecordings));
    return Stream.of(DynamicContainer.dynamicContainer("replay", replays),
        DynamicContainer.dynamicContainer("coverage", checks));
  }

  private static DynamicTest coverageTest(String name, Coverage coverage, SortedMap<String, byte[]> files,
      Function<List<Recording>, List<String>> check) {
    return DynamicTest.dynamicTest(name, () -> {
      List<Recording> parsed = new ArrayList<>();
      files.forEach((id, bytes) -> parsed.add(Recording.parse(id, bytes)));
      List<String> problems = check.apply(parsed);
      if (!problems.isEmpty()) {
        throw new AssertionError(name + " fails:\n  - " + String.join("\n  - ", problems));
      }
    });
  }

  /** Builds {@link ContractTests}. */
  public static final class Builder {
    private Path spec;
    private Path recordings;
    private Function<URI, ?> client;
    private Path descriptorSet;

    private Builder() {}

    /**
     * The spec the client was generated from.
     *
     * @param spec a spec file or folder, as the plugin takes it
     * @return this builder
     */
    public Builder spec(Path spec) {
      this.spec = Objects.requireNonNull(spec, "spec");
      return this;
    }

    /**
     * The recordings, in {@code <group>/<endpoint>/<name>.json}.
     *
     * @param recordings the folder
     * @return this builder
     */
    public Builder recordings(Path recordings) {
      this.recordings = Objects.requireNonNull(recordings, "recordings");
      return this;
    }

    /**
     * How to make the client under test for a local server: every base URI the client has must be the one given
     * ({@code allBaseUris(uri)} when the spec has other hosts).
     *
     * @param client makes a client that sends to the given base URI
     * @return this builder
     */
    public Builder client(Function<URI, ?> client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The descriptor set protoc wrote for the spec's protobuf messages; optional, as the messages are read from the
     * client's own protobuf classes otherwise.
     *
     * @param descriptorSet the {@code FileDescriptorSet} file
     * @return this builder
     */
    public Builder descriptorSet(Path descriptorSet) {
      this.descriptorSet = Objects.requireNonNull(descriptorSet, "descriptorSet");
      return this;
    }

    /**
     * Reads and validates the spec, and checks that the recordings folder exists.
     *
     * @return the checks
     * @throws IllegalStateException when the spec is not valid (the message lists its problems)
     */
    public ContractTests build() {
      return new ContractTests(this);
    }
  }
}
