package jp.kawaraban.member.web;

import java.util.List;
import java.util.Map;

import gg.jte.Content;
import jp.kawaraban.member.AccountPageExtension.Slot;
import jp.kawaraban.member.Device;
import jp.kawaraban.member.Member;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What the account page shows. {@code notice} reports the last action; {@code error} if it
 * failed. {@code sections} are other modules' parts of the page, by slot.
 */
public record AccountView(Member member, List<Device> devices, String notice, boolean error, CsrfToken csrf,
                          Map<Slot, List<Content>> sections) {

    public List<Content> sectionsAt(Slot slot) {
        return sections.getOrDefault(slot, List.of());
    }
}
