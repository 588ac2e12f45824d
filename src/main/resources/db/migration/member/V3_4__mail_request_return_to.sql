-- The page a reader was reading when they signed up (a local path, checked again when used):
-- the verification mail's link carries it, so confirming the address leads back to that article.
ALTER TABLE member_mail_request ADD COLUMN return_to TEXT;
