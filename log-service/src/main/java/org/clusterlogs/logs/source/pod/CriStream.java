package org.clusterlogs.logs.source.pod;

/**
 * The streams lines are joined within. CRI records name {@code stdout} or {@code stderr}; a
 * line that is not a CRI record at all is kept too, as its own {@link #RAW} line without a
 * stream, so nothing in the file is dropped. The ordinal is the slot in per-stream arrays and
 * the letter marks the stream in a cursor.
 */
enum CriStream {
    STDOUT("stdout", 'o'),
    STDERR("stderr", 'e'),
    RAW(null, 'x');

    static final CriStream[] ALL = values();
    /** The streams whose records may be partial ({@code P}) and so stay open across records. */
    static final CriStream[] JOINED = {STDOUT, STDERR};

    private final String fieldValue;
    private final char cursorLetter;

    CriStream(String fieldValue, char cursorLetter) {
        this.fieldValue = fieldValue;
        this.cursorLetter = cursorLetter;
    }

    /** The {@code STREAM} field's value, {@code null} for a line that names no stream. */
    String fieldValue() {
        return fieldValue;
    }

    char cursorLetter() {
        return cursorLetter;
    }

    static CriStream ofLetter(char letter) {
        for (CriStream s : ALL) {
            if (s.cursorLetter == letter) {
                return s;
            }
        }
        return null;
    }
}
