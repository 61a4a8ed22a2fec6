import { describe, expect, it } from 'vitest';
import { Compensations, withCompensation } from '../src/kit/compensation.js';
import { stepKey } from '../src/kit/process.js';

describe('process kit: compensation stack', () => {
  it('undoes newest first, once each, telling every undo why', async () => {
    const undone: string[] = [];
    const saga = new Compensations<string>();
    await saga.step(
      'order',
      async () => 'o1',
      (id, why) => void undone.push(`order ${id} ${why}`),
    );
    saga.register('discount', (why) => void undone.push(`discount ${why}`));
    await saga.step(
      'payment-intent',
      async () => ({ id: 'pi_1' }),
      ({ id }, why) => void undone.push(`cancel ${id} ${why}`),
    );
    expect(saga.steps).toEqual(['order', 'discount', 'payment-intent']);
    await saga.compensate('expired');
    await saga.compensate('expired');
    expect(undone).toEqual(['cancel pi_1 expired', 'discount expired', 'order o1 expired']);
  });

  it('registers no undo for a step that failed', async () => {
    const saga = new Compensations();
    await expect(
      saga.step(
        'refused',
        async () => {
          throw new Error('no');
        },
        () => undefined,
      ),
    ).rejects.toThrow('no');
    expect(saga.steps).toEqual([]);
  });

  it('forgets the undos once committed', async () => {
    const undone: string[] = [];
    const saga = new Compensations();
    saga.register('hold', () => void undone.push('hold'));
    saga.commit();
    await saga.compensate();
    expect(undone).toEqual([]);
  });

  it('undoes a failed unit of work and rethrows; leaves a successful one alone', async () => {
    let inFlight = 0;
    const refund = (accept: boolean) =>
      withCompensation(async (saga) => {
        inFlight += 500;
        saga.register('in-flight', () => {
          inFlight -= 500;
        });
        if (!accept) throw new Error('refused');
        return 're_1';
      });
    await expect(refund(false)).rejects.toThrow('refused');
    expect(inFlight).toBe(0);
    await expect(refund(true)).resolves.toBe('re_1');
    expect(inFlight).toBe(500);
  });

  it('derives step idempotency keys from the workflow id and the step', () => {
    expect(stepKey('checkout:t:k', 'payment-intent')).toBe('checkout:t:k/payment-intent');
    expect(stepKey('checkout:t:k', 'audit', 3, 'order.paid')).toBe('checkout:t:k/audit/3/order.paid');
  });
});
