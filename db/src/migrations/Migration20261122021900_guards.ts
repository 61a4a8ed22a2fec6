import { Migration } from '@mikro-orm/migrations';

/**
 * Rules the database keeps even when application code is wrong: the audit trail is
 * append-only, and every ledger transaction balances to zero per currency when its
 * database transaction commits (a deferred constraint trigger, so the legs may be inserted
 * one by one).
 */
export class Migration20261122021900_guards extends Migration {
  override name = 'Migration20261122021900_guards';

  override up(): void {
    this.addSql(`
create function fanfare_reject_audit_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'restrict_violation';
end;
$$;`);
    this.addSql(`
create trigger audit_events_append_only
  before update or delete on "audit_events"
  for each row execute function fanfare_reject_audit_change();`);
    this.addSql(`
create trigger audit_events_no_truncate
  before truncate on "audit_events"
  for each statement execute function fanfare_reject_audit_change();`);

    this.addSql(`
create function fanfare_check_ledger_balanced() returns trigger language plpgsql as $$
declare
  txn uuid;
  unbalanced record;
begin
  txn := case when tg_op = 'DELETE' then old.transaction_id else new.transaction_id end;
  select currency, sum(amount_minor) as total into unbalanced
    from "ledger_entries" where transaction_id = txn
    group by currency having sum(amount_minor) <> 0 limit 1;
  if found then
    raise exception 'ledger transaction % does not balance: % % left over', txn, unbalanced.total, unbalanced.currency
      using errcode = 'check_violation';
  end if;
  if tg_op = 'UPDATE' and old.transaction_id <> new.transaction_id then
    select currency, sum(amount_minor) as total into unbalanced
      from "ledger_entries" where transaction_id = old.transaction_id
      group by currency having sum(amount_minor) <> 0 limit 1;
    if found then
      raise exception 'ledger transaction % does not balance: % % left over', old.transaction_id, unbalanced.total, unbalanced.currency
        using errcode = 'check_violation';
    end if;
  end if;
  return null;
end;
$$;`);
    this.addSql(`
create constraint trigger ledger_entries_balanced
  after insert or update or delete on "ledger_entries"
  deferrable initially deferred
  for each row execute function fanfare_check_ledger_balanced();`);
  }

  override down(): void {
    this.addSql('drop trigger if exists ledger_entries_balanced on "ledger_entries";');
    this.addSql('drop function if exists fanfare_check_ledger_balanced();');
    this.addSql('drop trigger if exists audit_events_no_truncate on "audit_events";');
    this.addSql('drop trigger if exists audit_events_append_only on "audit_events";');
    this.addSql('drop function if exists fanfare_reject_audit_change();');
  }
}
