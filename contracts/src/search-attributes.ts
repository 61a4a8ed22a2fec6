import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * The custom search attributes every Fanfare workflow may set, so operators can find a
 * process in Temporal UI by the business key they were given (`TenantId="…"`).
 */
export const TenantIdAttribute = defineSearchAttributeKey('TenantId', SearchAttributeType.KEYWORD);
/** The order a checkout, entitlement or refund belongs to. */
export const OrderIdAttribute = defineSearchAttributeKey('OrderId', SearchAttributeType.KEYWORD);
/** The creator a payout, transcode or takedown concerns. */
export const CreatorIdAttribute = defineSearchAttributeKey('CreatorId', SearchAttributeType.KEYWORD);
/** The custom domain being provisioned. */
export const DomainAttribute = defineSearchAttributeKey('Domain', SearchAttributeType.KEYWORD);
/** A business word for where the process stands (`awaiting_payment`, `paid`, …). */
export const ProcessStatusAttribute = defineSearchAttributeKey('ProcessStatus', SearchAttributeType.KEYWORD);

/** All of them, for registration with a namespace. */
export const FANFARE_SEARCH_ATTRIBUTES = [
  TenantIdAttribute,
  OrderIdAttribute,
  CreatorIdAttribute,
  DomainAttribute,
  ProcessStatusAttribute,
] as const;
