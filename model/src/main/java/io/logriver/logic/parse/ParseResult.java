package io.logriver.logic.parse;

import java.util.Objects;

/**
 * What a parser returns: a value, or the reason the input was rejected. Parsers never throw on bad input.
 *
 * @param <T> the parsed type
 */
public final class ParseResult<T> {
    private final T value;
    private final String reason;

    private ParseResult(T value, String reason) {
        this.value = value;
        this.reason = reason;
    }

    public static <T> ParseResult<T> ok(T value) {
        return new ParseResult<>(Objects.requireNonNull(value), null);
    }

    public static <T> ParseResult<T> rejected(String reason) {
        return new ParseResult<>(null, Objects.requireNonNull(reason));
    }

    public boolean isOk() {
        return value != null;
    }

    /** The parsed value; only when {@link #isOk()}. */
    public T value() {
        if (value == null) {
            throw new IllegalStateException("rejected: " + reason);
        }
        return value;
    }

    /** Why the input was rejected, e.g. {@code missing-field:webURL}; null when {@link #isOk()}. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return isOk() ? "ok(" + value + ")" : "rejected(" + reason + ")";
    }
}
