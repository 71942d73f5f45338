package dev.example.golden.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kind of a chat partner.
 *
 * <p>This enum is open: a value not listed here is kept as it is, so decoding and encoding it again loses nothing. Compare with {@code equals}, or switch on {@link #value()}.
 *
 * @param value the value on the wire
 */
public record ChatType(@JsonValue int value) {
    /**
     * A user.
     */
    public static final ChatType USER = new ChatType(1);

    /**
     * A group chat.
     */
    public static final ChatType GROUP = new ChatType(2);

    public static final ChatType BOT = new ChatType(3);

    /**
     * Returns the constant for {@code value}, or an instance that keeps a value the spec does not list.
     *
     * @param value the value on the wire
     * @return the matching constant, or a new instance
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ChatType of(int value) {
        return switch (value) {
            case 1 -> USER;
            case 2 -> GROUP;
            case 3 -> BOT;
            default -> new ChatType(value);
        };
    }

    /**
     * The name of the constant with this value.
     *
     * @return the name, or {@code null} when the spec does not list this value
     */
    public String constantName() {
        return switch (value) {
            case 1 -> "USER";
            case 2 -> "GROUP";
            case 3 -> "BOT";
            default -> null;
        };
    }

    /**
     * Whether the spec lists this value.
     *
     * @return {@code true} for one of the constants
     */
    public boolean isKnown() {
        return constantName() != null;
    }

    @Override
    public String toString() {
        return isKnown() ? constantName() : "ChatType(" + value + ")";
    }
}
