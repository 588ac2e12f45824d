package jp.kawaraban.platform.web;

/**
 * A request parameter outside what the page or API accepts (a page number below 1, a date
 * that is not yyyy-MM-dd): 400, naming the parameter in the API's problem details.
 */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter) {
        super("Bad parameter: " + parameter);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
