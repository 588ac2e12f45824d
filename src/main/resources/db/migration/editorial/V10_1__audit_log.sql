-- Every change made at the editors' desk: who, what, when. Rows are only ever added.
-- Version numbers: editorial keeps the 10.x block (docs/decisions/0002).

create table editorial_audit (
    id          bigint generated always as identity primary key,
    at          timestamptz not null,
    actor       text not null,
    actor_name  text not null,
    action      text not null,
    subject     text not null,
    detail      text
);

create index editorial_audit_subject_idx on editorial_audit (subject, at desc);
create index editorial_audit_at_idx on editorial_audit (at desc);
