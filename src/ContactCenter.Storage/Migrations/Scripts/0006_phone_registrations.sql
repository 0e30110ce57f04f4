-- Agents' phone registrations (HA-2): one row per address-of-record, shared by every SIP front end of the site, so a
-- phone that REGISTERed at one front end can be rung from another. The bindings (contact, Call-ID, CSeq, expiry, the
-- flow the REGISTER came on) are a jsonb array written whole: the registrar applies a REGISTER as read, compute,
-- compare-and-swap on version (RFC 3261 §10.3). Versions come from a sequence, so a record deleted and written again
-- never reuses one and a stale writer cannot match by coincidence. "C" collation: keys compare byte-wise, as the
-- in-memory store does.
--
-- Query shapes: by address-of-record (the primary key), the latest binding of a SIP user (phone_registrations_user),
-- and the expiry purge, which reads only rows whose first binding has lapsed (phone_registrations_next_expiry).
CREATE SEQUENCE phone_registration_versions;

CREATE TABLE phone_registrations (
    address_of_record  text COLLATE "C" PRIMARY KEY,
    sip_user           text COLLATE "C" NOT NULL,
    version            bigint           NOT NULL,
    next_expiry        timestamptz      NOT NULL,
    bindings           jsonb            NOT NULL
);

CREATE INDEX phone_registrations_user ON phone_registrations (sip_user);
CREATE INDEX phone_registrations_next_expiry ON phone_registrations (next_expiry);
