/**
 * A remark a quote or invoice carries for the buyer (a legal mention such as the reverse-charge
 * sentence) or for operators (why no tax was charged). `code` is stable and doubles as the
 * storefront's copy key; `message` is the English text that documents print.
 */
export interface Note {
  /** Stable identifier, e.g. `reverse_charge`. */
  readonly code: string;
  /** English text. */
  readonly message: string;
}
