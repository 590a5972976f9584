-- Change notifications: every committed write tells the API processes which tables it changed,
-- so their in-process caches (dashboard figures, signed-in sessions) drop what it may affect.
-- One NOTIFY per table per transaction (PostgreSQL folds identical notifications of a
-- transaction), delivered at commit, never for a rolled-back write.
CREATE FUNCTION dangbo_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dangbo_change', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

-- Every table of the schema, but the migration history and the audit log (written with every
-- change, read by no cache). A table added later needs the same trigger: a schema test fails
-- until it has it.
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables
           WHERE schemaname = current_schema()
             AND tablename NOT IN ('_prisma_migrations', 'audit_log', 'session')
  LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION dangbo_notify_change()',
      t.tablename || '_notify_change', t.tablename);
  END LOOP;
END
$$;

-- Sessions: a sign-out (or an account's sessions ended) matters; the touch that extends a
-- session in use (an UPDATE every few minutes per user) does not.
CREATE TRIGGER session_notify_change AFTER DELETE OR TRUNCATE ON session
  FOR EACH STATEMENT EXECUTE FUNCTION dangbo_notify_change();
