package jp.kawaraban.article;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param number 1-based page number
 */
public record PageOf<T>(List<T> items, int number, int size, long total) {

    public int pageCount() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return number < pageCount();
    }

    public boolean hasPrevious() {
        return number > 1;
    }
}
