package jp.kawaraban.editorial;

import java.util.List;

import jp.kawaraban.platform.Refusal;

/**
 * Why the desk did not make a change, as message keys ({@code editor.problem.*}) the page
 * shows in Japanese. Nothing was written.
 */
public class DeskRefusal extends Refusal {

    private final List<Problem> problems;

    /** One thing wrong, with the values its message names. */
    public record Problem(String key, Object... arguments) {
    }

    public DeskRefusal(List<Problem> problems) {
        super(Kind.INVALID, problems.getFirst().key(), problems.getFirst().arguments());
        this.problems = List.copyOf(problems);
    }

    public DeskRefusal(String key, Object... arguments) {
        this(List.of(new Problem(key, arguments)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
