package dev.apispec.codegen;

import dev.apispec.codegen.diagnostics.Problem;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.codehaus.plexus.build.BuildContext;

/**
 * What the goals tell an IDE build, through the {@link BuildContext} that Eclipse m2e supplies: whether the
 * inputs changed since its last build (on every keystroke it asks, so a goal with unchanged inputs must do nothing,
 * cheaply), which files were written, and the spec's problems as markers on their files. Under plain Maven the
 * context is not incremental, has a delta for every file and shows no markers, so nothing changes there: the
 * goals' own up-to-date check decides.
 */
final class IdeBuild {
  private final BuildContext context;

  /** @param context the build context, or {@code null} outside Maven (tests, tools): then like plain Maven */
  IdeBuild(BuildContext context) {
    this.context = context;
  }

  /**
   * Whether this is an IDE's incremental build in which neither the spec nor the descriptor set changed, while
   * the output is still there: then the goal has nothing to do, without reading a file.
   */
  boolean inputsUnchanged(File spec, File descriptorSet, boolean outputPresent) {
    return context != null && context.isIncremental() && outputPresent
        && !context.hasDelta(spec) && (descriptorSet == null || !context.hasDelta(descriptorSet));
  }

  /** Tells the IDE that {@code output} (a file or a folder) was written, so that it reads it again. */
  void refresh(File output) {
    if (context != null) {
      context.refresh(output);
    }
  }

  /** Before a run: the markers of an earlier run on the spec go. */
  void clearProblems(File spec) {
    if (context != null) {
      context.removeMessages(spec);
    }
  }

  /** Each problem as an error marker on its spec file (problem files are shown relative to {@code base}). */
  void reportProblems(List<Problem> problems, Path base) {
    if (context == null) {
      return;
    }
    for (Problem problem : problems) {
      File file = base.resolve(problem.location().file()).normalize().toFile();
      context.addMessage(file, problem.location().line(), problem.location().column(), problem.message(),
          BuildContext.SEVERITY_ERROR, null);
    }
  }
}
