package io.offsetkit.cli;

import java.io.PrintStream;

/** RFC 4180 lines: a cell with a comma, a quote or a line break is quoted, its quotes doubled. */
final class Csv {

    private Csv() {}

    static void line(PrintStream out, Object... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String text = cells[i] == null ? "" : String.valueOf(cells[i]);
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = "\"" + text.replace("\"", "\"\"") + "\"";
            }
            line.append(text);
        }
        out.print(line + "\r\n");
    }
}
