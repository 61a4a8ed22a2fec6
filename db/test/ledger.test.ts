import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  creatorBalances,
  forTenant,
  LedgerEntry,
  ledgerImbalance,
  recordLedgerTransaction,
  UnbalancedLedgerTransactionError,
  type LedgerLeg,
  type MikroORM,
} from '../src/index.js';
import { createSampleTenant, openOrm, type SampleTenant } from './fixtures.js';

let orm: MikroORM;
let sample: SampleTenant;

beforeAll(async () => {
  orm = await openOrm();
  sample = await createSampleTenant(orm.em, 'ledger');
});
afterAll(() => orm.close(true));

/** A 9.99 USD sale: 10% platform fee, 0.59 processor fee, the rest pending for the creator. */
function saleLegs(creatorId: string): LedgerLeg[] {
  return [
    { account: 'clearing', kind: 'sale', amountMinor: -999, currency: 'USD' },
    { account: 'platform_revenue', kind: 'platform_fee', amountMinor: 100, currency: 'USD' },
    { account: 'processor_fees', kind: 'processor_fee', amountMinor: 59, currency: 'USD' },
    { account: 'creator_pending', kind: 'sale', amountMinor: 840, currency: 'USD', creatorId },
  ];
}

describe('ledger', () => {
  it('says why a set of legs does not balance', () => {
    expect(ledgerImbalance(saleLegs('c'))).toBeUndefined();
    expect(ledgerImbalance([])).toMatch(/two legs/);
    expect(ledgerImbalance(saleLegs('c').slice(1))).toMatch(/sum to 999/);
    expect(
      ledgerImbalance([
        { account: 'clearing', kind: 'sale', amountMinor: -1.5, currency: 'USD' },
        { account: 'platform_revenue', kind: 'sale', amountMinor: 1.5, currency: 'USD' },
      ]),
    ).toMatch(/integer/);
    expect(
      ledgerImbalance([
        { account: 'clearing', kind: 'sale', amountMinor: -100, currency: 'USD' },
        { account: 'platform_revenue', kind: 'sale', amountMinor: 100, currency: 'EUR' },
      ]),
    ).toMatch(/USD sum to -100/);
  });

  it('stores a balanced transaction and reports the creator balance', async () => {
    const em = forTenant(orm.em, sample.tenant.id);
    const entries = recordLedgerTransaction(em, saleLegs(sample.creatorId));
    await em.flush();
    expect(new Set(entries.map((e) => e.transactionId)).size).toBe(1);
    const balances = await creatorBalances(forTenant(orm.em, sample.tenant.id), sample.creatorId, 'creator_pending');
    expect(balances.get('USD')).toBe(840);
  });

  it('refuses an unbalanced set before writing anything', () => {
    const em = forTenant(orm.em, sample.tenant.id);
    expect(() => recordLedgerTransaction(em, saleLegs(sample.creatorId).slice(0, 3))).toThrow(
      UnbalancedLedgerTransactionError,
    );
    expect(em.getUnitOfWork().getPersistStack().size).toBe(0);
  });

  it('has the database refuse an unbalanced transaction at commit, whatever the code did', async () => {
    const em = forTenant(orm.em, sample.tenant.id);
    const transactionId = randomUUID();
    em.create(LedgerEntry, { transactionId, account: 'clearing', kind: 'sale', amountMinor: -500, currency: 'USD' });
    em.create(LedgerEntry, {
      transactionId,
      account: 'platform_revenue',
      kind: 'platform_fee',
      amountMinor: 499,
      currency: 'USD',
    });
    await expect(em.flush()).rejects.toThrow(/does not balance/);
    const stored = await forTenant(orm.em, sample.tenant.id).count(LedgerEntry, { transactionId });
    expect(stored).toBe(0);
  });

  it('lets the legs of one transaction arrive in separate statements within a database transaction', async () => {
    const transactionId = randomUUID();
    await forTenant(orm.em, sample.tenant.id).transactional(async (em) => {
      em.create(LedgerEntry, { transactionId, account: 'clearing', kind: 'sale', amountMinor: -300, currency: 'EUR' });
      await em.flush();
      em.create(LedgerEntry, {
        transactionId,
        account: 'platform_revenue',
        kind: 'sale',
        amountMinor: 300,
        currency: 'EUR',
      });
    });
    expect(await forTenant(orm.em, sample.tenant.id).count(LedgerEntry, { transactionId })).toBe(2);
  });
});
