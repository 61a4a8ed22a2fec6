/**
 * Where the seller of record is established: reverse charge for business buyers is judged
 * against it. `SELLER_COUNTRY`, by default IE, the same default the worker's checkout pricing
 * and invoices use.
 */
export function sellerCountry(env: NodeJS.ProcessEnv = process.env): string {
  return env.SELLER_COUNTRY?.trim().toUpperCase() || 'IE';
}
