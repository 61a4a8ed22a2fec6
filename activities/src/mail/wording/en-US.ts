/**
 * American English wording of every letter, the reference the other locales translate. Values
 * are Handlebars templates over the letter's facts (`{{code}}`, `{{money total}}`, `{{date
 * expiresAt}}`); the layout lives in `../templates/`.
 */
export const enUS = {
  common: {
    footer:
      'This is a service letter about your account or a purchase; it is sent whether or not you receive news from us.',
    signature: 'Fanfare',
  },
  'sign-in-code': {
    subject: 'Your sign-in code: {{code}}',
    heading: 'Your sign-in code',
    intro: 'Enter this code to sign in. It works once and expires in {{expiresInMinutes}} minutes.',
    ignore: 'If you did not try to sign in, ignore this letter: no one can sign in without the code.',
  },
  receipt: {
    subject: 'Your receipt from {{storeName}} ({{invoiceNumber}})',
    heading: 'Thank you for your purchase',
    intro: 'Here is your receipt for invoice {{invoiceNumber}}. The invoice is attached as a PDF.',
    total: 'Total',
    library: 'Open your library',
    libraryNote: 'What you bought is waiting in your library at {{storeName}}.',
  },
  'guest-downloads': {
    subject: 'Your downloads from {{storeName}}',
    heading: 'Your downloads are ready',
    intro: 'You checked out as a guest, so here are your download links.',
    download: 'Download',
    expires: 'The link works until {{date expiresAt}}.',
    claim: 'Sign in at {{storeName}} with this email address to keep everything in a library.',
    library: 'Go to the library',
  },
  refund: {
    subject: 'Refund for invoice {{invoiceNumber}} from {{storeName}}',
    heading: 'Your refund',
    intro: 'We refunded {{money amount}} for invoice {{invoiceNumber}}. Credit note {{creditNoteNumber}} is attached.',
    timing: 'Depending on your bank, the money may take 5 to 10 days to show up.',
  },
  'entitlement-revoked': {
    subject: 'Your access to {{productTitle}} has ended',
    heading: 'Your access has ended',
    intro: 'You can no longer download or stream {{productTitle}} from {{storeName}}.',
    'reason.refund': 'This is because the purchase was refunded.',
    'reason.chargeback': 'This is because the payment was disputed with your bank.',
    'reason.takedown': 'This is because the item was withdrawn after a legal notice.',
    'reason.other': 'If you think this is a mistake, reply to this letter.',
  },
} as const;

/** The shape every locale's wording has: the same sections and keys as American English. */
export type Wording = { [S in keyof typeof enUS]: { [K in keyof (typeof enUS)[S]]: string } };
