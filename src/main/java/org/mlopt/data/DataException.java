package org.mlopt.data;

import org.mlopt.diag.ErrorCode;

/**
 * A problem with a data file or a dataset the user can fix. The message names the file, the
 * 1-based line and the column (name and 1-based index) where they apply; the same facts are
 * available as fields so callers can build a diagnostic. Line 0 / column 0 mean "not
 * applicable".
 */
public final class DataException extends RuntimeException {
    private final ErrorCode code;
    private final String file;
    private final int line;
    private final int column;
    private final String columnName;

    public DataException(ErrorCode code, String file, int line, int column, String columnName, String problem) {
        super(format(file, line, column, columnName, problem));
        this.code = code;
        this.file = file;
        this.line = line;
        this.column = column;
        this.columnName = columnName;
    }

    /** A problem not tied to a file position. */
    public DataException(String problem) {
        this(null, null, 0, 0, null, problem);
    }

    private static String format(String file, int line, int column, String columnName, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) sb.append(file);
        if (line > 0) sb.append(sb.length() > 0 ? ", " : "").append("line ").append(line);
        if (column > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append("column ").append(column);
            if (columnName != null) sb.append(" '").append(columnName).append('\'');
        }
        return sb.length() > 0 ? sb + ": " + problem : problem;
    }

    /** The matching error code (E801 file not found, E802 header, E803 target column), or null. */
    public ErrorCode code() {
        return code;
    }

    public String file() {
        return file;
    }

    /** 1-based line in the file, or 0. */
    public int line() {
        return line;
    }

    /** 1-based column index, or 0. */
    public int column() {
        return column;
    }

    public String columnName() {
        return columnName;
    }
}
