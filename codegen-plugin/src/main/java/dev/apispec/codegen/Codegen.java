package dev.apispec.codegen;

import com.palantir.javapoet.JavaFile;
import dev.apispec.codegen.diagnostics.Location;
import dev.apispec.codegen.diagnostics.Problem;
import dev.apispec.codegen.diagnostics.Problems;
import dev.apispec.codegen.diagnostics.SpecException;
import dev.apispec.codegen.docs.ApiReference;
import dev.apispec.codegen.emit.CodeGenerator;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.naming.Symbols;
import dev.apispec.codegen.openapi.OpenApiExporter;
import dev.apispec.codegen.output.SourceWriteException;
import dev.apispec.codegen.output.SourceWriter;
import dev.apispec.codegen.proto.ProtoCatalog;
import dev.apispec.codegen.spec.SpecReader;
import dev.apispec.codegen.validate.SpecValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole pipeline, without Maven: read the spec, validate it completely, and generate sources.
 * Throws {@link dev.apispec.codegen.diagnostics.SpecException} with every problem when the spec is invalid.
 */
public final class Codegen {
  private Codegen() {}

  /**
   * @param spec a spec file or folder
   * @param displayRoot the folder that file names in messages are relative to
   * @param descriptorSet the {@code FileDescriptorSet} written by {@code protoc}, or {@code null}
   */
  public static List<JavaFile> generate(Path spec, Path displayRoot, Path descriptorSet) {
    return generateSources(spec, displayRoot, descriptorSet).files();
  }

  /** Generated sources, with the place in the spec that each class comes from. */
  public record Sources(List<JavaFile> files, Map<String, Location> origins) {}

  /** Like {@link #generate}, keeping where each class comes from, for {@link #write}. */
  public static Sources generateSources(Path spec, Path displayRoot, Path descriptorSet) {
    ValidSpec valid = read(spec, displayRoot, descriptorSet);
    return new Sources(CodeGenerator.generate(valid.spec(), valid.protos()), origins(valid.spec()));
  }

  /**
   * Replaces {@code output} with the sources (see {@link SourceWriter#replace}). A file that cannot be written
   * is a {@link dev.apispec.codegen.diagnostics.SpecException} located at the type, group or 'api' it comes from: a name
   * too long for the file system is the spec's to fix.
   */
  public static void write(Sources sources, Path output) throws IOException {
    try {
      SourceWriter.replace(output, sources.files());
    } catch (SourceWriteException e) {
      Location origin = sources.origins().get(e.className());
      if (origin == null) {
        throw e;
      }
      throw new SpecException(List.of(new Problem(origin, e.getMessage())));
    }
  }

  /** The binary name of every class generated for {@code model}, and where in the spec it comes from. */
  private static Map<String, Location> origins(Spec model) {
    Symbols symbols = new Symbols(model.api());
    Map<String, Location> origins = new HashMap<>();
    origins.put(symbols.client().reflectionName(), model.api().location());
    origins.put(symbols.apiException().reflectionName(), model.api().location());
    model.types().forEach(type -> origins.putIfAbsent(symbols.type(type.name()).reflectionName(), type.location()));
    model.groups().forEach(group -> origins.putIfAbsent(symbols.groupClass(group).reflectionName(), group.location()));
    return origins;
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
    return OpenApiExporter.export(read(spec, displayRoot, descriptorSet).spec(), fallbackVersion);
  }

  /** A spec read and validated, with the protobuf messages it was validated against (empty without any). */
  public record ValidSpec(Spec spec, ProtoCatalog protos) {}

  /** Reads and validates a spec: what every goal does first, before it works on the model. */
  public static ValidSpec read(Path spec, Path displayRoot, Path descriptorSet) {
    Problems problems = new Problems();
    ProtoCatalog protos = readDescriptorSet(descriptorSet, problems);
    Spec model = SpecReader.read(spec, displayRoot, problems);
    SpecValidator.validate(model, protos, problems);
    problems.throwIfAny();
    return new ValidSpec(model, protos == null ? ProtoCatalog.empty() : protos);
  }

  /**
   * Reads and validates a spec like {@link #generate}, and returns its Markdown API reference: the pages by file
   * name, {@code index.md} first (see {@link ApiReference}).
   */
  public static Map<String, String> apiReference(Path spec, Path displayRoot, Path descriptorSet) {
    ValidSpec valid = read(spec, displayRoot, descriptorSet);
    return apiReference(valid.spec(), valid.protos(), descriptorSet);
  }

  /** Like {@link #apiReference(Path, Path, Path)}, of a spec given as text; for tests and tools. */
  public static Map<String, String> apiReferenceFromText(String fileName, String yaml, Path descriptorSet) {
    Problems problems = new Problems();
    ProtoCatalog protos = readDescriptorSet(descriptorSet, problems);
    Spec model = SpecReader.readText(fileName, yaml, problems);
    SpecValidator.validate(model, protos, problems);
    problems.throwIfAny();
    return apiReference(model, protos, descriptorSet);
  }

  private static Map<String, String> apiReference(Spec model, ProtoCatalog protos, Path descriptorSet) {
    try {
      // read again rather than kept: the catalog was parsed from these bytes a moment ago
      return ApiReference.render(model, protos, descriptorSet == null ? null : Files.readAllBytes(descriptorSet));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
      return ProtoCatalog.unreadable();
    }
  }

  /** Like {@link #generateFromText}, keeping where each class comes from, for {@link #write}. */
  public static Sources generateSourcesFromText(String fileName, String yaml, ProtoCatalog protos) {
    Problems problems = new Problems();
    Spec model = SpecReader.readText(fileName, yaml, problems);
    SpecValidator.validate(model, protos, problems);
    problems.throwIfAny();
    return new Sources(CodeGenerator.generate(model, protos), origins(model));
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
