import { describe, expect, it } from 'vitest';
import {
  canMoveOrder,
  isFinalOrderStatus,
  isOrderStatus,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  type OrderStatus,
} from '@fanfare/domain';

describe('order lifecycle', () => {
  // Every move the checkout workflow makes (workflows/src/checkout*.ts), named by where it happens.
  it.each<[OrderStatus, OrderStatus, string]>([
    ['pending', 'awaiting_payment', 'PaymentIntent created'],
    ['pending', 'failed', 'discount or capacity used up while reserving'],
    ['awaiting_payment', 'paid', 'payment succeeded'],
    ['awaiting_payment', 'expired', 'payment window ended'],
    ['awaiting_payment', 'failed', 'too many failed attempts'],
    ['paid', 'partially_refunded', 'partial refund'],
    ['paid', 'refunded', 'full refund'],
    ['paid', 'disputed', 'dispute opened'],
    ['partially_refunded', 'partially_refunded', 'another partial refund'],
    ['partially_refunded', 'refunded', 'rest refunded'],
    ['partially_refunded', 'disputed', 'dispute opened after a partial refund'],
    ['disputed', 'disputed', 'refund while the dispute is open'],
    ['disputed', 'paid', 'dispute won, nothing refunded'],
    ['disputed', 'partially_refunded', 'dispute won after a partial refund'],
    ['disputed', 'refunded', 'dispute lost'],
    ['refunded', 'disputed', 'a refunded charge disputed anyway'],
  ])('%s → %s is allowed (%s)', (from, to) => {
    expect(canMoveOrder(from, to)).toBe(true);
  });

  it.each<[OrderStatus, OrderStatus]>([
    ['pending', 'paid'],
    ['pending', 'expired'],
    ['awaiting_payment', 'refunded'],
    ['awaiting_payment', 'pending'],
    ['paid', 'awaiting_payment'],
    ['paid', 'expired'],
    ['expired', 'paid'],
    ['failed', 'awaiting_payment'],
    ['refunded', 'paid'],
  ])('%s → %s is refused', (from, to) => {
    expect(canMoveOrder(from, to)).toBe(false);
  });

  it.each<[OrderStatus, boolean]>([
    ['pending', false],
    ['awaiting_payment', false],
    ['paid', false],
    ['partially_refunded', false],
    ['disputed', false],
    ['refunded', false],
    ['expired', true],
    ['failed', true],
  ])('%s is final: %s', (status, final) => {
    expect(isFinalOrderStatus(status)).toBe(final);
  });

  it('names only known statuses in the table, and each status once', () => {
    expect(new Set(ORDER_STATUSES).size).toBe(ORDER_STATUSES.length);
    expect(Object.keys(ORDER_TRANSITIONS).sort()).toEqual([...ORDER_STATUSES].sort());
    for (const targets of Object.values(ORDER_TRANSITIONS))
      for (const to of targets) expect(isOrderStatus(to)).toBe(true);
  });

  it.each([
    ['paid', true],
    ['canceled', false],
    ['', false],
    [undefined, false],
    [3, false],
  ])('isOrderStatus(%j) → %s', (value, known) => {
    expect(isOrderStatus(value)).toBe(known);
  });
});
