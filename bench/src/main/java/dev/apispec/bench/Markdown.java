package dev.apispec.bench;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table, built row by row. */
public final class Markdown {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public Markdown(String... header) {
    this.header = List.of(header);
  }

  public Markdown row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(String.valueOf(cell).replace("|", "\\|"));
    }
    rows.add(row);
    return this;
  }

  /** Whether every cell of a column is a number, a ratio or a dash: such columns are right-aligned. */
  private boolean numeric(int column) {
    for (List<String> row : rows) {
      String cell = row.get(column);
      if (!cell.isEmpty() && !cell.matches("[-–0-9.,× /]+(ms|MiB|KiB)?")) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append("| ").append(String.join(" | ", header)).append(" |\n");
    out.append("|");
    for (int i = 0; i < header.size(); i++) {
      out.append(i > 0 && numeric(i) ? " ---: |" : " --- |");
    }
    out.append('\n');
    for (List<String> row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return out.toString();
  }
}
