-- Up Migration

-- The business's identity in one place (issue 18): the name on the landing page, the documents, the
-- e-mails and the installed app, with the legal details printed on receipts and statements. One row,
-- edited as a whole with its version. The company name, NIF and address settings move here.
CREATE TABLE business_identity (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  name varchar(120) NOT NULL,
  legal_name varchar(200) NOT NULL DEFAULT '',
  address varchar(500) NOT NULL DEFAULT '',
  nif varchar(9) NOT NULL DEFAULT '',
  phone varchar(32) NOT NULL DEFAULT '',
  email varchar(254) NOT NULL DEFAULT '',
  -- The logo file under DATA_DIR (re-encoded PNG), named by the server; null: the built-in mark.
  logo_file varchar(100),
  version integer NOT NULL DEFAULT 1,
  updated_by bigint REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO business_identity (id, name, legal_name, address, nif)
SELECT 1,
       coalesce(left((SELECT value #>> '{}' FROM settings WHERE key = 'companyName'), 120), 'Lavandaria'),
       coalesce(left((SELECT value #>> '{}' FROM settings WHERE key = 'companyName'), 200), ''),
       coalesce(left((SELECT value #>> '{}' FROM settings WHERE key = 'companyAddress'), 500), ''),
       coalesce(left((SELECT value #>> '{}' FROM settings WHERE key = 'companyNif'), 9), '');

DELETE FROM settings WHERE key IN ('companyName', 'companyNif', 'companyAddress');

-- Down Migration
INSERT INTO settings (key, value, version, updated_at)
SELECT k, to_jsonb(v), 1, now()
FROM business_identity, LATERAL (VALUES ('companyName', legal_name), ('companyNif', nif), ('companyAddress', address)) AS x (k, v)
WHERE v <> ''
ON CONFLICT (key) DO NOTHING;
DROP TABLE business_identity;
