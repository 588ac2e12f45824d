package jp.kawaraban.platform.web;

import jp.kawaraban.platform.Refusal;

/**
 * A request parameter outside what the page or API accepts (a page number below 1, a date
 * that is not yyyy-MM-dd): 400, naming the parameter in the API's problem details.
 */
public class BadParameterException extends Refusal {

    private final String parameter;

    public BadParameterException(String parameter) {
        super(Kind.INVALID, "api.problem.badParameter.detail", parameter);
        this.parameter = parameter;
    }

    /** Problem details name the parameter ({@code parameter}), so an app can point at the field. */
    @Override
    public java.util.Map<String, Object> details() {
        return java.util.Map.of("parameter", parameter);
    }

    public String parameter() {
        return parameter;
    }

    @Override
    public String titleKey() {
        return "api.problem.badParameter.title";
    }
}
