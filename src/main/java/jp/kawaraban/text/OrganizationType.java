package jp.kawaraban.text;

/**
 * The three types of organisation the annotated sentences tell apart (the stockmark data set's
 * 法人名, 政治的組織名 and その他の組織名). {@link EntityRecognizer} learns them apart in the
 * weights of whole names and returns every one of them as {@link NameKind#ORGANIZATION}
 * (decision 0056): a company, a party or a ministry, and a club or a band are named in
 * different words, but the vocabulary has one kind for all three.
 */
public enum OrganizationType {
    COMPANY,
    POLITICAL,
    OTHER
}
