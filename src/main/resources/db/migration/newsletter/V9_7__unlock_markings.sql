-- Every marking of an article for the email unlock gets a number of its own. Links and
-- cookies carry the number of the marking they were issued under and only work while that
-- marking stands, so unmarking an article and marking it again leaves the earlier unlocks
-- dead (decision 0010).
CREATE SEQUENCE newsletter_unlock_marking_seq;
ALTER TABLE newsletter_unlock_eligible
    ADD COLUMN marking BIGINT NOT NULL DEFAULT nextval('newsletter_unlock_marking_seq');
ALTER SEQUENCE newsletter_unlock_marking_seq OWNED BY newsletter_unlock_eligible.marking;

-- The marking an unlock link was mailed under (null for other links).
ALTER TABLE newsletter_link ADD COLUMN unlock_marking BIGINT;
