-- The waitlist as a growth tool: double opt-in, referral codes and boosts, invitations; and outbox messages that are
-- rendered at delivery from a template and its data, with headers of their own (List-Unsubscribe).

-- Entries taken before double opt-in were never asked to confirm: they count as confirmed since they joined.
ALTER TABLE waitlist_entries
    ADD COLUMN status text NOT NULL DEFAULT 'confirmed',
    ADD COLUMN confirmed_at timestamptz,
    -- When the last "confirm your address" email was queued: a repeated sign-up resends it at most once an hour.
    ADD COLUMN confirmation_sent_at timestamptz,
    -- Given at confirmation; the share link carries it (?ref=).
    ADD COLUMN referral_code text,
    ADD COLUMN referred_by uuid,
    -- Decided once, when this entry is confirmed: whether it moves its referrer up (see ConfirmEntry).
    ADD COLUMN referral_counted boolean NOT NULL DEFAULT false,
    -- The sign-up's client address, for the referral rules (the same /24 as the referrer's sign-up).
    ADD COLUMN signup_ip inet,
    ADD COLUMN invited_at timestamptz;
ALTER TABLE waitlist_entries ALTER COLUMN status SET DEFAULT 'pending';

-- Short, unguessable, and readable aloud: 12 characters of Crockford's base32 (no i, l, o, u), 60 random bits from
-- gen_random_uuid() (the bytes that hold no version or variant bits).
CREATE FUNCTION waitlist_new_referral_code() RETURNS text
    LANGUAGE sql VOLATILE PARALLEL SAFE
    RETURN (SELECT string_agg(substr('0123456789abcdefghjkmnpqrstvwxyz', get_byte(random_bytes, i) % 32 + 1, 1), '' ORDER BY i)
            FROM (SELECT uuid_send(gen_random_uuid()) AS random_bytes) AS source,
                 unnest(ARRAY[0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 12, 13]) AS i);

UPDATE waitlist_entries SET confirmed_at = created_at, referral_code = waitlist_new_referral_code();
ALTER TABLE waitlist_entries ADD CONSTRAINT waitlist_entries_status_check CHECK (
    status = 'pending' AND confirmed_at IS NULL AND referral_code IS NULL
    OR status = 'confirmed' AND confirmed_at IS NOT NULL AND referral_code IS NOT NULL);

CREATE UNIQUE INDEX waitlist_entries_referral_code_key ON waitlist_entries (referral_code) WHERE referral_code IS NOT NULL;
-- Counting a referrer's referrals, and forgetting the referrer who leaves.
CREATE INDEX waitlist_entries_referred_by_idx ON waitlist_entries (referred_by) WHERE referred_by IS NOT NULL;

-- The entries a person referred stay when that person leaves, pointing at no one. A trigger rather than a foreign key
-- (ON DELETE SET NULL): the key would lock the referrer's row at every sign-up through its share link, so that the
-- sign-ups of a popular link would queue on one row. Sign-ups name their referrer in the statement that finds it.
CREATE FUNCTION waitlist_forget_referrers() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE waitlist_entries SET referred_by = NULL WHERE referred_by IN (SELECT id FROM gone);
    RETURN NULL;
END $$;
CREATE TRIGGER waitlist_entries_forget_referrers AFTER DELETE ON waitlist_entries
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION waitlist_forget_referrers();

-- A message is either rendered (html_body, text_body) or a template and its data, rendered by the delivery; once it
-- is sent or dead its bodies and data are dropped, since they carry live links.
ALTER TABLE email_outbox
    ADD COLUMN template text,
    ADD COLUMN data jsonb,
    ADD COLUMN headers jsonb,
    ALTER COLUMN html_body SET DEFAULT '',
    ALTER COLUMN text_body SET DEFAULT '',
    ADD CONSTRAINT email_outbox_data_has_template CHECK (data IS NULL OR template IS NOT NULL);

-- The referral rules (see ConfirmEntry). The mailbox an address delivers to, for spotting self-referrals:
-- sub-addresses (ana+2@example.com) reach ana@example.com, and Gmail ignores dots (a.na@gmail.com).
CREATE FUNCTION waitlist_mailbox(address text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN CASE
        WHEN split_part(normalized_email(address), '@', 2) IN ('gmail.com', 'googlemail.com')
            THEN replace(regexp_replace(split_part(normalized_email(address), '@', 1), '\+.*$', ''), '.', '') || '@gmail.com'
        ELSE regexp_replace(split_part(normalized_email(address), '@', 1), '\+.*$', '') || '@' || split_part(normalized_email(address), '@', 2)
    END;

-- Whether two sign-ups came from one network: the same /24 for IPv4, the same /48 (a site) for IPv6.
CREATE FUNCTION waitlist_same_network(a inet, b inet) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN family(a) = family(b) AND set_masklen(a, CASE family(a) WHEN 4 THEN 24 ELSE 48 END) >>= b;
