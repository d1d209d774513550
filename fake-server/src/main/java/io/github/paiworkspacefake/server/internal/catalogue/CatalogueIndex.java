package io.github.paiworkspacefake.server.internal.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each operation and each shared model stands in the catalogue's bytes, found by one pass that only counts
 * brackets and skips strings: the fake starts without parsing the catalogue, and reads an operation's declaration
 * when it is first needed.
 */
final class CatalogueIndex {

    /** A value's bytes: {@code [start, end)}. */
    record Slice(int start, int end) {}

    private final byte[] bytes;
    private final Map<String, Slice> operations = new HashMap<>();
    private final Map<String, Slice> models = new HashMap<>();

    private CatalogueIndex(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The index of a catalogue document: {@code {..., "operations": [{"name": ..., ...}, ...], "models": {...}}}. */
    static CatalogueIndex of(byte[] bytes) {
        CatalogueIndex index = new CatalogueIndex(bytes);
        index.scanDocument();
        return index;
    }

    byte[] bytes() {
        return bytes;
    }

    /** The slices of the operations, by name. */
    Map<String, Slice> operations() {
        return operations;
    }

    /** The slices of the shared models, by name. */
    Map<String, Slice> models() {
        return models;
    }

    private void scanDocument() {
        int at = expect(skipSpace(0), '{');
        while (true) {
            at = skipSpace(at);
            if (bytes[at] == '}') {
                return;
            }
            int keyEnd = skipString(at);
            String key = text(at, keyEnd);
            at = expect(skipSpace(keyEnd), ':');
            at = skipSpace(at);
            int valueEnd = skipValue(at);
            if (key.equals("operations")) {
                scanOperations(at, valueEnd);
            } else if (key.equals("models")) {
                scanModels(at, valueEnd);
            }
            at = skipSpace(valueEnd);
            if (bytes[at] == ',') {
                at++;
            }
        }
    }

    private void scanOperations(int start, int end) {
        int at = expect(start, '[');
        while (at < end) {
            at = skipSpace(at);
            if (bytes[at] == ']') {
                return;
            }
            int elementEnd = skipValue(at);
            operations.put(nameOf(at, elementEnd), new Slice(at, elementEnd));
            at = skipSpace(elementEnd);
            if (bytes[at] == ',') {
                at++;
            }
        }
    }

    private void scanModels(int start, int end) {
        int at = expect(start, '{');
        while (at < end) {
            at = skipSpace(at);
            if (bytes[at] == '}') {
                return;
            }
            int keyEnd = skipString(at);
            String name = text(at, keyEnd);
            at = skipSpace(expect(skipSpace(keyEnd), ':'));
            int valueEnd = skipValue(at);
            models.put(name, new Slice(at, valueEnd));
            at = skipSpace(valueEnd);
            if (bytes[at] == ',') {
                at++;
            }
        }
    }

    /** An operation's {@code name}: its first member, as generate.py writes it. */
    private String nameOf(int start, int end) {
        int at = skipSpace(expect(start, '{'));
        int keyEnd = skipString(at);
        if (!text(at, keyEnd).equals("name")) {
            throw new IllegalStateException(
                    "catalogue: an operation at byte " + start + " does not begin with its name");
        }
        at = skipSpace(expect(skipSpace(keyEnd), ':'));
        int valueEnd = skipString(at);
        if (valueEnd > end) {
            throw new IllegalStateException("catalogue: a malformed operation at byte " + start);
        }
        return text(at, valueEnd);
    }

    /** The end of the value at {@code at}: an object, an array, a string, or a literal. */
    private int skipValue(int at) {
        byte first = bytes[at];
        if (first == '"') {
            return skipString(at);
        }
        if (first == '{' || first == '[') {
            int depth = 0;
            int i = at;
            while (i < bytes.length) {
                byte b = bytes[i];
                if (b == '"') {
                    i = skipString(i);
                    continue;
                }
                if (b == '{' || b == '[') {
                    depth++;
                } else if (b == '}' || b == ']') {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                i++;
            }
            throw new IllegalStateException("catalogue: unterminated value at byte " + at);
        }
        int i = at;
        while (i < bytes.length && bytes[i] != ',' && bytes[i] != '}' && bytes[i] != ']' && !isSpace(bytes[i])) {
            i++;
        }
        return i;
    }

    /** The end of the string at {@code at} (just after its closing quote). */
    private int skipString(int at) {
        expect(at, '"');
        int i = at + 1;
        while (i < bytes.length) {
            byte b = bytes[i];
            if (b == '\\') {
                i += 2;
            } else if (b == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        throw new IllegalStateException("catalogue: unterminated string at byte " + at);
    }

    /** A string without escapes (a key or a name), from its quotes. */
    private String text(int start, int end) {
        return new String(bytes, start + 1, end - start - 2, StandardCharsets.UTF_8);
    }

    private int skipSpace(int at) {
        int i = at;
        while (i < bytes.length && isSpace(bytes[i])) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private int expect(int at, char wanted) {
        if (at >= bytes.length || bytes[at] != wanted) {
            throw new IllegalStateException("catalogue: expected '" + wanted + "' at byte " + at);
        }
        return at + 1;
    }
}
