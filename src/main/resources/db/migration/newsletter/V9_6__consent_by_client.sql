-- Sign-ups are limited per client address too (kawaraban.newsletter.sign-ups-per-client-per-hour):
-- the consent trail, which already records the client's address, answers "how many addresses
-- did this client ask for lately".
CREATE INDEX newsletter_consent_by_client ON newsletter_consent (client_address, at) WHERE client_address IS NOT NULL;
