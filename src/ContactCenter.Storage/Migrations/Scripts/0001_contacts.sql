-- Contact directory. The card is one jsonb document, versioned for compare-and-swap writes; the keys the directory
-- searches by are computed in .NET (so both directories agree whatever the server's locale) and stored beside it.
--
-- Lookups by phone and e-mail use index tables rather than a GIN index on the document: a number or address is an
-- exact-match key that many contacts may share, e-mail needs a lower-cased key the document does not hold, and a
-- (key, contact_id) primary key is a plain btree probe returning every match. The rows are rewritten in the same
-- transaction as the document, so they never disagree with it. "C" collation makes ordering and LIKE 'prefix%'
-- byte-wise (code-point order, as the in-memory directory sorts) and lets the btree serve prefix searches.
CREATE TABLE contacts (
    id          text COLLATE "C" PRIMARY KEY,
    version     bigint           NOT NULL CHECK (version > 0),
    name_key    text COLLATE "C" NOT NULL,
    document    jsonb            NOT NULL,
    created_at  timestamptz      NOT NULL,
    updated_at  timestamptz      NOT NULL
);

CREATE INDEX contacts_name_key ON contacts (name_key, id);

CREATE TABLE contact_phones (
    number      text COLLATE "C" NOT NULL,
    contact_id  text COLLATE "C" NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (number, contact_id)
);

CREATE INDEX contact_phones_contact ON contact_phones (contact_id);

CREATE TABLE contact_emails (
    email_key   text COLLATE "C" NOT NULL,
    contact_id  text COLLATE "C" NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (email_key, contact_id)
);

CREATE INDEX contact_emails_contact ON contact_emails (contact_id);
