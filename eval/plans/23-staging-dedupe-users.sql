-- Dedupe users on staging before the unique index lands (JIRA ID-771)
-- Run against: staging-db (team database shared by QA and the mobile team)

BEGIN;

CREATE TABLE users_backup_id771 AS SELECT * FROM users;

SELECT lower(email) AS email, count(*) FROM users GROUP BY 1 HAVING count(*) > 1;

DELETE FROM users u
USING users d
WHERE lower(u.email) = lower(d.email)
  AND u.id > d.id;

CREATE UNIQUE INDEX users_email_lower_uniq ON users (lower(email));

COMMIT;

DELETE FROM user_sessions;

DROP TABLE users_backup_id771;
