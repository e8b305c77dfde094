package org.cellarena.web.csv;

/**
 * Writes CSV rows (RFC 4180) that a spreadsheet opens as data, never as formulas: a text cell starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading single quote (OWASP's rule
 * against CSV injection), and a cell holding a comma, a quote or a line break is quoted. Numbers and booleans are
 * written as they are (a negative number stays a number).
 */
public final class CsvWriter {
  private final StringBuilder out = new StringBuilder();

  /** Appends one row; a null cell is empty. */
  public CsvWriter row(Object... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells[i]));
    }
    out.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** One cell as written: empty for null, numbers and booleans as they are, text neutralised and quoted. */
  public static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
