package jp.kawaraban.article;

/** Which page of a listing to read; numbers below 1 and absurd sizes are clamped, never errors. */
public record PageRequest(int number, int size) {

    public static final int MAX_SIZE = 100;

    public PageRequest {
        number = Math.max(1, number);
        size = Math.min(MAX_SIZE, Math.max(1, size));
    }

    public long offset() {
        return (long) (number - 1) * size;
    }
}
