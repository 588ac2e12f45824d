-- Who follows one thing: read when the desk merges or renames an entity (follows move over,
-- labels change), which otherwise scans every member's follows.
create index personal_follow_by_target on personal_follow (kind, value);
