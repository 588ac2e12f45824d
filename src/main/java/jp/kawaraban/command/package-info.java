/**
 * Operator commands run from the jar ({@code java -jar kawaraban.jar COMMAND ...}): they
 * reach the site running on the same data directory, or start the application on a loopback port
 * when none runs; {@code backup} and {@code restore} work on the data directory's database
 * itself ({@code platform.operator.OperatorDatabase}); {@code analyse} and {@code train-entities}
 * only read text and start nothing. Progress goes to stderr, results to stdout.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"article", "editorial", "member", "platform", "platform::operator", "search", "setup", "text"})
package jp.kawaraban.command;
