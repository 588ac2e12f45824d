package jp.kawaraban.personal;

import java.util.List;

/**
 * One page of My News. The feed has no total (counting every followed article over a large
 * archive costs more than the page itself); the pager needs only whether a next page exists.
 */
public record NewsPage(List<NewsItem> items, int number, int size, boolean hasNext) {

    public boolean hasPrevious() {
        return number > 1;
    }
}
