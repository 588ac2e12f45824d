/**
 * Shared infrastructure only: the embedded database, the clock, the data directory and
 * server-side templating. Holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.kawaraban.platform;
