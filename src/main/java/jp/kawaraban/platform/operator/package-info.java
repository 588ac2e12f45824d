/** The operator token that lets commands run from the jar reach the running site. */
@org.springframework.modulith.NamedInterface("operator")
package jp.kawaraban.platform.operator;
