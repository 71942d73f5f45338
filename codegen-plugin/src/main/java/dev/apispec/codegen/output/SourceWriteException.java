package dev.apispec.codegen.output;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;

/** A generated file could not be written; says which one, so that the type it came from can be named. */
public final class SourceWriteException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient JavaFile file;

  SourceWriteException(JavaFile file, Path path, IOException cause) {
    super("cannot write the generated file " + path + ": " + reason(cause), cause);
    this.file = file;
  }

  /** The file that could not be written. */
  public JavaFile file() {
    return file;
  }

  /** The binary name of the file's class, such as {@code dev.demo.model.Tag}. */
  public String className() {
    return file.packageName().isEmpty() ? file.typeSpec().name() : file.packageName() + "." + file.typeSpec().name();
  }

  private static String reason(IOException cause) {
    if (cause instanceof CharacterCodingException) {
      return "its text is not valid Unicode";
    }
    if (cause instanceof java.nio.file.FileAlreadyExistsException) {
      return "another generated class has the same file name, but for case (on a file system that ignores case)";
    }
    String message = cause.getMessage();
    String kind = cause.getClass().getSimpleName();
    // NoSuchFileException and its kin carry only the path as their message
    return message == null || message.startsWith("/") || message.contains(java.io.File.separator + ".")
        ? kind + (cause instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
            ? " (" + fs.getReason() + ")" : "")
        : message;
  }
}
