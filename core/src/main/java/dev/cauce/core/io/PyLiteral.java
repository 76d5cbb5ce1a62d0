package dev.cauce.core.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser for the small subset of Python literals that NPY headers use: dicts, tuples, lists,
 * single- or double-quoted strings, integers, {@code True}, {@code False} and {@code None}.
 * Dicts become {@link LinkedHashMap}, tuples and lists {@link List}, integers {@link Long}.
 */
final class PyLiteral {
    private final String s;
    private int pos;

    private PyLiteral(String s) {
        this.s = s;
    }

    /** Parses one literal filling the whole string (surrounding whitespace allowed). */
    static Object parse(String text) {
        PyLiteral p = new PyLiteral(text);
        Object v = p.value();
        p.skipSpace();
        if (p.pos != text.length()) throw p.error("unexpected text after the literal");
        return v;
    }

    private Object value() {
        skipSpace();
        if (pos >= s.length()) throw error("unexpected end");
        char c = s.charAt(pos);
        return switch (c) {
            case '{' -> dict();
            case '(' -> sequence('(', ')');
            case '[' -> sequence('[', ']');
            case '\'', '"' -> string();
            default -> {
                if (c == '-' || c == '+' || Character.isDigit(c)) yield integer();
                if (s.startsWith("True", pos)) { pos += 4; yield Boolean.TRUE; }
                if (s.startsWith("False", pos)) { pos += 5; yield Boolean.FALSE; }
                if (s.startsWith("None", pos)) { pos += 4; yield null; }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private Map<String, Object> dict() {
        Map<String, Object> out = new LinkedHashMap<>();
        pos++;
        while (true) {
            skipSpace();
            if (peek() == '}') { pos++; return out; }
            Object key = value();
            if (!(key instanceof String k)) throw error("dict key must be a string, got " + key);
            skipSpace();
            expect(':');
            out.put(k, value());
            skipSpace();
            if (peek() == ',') pos++;
            else if (peek() != '}') throw error("expected ',' or '}'");
        }
    }

    private List<Object> sequence(char open, char close) {
        List<Object> out = new ArrayList<>();
        pos++;
        while (true) {
            skipSpace();
            if (peek() == close) { pos++; return out; }
            out.add(value());
            skipSpace();
            if (peek() == ',') pos++;
            else if (peek() != close) throw error("expected ',' or '" + close + "'");
        }
    }

    private String string() {
        char quote = s.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < s.length() && s.charAt(pos) != quote) {
            char c = s.charAt(pos++);
            if (c == '\\' && pos < s.length()) c = s.charAt(pos++);
            sb.append(c);
        }
        if (pos >= s.length()) throw error("unterminated string");
        pos++;
        return sb.toString();
    }

    private Long integer() {
        int start = pos;
        if (s.charAt(pos) == '-' || s.charAt(pos) == '+') pos++;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
        // NumPy < 1.x on Python 2 wrote shapes like (3L, 4L).
        String digits = s.substring(start, pos);
        if (pos < s.length() && s.charAt(pos) == 'L') pos++;
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("bad integer '" + digits + "'");
        }
    }

    private char peek() {
        if (pos >= s.length()) throw error("unexpected end");
        return s.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) throw error("expected '" + c + "'");
        pos++;
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at position " + pos);
    }
}
