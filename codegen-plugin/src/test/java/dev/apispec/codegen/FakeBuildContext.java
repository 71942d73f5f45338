package dev.apispec.codegen;

import java.io.File;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.plexus.build.BuildContext;
import org.codehaus.plexus.util.Scanner;

/**
 * A build context as an IDE's incremental build gives it: only the files named changed; it records what the goal
 * refreshes and the markers it sets. Not incremental, it answers as plain Maven's does: every file changed.
 */
final class FakeBuildContext implements BuildContext {
  private final boolean incremental;
  private final Set<File> changed = new HashSet<>();
  final List<File> refreshed = new ArrayList<>();
  final List<String> markers = new ArrayList<>();
  final List<File> cleared = new ArrayList<>();
  private final Map<String, Object> values = new HashMap<>();

  FakeBuildContext(boolean incremental, File... changed) {
    this.incremental = incremental;
    this.changed.addAll(List.of(changed));
  }

  @Override
  public boolean isIncremental() {
    return incremental;
  }

  @Override
  public boolean hasDelta(File file) {
    return !incremental || changed.contains(file);
  }

  @Override
  public boolean hasDelta(String relativePath) {
    return hasDelta(new File(relativePath));
  }

  @Override
  public boolean hasDelta(List<String> relativePaths) {
    return relativePaths.stream().anyMatch(this::hasDelta);
  }

  @Override
  public void refresh(File file) {
    refreshed.add(file);
  }

  @Override
  public void addMessage(File file, int line, int column, String message, int severity, Throwable cause) {
    markers.add(file.getName() + ":" + line + ":" + column + ": " + (severity == SEVERITY_ERROR ? "error: " : "")
        + message);
  }

  @Deprecated
  @Override
  public void addWarning(File file, int line, int column, String message, Throwable cause) {
    addMessage(file, line, column, message, SEVERITY_WARNING, cause);
  }

  @Deprecated
  @Override
  public void addError(File file, int line, int column, String message, Throwable cause) {
    addMessage(file, line, column, message, SEVERITY_ERROR, cause);
  }

  @Override
  public void removeMessages(File file) {
    cleared.add(file);
  }

  @Override
  public OutputStream newFileOutputStream(File file) {
    throw new UnsupportedOperationException("the goals write their output atomically themselves");
  }

  @Override
  public Scanner newScanner(File basedir) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Scanner newDeleteScanner(File basedir) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Scanner newScanner(File basedir, boolean ignoreDelta) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean isUptodate(File target, File source) {
    return false;
  }

  @Override
  public void setValue(String key, Object value) {
    values.put(key, value);
  }

  @Override
  public Object getValue(String key) {
    return values.get(key);
  }
}
