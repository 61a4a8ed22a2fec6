import { defineEntity, p } from '@mikro-orm/core';
import { TenantRepository } from '../repositories/tenant.repository.js';
import { createdAt, currencyCode, instant, uuidPrimaryKey } from './columns.js';

/** Storefront colours and logo, as the site build reads them. */
export interface TenantTheme {
  primaryColor: string;
  accentColor: string;
  logoAssetId?: string;
}

/** Whether a tenant's storefront and API are open. */
export type TenantStatus = 'active' | 'suspended';

const TenantSchema = defineEntity({
  name: 'Tenant',
  tableName: 'tenants',
  repository: () => TenantRepository,
  properties: {
    id: uuidPrimaryKey(),
    handle: p.string().length(40).unique(),
    name: p.string(),
    status: p.enum(['active', 'suspended'] as const).default('active'),
    defaultCurrency: currencyCode(),
    defaultLocale: p.string().length(16),
    /** Locales the storefront is built in besides its default (BCP-47 tags); null: every supported one. */
    locales: p.array<string>().nullable(),
    /** Platform fee in basis points of each sale, before processor fees. */
    platformFeeBps: p.integer().default(1000),
    theme: p.json<TenantTheme>(),
    createdAt: createdAt(),
    updatedAt: instant()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

/** A storefront on the platform: platform-level, so not itself behind the tenant filter. */
export class Tenant extends TenantSchema.class {}
TenantSchema.setClass(Tenant);

/** Metadata of `Tenant`. */
export { TenantSchema };
