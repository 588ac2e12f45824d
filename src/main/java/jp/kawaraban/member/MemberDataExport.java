package jp.kawaraban.member;

/**
 * A module that keeps data about members contributes its part of a member's data export
 * (the JSON a member downloads before deleting the account). Implemented by the modules
 * that hold such data, so {@code member} need not know them.
 */
public interface MemberDataExport {

    /** The key of this part in the export, e.g. {@code subscription}. */
    String part();

    /** Plain data (records, maps, lists) that turns into JSON. */
    Object export(MemberId member);
}
