import { Order, OrderLine, Payment, type EntityManager } from '@fanfare/db';

/** An order as the api shows it, plus who bought it (for the ownership check, not shown). */
export interface OrderViewData {
  id: string;
  status: Order['status'];
  currency: string;
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  country: string;
  invoiceNumber: string | null;
  buyerEmail: string;
  buyerUserId: string | null;
  workflowId: string;
  createdAt: string;
  paidAt: string | null;
  lines: Array<{
    productId: string;
    quantity: number;
    unitAmount: number;
    discount: number;
    tax: number;
    total: number;
  }>;
  payment: { provider: 'stripe'; paymentIntentId: string; status: string } | null;
}

/** Reads one order of the tenant `em` is scoped to, or null. */
export async function loadOrderView(em: EntityManager, orderId: string): Promise<OrderViewData | null> {
  const order = await em.findOne(Order, { id: orderId });
  if (order === null) return null;
  const [lines, payment] = await Promise.all([
    em.find(OrderLine, { order: orderId }),
    em.findOne(Payment, { orderId }, { orderBy: { createdAt: 'desc' } }),
  ]);
  return {
    id: order.id,
    status: order.status,
    currency: order.currency,
    subtotal: order.subtotalMinor,
    discount: order.discountMinor,
    tax: order.taxMinor,
    total: order.totalMinor,
    country: order.country,
    invoiceNumber: order.invoiceNumber ?? null,
    buyerEmail: order.buyerEmail,
    buyerUserId: order.buyerUserId ?? null,
    workflowId: order.workflowId,
    createdAt: order.createdAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    lines: lines.map((line) => ({
      productId: line.productId,
      quantity: line.quantity,
      unitAmount: line.unitAmountMinor,
      discount: line.discountMinor,
      tax: line.taxMinor,
      total: line.totalMinor,
    })),
    payment:
      payment === null
        ? null
        : { provider: 'stripe', paymentIntentId: payment.providerPaymentId, status: payment.status },
  };
}
