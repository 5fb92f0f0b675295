-- Messaging: one conversation per pair of people, its messages, each person's read marker, blocks, and the ledger of
-- daily digests. A deleted account leaves the other person their conversation: its messages stay, with no sender.

-- Taken by a conversation when it starts and again at each message: the order of the lists (newest first) and their
-- keyset cursor, with no ties.
CREATE SEQUENCE conversation_activity;

CREATE TABLE conversations (
    id         uuid PRIMARY KEY,
    -- The pair, lower id first: one conversation per pair, decided by the unique constraint even for two simultaneous
    -- starts. A participant whose account is deleted becomes NULL, so the pair no longer blocks a new conversation.
    user_low   text REFERENCES users (id) ON DELETE SET NULL,
    user_high  text REFERENCES users (id) ON DELETE SET NULL,
    activity   bigint NOT NULL DEFAULT nextval('conversation_activity') UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- When the last message arrived (created_at until the first one).
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (user_low < user_high),
    UNIQUE (user_low, user_high)
);
CREATE INDEX conversations_user_high_idx ON conversations (user_high);

-- Who is in a conversation, and how far each has read. The row goes with its person's account.
CREATE TABLE conversation_members (
    conversation_id      uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    user_id              text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The last message this person has read (0: none); what the others sent after it is unread.
    last_read_message_id bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX conversation_members_user_id_idx ON conversation_members (user_id);

-- Ids grow in commit order within a conversation (a new message locks its conversation's row first), so "everything
-- after my last id" misses nothing that was committed.
CREATE TABLE messages (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    sender_id       text REFERENCES users (id) ON DELETE SET NULL,
    body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    -- Chosen by the sender's client so that a retried post creates no second message.
    client_id       text CHECK (length(client_id) BETWEEN 1 AND 100),
    created_at      timestamptz NOT NULL DEFAULT now(),
    edited_at       timestamptz
);
CREATE INDEX messages_conversation_id_idx ON messages (conversation_id, id);
CREATE INDEX messages_sender_id_idx ON messages (sender_id);
CREATE UNIQUE INDEX messages_client_id_key ON messages (conversation_id, sender_id, client_id) WHERE client_id IS NOT NULL;

-- Who refuses messages from whom.
CREATE TABLE message_blocks (
    blocker_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    blocked_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (blocker_id, blocked_id),
    CHECK (blocker_id <> blocked_id)
);
CREATE INDEX message_blocks_blocked_id_idx ON message_blocks (blocked_id);

-- messages.daily-digest's ledger: one row per person and day (in Reports:TimeZone) a digest was queued, claimed in
-- the transaction that queues it, so a second run that day sends nothing. last_message_id is the newest message it
-- told of: the next digest tells only of newer ones.
CREATE TABLE message_digests (
    day             date NOT NULL,
    user_id         text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    messages        integer NOT NULL,
    last_message_id bigint NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (day, user_id)
);
CREATE INDEX message_digests_user_id_idx ON message_digests (user_id, last_message_id);
