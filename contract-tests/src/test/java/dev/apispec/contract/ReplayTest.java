package dev.apispec.contract;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every recording, replayed against the generated client: one test per recording, named after it
 * ({@code friend/apply/success}). See {@link ContractCheck} for what is checked.
 */
class ReplayTest {
  private static final ContractCheck CHECK = new ContractCheck(TestSupport.spec(), TestSupport.client());

  @TestFactory
  @DisplayName("replay")
  Stream<DynamicTest> everyRecordingReplaysAgainstTheClient() {
    return TestSupport.recordingFiles().entrySet().stream()
        .map(file -> DynamicTest.dynamicTest(file.getKey(),
            () -> CHECK.verify(Recording.parse(file.getKey(), file.getValue()))));
  }
}
