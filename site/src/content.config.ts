import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { creatorSchema, productSchema, tenantSchema, workSchema } from './export/catalog-schema';
import { loadCatalogExport } from './export/load-catalog';

// Every collection reads the one export file of the storefront being built; the schema check
// in `loadCatalogExport` refuses a file that does not match what the export promised.
const fromExport = <T extends { id: string }>(pick: (c: Awaited<ReturnType<typeof loadCatalogExport>>) => T[]) => ({
  name: 'fanfare-catalog-export',
  load: async ({
    store,
    parseData,
  }: {
    store: { clear(): void; set(entry: { id: string; data: Record<string, unknown> }): boolean };
    parseData: (p: { id: string; data: Record<string, unknown> }) => Promise<Record<string, unknown>>;
  }) => {
    store.clear();
    for (const item of pick(await loadCatalogExport())) {
      const data = await parseData({ id: item.id, data: item as unknown as Record<string, unknown> });
      store.set({ id: item.id, data });
    }
  },
});

export const collections = {
  tenant: defineCollection({
    loader: fromExport((c) => [{ ...c.tenant, exportedAt: c.exportedAt }]),
    schema: tenantSchema.extend({ exportedAt: z.string() }),
  }),
  creators: defineCollection({ loader: fromExport((c) => c.creators), schema: creatorSchema }),
  works: defineCollection({ loader: fromExport((c) => c.works), schema: workSchema }),
  products: defineCollection({ loader: fromExport((c) => c.products), schema: productSchema }),
};
