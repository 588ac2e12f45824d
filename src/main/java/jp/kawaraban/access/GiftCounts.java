package jp.kawaraban.access;

/**
 * What a paid member's gift button on one article shows them (decision 0034): the gifts they may
 * still make this month, and the gifts of this article they made with how often those were opened.
 * A value: two members with equal counts see the same button.
 */
public record GiftCounts(int left, int given, int opens) {
}
