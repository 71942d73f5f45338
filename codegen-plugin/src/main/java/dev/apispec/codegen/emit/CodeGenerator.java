package dev.apispec.codegen.emit;

import com.palantir.javapoet.JavaFile;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.naming.Symbols;
import dev.apispec.codegen.proto.ProtoCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a validated spec into Java sources: one directive per kind of artifact, each done by its
 * own emitter. Nothing is written here; see {@link dev.apispec.codegen.output.SourceWriter}.
 */
public final class CodeGenerator {
  private CodeGenerator() {}

  public static List<JavaFile> generate(Spec spec, ProtoCatalog protos) {
    Symbols symbols = new Symbols(spec.api());
    ProtoCatalog catalog = protos == null ? ProtoCatalog.empty() : protos;
    List<JavaFile> files = new ArrayList<>();
    RecordEmitter records = new RecordEmitter(symbols);
    EnumEmitter enums = new EnumEmitter(symbols);
    for (TypeDef type : spec.types()) {
      if (type instanceof TypeDef.ObjectDef object) {
        files.add(records.emit(object));
      } else if (type instanceof TypeDef.EnumDef enumDef) {
        files.add(enums.emit(enumDef));
      }
    }
    files.add(new ExceptionEmitter(symbols).emit(spec.api()));
    Map<String, TypeDef.EnumDef> enumDefs = new HashMap<>();
    spec.types().stream().filter(TypeDef.EnumDef.class::isInstance).map(TypeDef.EnumDef.class::cast)
        .forEach(e -> enumDefs.putIfAbsent(e.name(), e));
    GroupEmitter groups = new GroupEmitter(spec.api(), symbols, catalog, enumDefs);
    spec.groups().forEach(group -> files.add(groups.emit(group)));
    files.add(new ClientEmitter(spec.api(), symbols).emit(spec.groups(), secretFields(spec)));
    return files;
  }

  /** The wire names of every field the spec marks secret, for the transport to mask in messages. */
  private static Set<String> secretFields(Spec spec) {
    Set<String> names = new TreeSet<>();
    for (TypeDef type : spec.types()) {
      if (type instanceof TypeDef.ObjectDef object) {
        object.fields().stream().filter(TypeDef.FieldDef::secret).forEach(f -> names.add(f.wireName()));
      }
    }
    return names;
  }
}
