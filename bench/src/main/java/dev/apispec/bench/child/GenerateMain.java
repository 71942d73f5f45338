package dev.apispec.bench.child;

import dev.apispec.codegen.Codegen;
import dev.apispec.codegen.output.SourceWriter;
import java.nio.file.Path;

/**
 * What our {@code generate} goal does when something changed, without Maven: read, validate and
 * generate ({@link Codegen#generate}), then write the sources ({@link SourceWriter#replace}).
 *
 * <p>Usage: {@code GenerateMain SPEC DISPLAY_ROOT OUTPUT_DIR [DESCRIPTOR_SET]}
 */
public final class GenerateMain {
  private GenerateMain() {}

  public static void main(String[] args) throws Exception {
    Path spec = Path.of(args[0]);
    Path root = Path.of(args[1]).toAbsolutePath().normalize();
    Path output = Path.of(args[2]);
    Path descriptorSet = args.length > 3 ? Path.of(args[3]) : null;
    long start = System.nanoTime();
    var files = Codegen.generate(spec, root, descriptorSet);
    long generated = System.nanoTime();
    SourceWriter.replace(output, files);
    long written = System.nanoTime();
    PeakMain.record("files", Integer.toString(files.size()));
    PeakMain.record("generateMicros", Long.toString((generated - start) / 1_000));
    PeakMain.record("writeMicros", Long.toString((written - generated) / 1_000));
  }
}
