package jp.kawaraban.editorial;

import java.util.List;

/**
 * Why the desk did not make a change, as message keys ({@code editor.problem.*}) the page
 * shows in Japanese. Nothing was written.
 */
public class DeskRefusal extends RuntimeException {

    private final List<Problem> problems;

    /** One thing wrong, with the values its message names. */
    public record Problem(String key, Object... arguments) {
    }

    public DeskRefusal(List<Problem> problems) {
        super(String.join(", ", problems.stream().map(Problem::key).toList()));
        this.problems = List.copyOf(problems);
    }

    public DeskRefusal(String key, Object... arguments) {
        this(List.of(new Problem(key, arguments)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
