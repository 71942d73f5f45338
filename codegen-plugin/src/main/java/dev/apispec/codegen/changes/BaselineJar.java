package dev.apispec.codegen.changes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A released spec artifact: its {@code spec/} files unpacked into a folder of their own, and the first
 * {@code descriptor/*.desc} it carries, as the api-spec module's jar has them.
 *
 * @param spec the folder of the unpacked {@code spec/} files
 * @param descriptorSet the unpacked descriptor set, or {@code null} when the jar has none
 */
public record BaselineJar(Path spec, Path descriptorSet) {

  /** Unpacks {@code jar} into {@code into}, replacing what an earlier run left there. */
  public static BaselineJar unpack(Path jar, Path into) throws IOException {
    deleteTree(into);
    Path spec = into.resolve("spec");
    Files.createDirectories(spec);
    Path descriptor = null;
    boolean anySpec = false;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (entry.isDirectory()) {
          continue;
        }
        if (name.startsWith("spec/") && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
          copy(zip, entry, into);
          anySpec = true;
        } else if (descriptor == null && name.startsWith("descriptor/") && name.endsWith(".desc")) {
          descriptor = copy(zip, entry, into);
        }
      }
    }
    if (!anySpec) {
      throw new IOException(jar + " carries no spec/*.yaml: is it the artifact of a spec module?");
    }
    return new BaselineJar(spec, descriptor);
  }

  /** Copies an entry below {@code into}, refusing a name that would leave it ({@code ../}). */
  private static Path copy(ZipFile zip, ZipEntry entry, Path into) throws IOException {
    Path target = into.resolve(entry.getName()).normalize();
    if (!target.startsWith(into.normalize())) {
      throw new IOException("the entry " + entry.getName() + " of " + zip.getName() + " points outside the jar");
    }
    Files.createDirectories(target.getParent());
    try (InputStream in = zip.getInputStream(entry)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
