package io.offsetkit.cli;

/** The formats of {@code --output}. */
enum Output {
    /** Aligned columns and sentences, for people. */
    table,
    /** One JSON document, for a script. */
    json,
    /** RFC 4180 CSV with a header row, one line per queue. */
    csv
}
