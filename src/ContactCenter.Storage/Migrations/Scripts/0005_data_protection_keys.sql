-- The web role's data-protection key ring (ASP.NET Core's XML key elements), shared by every web node of the site so
-- that a cookie or bearer token issued by one node is accepted by the others. Keys are only ever added; the key
-- manager decides which are current and revoked by the XML itself.
CREATE TABLE data_protection_keys (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text NOT NULL,
    xml           text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
