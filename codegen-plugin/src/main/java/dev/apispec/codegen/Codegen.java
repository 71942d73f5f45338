package dev.apispec.codegen;

import com.palantir.javapoet.JavaFile;
import dev.apispec.codegen.emit.CodeGenerator;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.openapi.OpenApiExporter;
import dev.apispec.codegen.proto.ProtoCatalog;
import dev.apispec.codegen.spec.Location;
import dev.apispec.codegen.spec.Problems;
import dev.apispec.codegen.spec.SpecReader;
import dev.apispec.codegen.validate.SpecValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole pipeline, without Maven: read the spec, validate it completely, and generate sources.
 * Throws {@link dev.apispec.codegen.spec.SpecException} with every problem when the spec is invalid.
 */
public final class Codegen {
  private Codegen() {}

  /**
   * @param spec a spec file or folder
   * @param displayRoot the folder that file names in messages are relative to
   * @param descriptorSet the {@code FileDescriptorSet} written by {@code protoc}, or {@code null}
   */
  public static List<JavaFile> generate(Path spec, Path displayRoot, Path descriptorSet) {
    Problems problems = new Problems();
    ProtoCatalog protos = readDescriptorSet(descriptorSet, problems);
    Spec model = SpecReader.read(spec, displayRoot, problems);
    SpecValidator.validate(model, protos, problems);
    problems.throwIfAny();
    return CodeGenerator.generate(model, protos);
  }

  /**
   * Reads and validates a spec like {@link #generate}, and returns it as an OpenAPI 3.1 document
   * (JSON).
   */
  public static String exportOpenApi(Path spec, Path displayRoot, Path descriptorSet) {
    return exportOpenApi(spec, displayRoot, descriptorSet, null);
  }

  /**
   * Like {@link #exportOpenApi(Path, Path, Path)}, with the document's {@code info.version} for a spec that gives
   * no {@code version}.
   *
   * @param fallbackVersion such as the Maven project's version, or {@code null}
   */
  public static String exportOpenApi(Path spec, Path displayRoot, Path descriptorSet, String fallbackVersion) {
    Problems problems = new Problems();
    ProtoCatalog protos = readDescriptorSet(descriptorSet, problems);
    Spec model = SpecReader.read(spec, displayRoot, problems);
    SpecValidator.validate(model, protos, problems);
    problems.throwIfAny();
    return OpenApiExporter.export(model, fallbackVersion);
  }

  private static ProtoCatalog readDescriptorSet(Path descriptorSet, Problems problems) {
    if (descriptorSet == null) {
      return null;
    }
    try {
      return ProtoCatalog.parse(Files.readAllBytes(descriptorSet));
    } catch (IOException e) {
      problems.add(new Location(descriptorSet.toString(), 1, 1),
          "cannot read the protobuf descriptor set (is protoc configured to write it before this plugin runs?): "
              + e.getMessage());
      return null;
    }
  }

  /** Validates a spec given as text, with an optional protobuf catalog; for tests and tools. */
  public static List<JavaFile> generateFromText(String fileName, String yaml, ProtoCatalog protos) {
    Problems problems = new Problems();
    Spec model = SpecReader.readText(fileName, yaml, problems);
    SpecValidator.validate(model, protos, problems);
    problems.throwIfAny();
    return CodeGenerator.generate(model, protos);
  }
}
