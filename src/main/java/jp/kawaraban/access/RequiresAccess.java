package jp.kawaraban.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares on a web handler (or its whole controller) the action its reader must be allowed:
 * before the handler runs, {@code access} asks {@link Entitlements#mayUse} for the current
 * reader and, when refused, throws {@link ActionRefusedException} — 403 with the reason and
 * the way in, whatever the page had offered. Controllers of any module declare it instead of
 * checking by hand, so a new handler cannot forget the check that its neighbours make.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresAccess {

    Action value();
}
