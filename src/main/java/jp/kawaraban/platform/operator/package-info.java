/** The operator token that lets commands run from the jar reach the running site. */
package jp.kawaraban.platform.operator;
