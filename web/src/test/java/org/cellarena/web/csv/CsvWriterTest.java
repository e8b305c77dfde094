package org.cellarena.web.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** OWASP's rule against CSV injection, and RFC 4180 quoting. */
class CsvWriterTest {
  @Test
  void textThatASpreadsheetWouldRunIsWrittenAsText() {
    assertEquals("'=1+1", CsvWriter.cell("=1+1"));
    assertEquals("'+cmd", CsvWriter.cell("+cmd"));
    assertEquals("'-2+3", CsvWriter.cell("-2+3"));
    assertEquals("'@SUM(A1)", CsvWriter.cell("@SUM(A1)"));
    assertEquals("'\t=1", CsvWriter.cell("\t=1"));
    assertEquals("\"'\r=1\"", CsvWriter.cell("\r=1"));
    assertEquals("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", CsvWriter.cell("=HYPERLINK(\"x\",\"y\")"));
    assertEquals("a=b", CsvWriter.cell("a=b"), "only a leading character matters");
  }

  @Test
  void numbersNullsAndRowsAreWrittenAsTheyAre() {
    assertEquals("-0.5", CsvWriter.cell(-0.5), "a negative number stays a number");
    assertEquals("", CsvWriter.cell(null));
    assertEquals("1,\"a, b\",,true\n2,x,'-y,false\n",
        new CsvWriter().row(1, "a, b", null, true).row(2, "x", "-y", false).toString());
  }
}
