package jp.kawaraban.setup.web;

import java.util.Map;

import jp.kawaraban.member.Member;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.setup.PublicationSetup;
import jp.kawaraban.setup.SetupRefusal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the operator command {@code setup} asks a running site for (token-only, see
 * {@code OperatorToken}): setting it up. 200 with the administrator's address; otherwise the
 * refusal's status with its message in Japanese.
 */
@RestController
class OperatorSetupApi {

    private final PublicationSetup setup;
    private final Messages msg;

    OperatorSetupApi(PublicationSetup setup, Messages msg) {
        this.setup = setup;
        this.msg = msg;
    }

    @PostMapping("/operator/setup")
    ResponseEntity<Map<String, String>> setUp(@RequestBody PublicationSetup.Request request) {
        try {
            Member admin = setup.setUp(request);
            return ResponseEntity.ok(Map.of("admin", admin.email()));
        } catch (SetupRefusal refused) {
            return ResponseEntity.status(refused.kind().status())
                    .body(Map.of("error", msg.get(refused.messageKey(), refused.arguments()), "code", refused.code()));
        }
    }
}
