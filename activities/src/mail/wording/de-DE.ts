import type { Wording } from './en-US.js';

/** German wording of every letter. */
export const deDE: Wording = {
  common: {
    footer:
      'Dies ist eine Servicenachricht zu Ihrem Konto oder einem Kauf; Sie erhalten sie unabhängig davon, ob Sie Neuigkeiten von uns bekommen.',
    signature: 'Fanfare',
  },
  'sign-in-code': {
    subject: 'Ihr Anmeldecode: {{code}}',
    heading: 'Ihr Anmeldecode',
    intro:
      'Geben Sie diesen Code ein, um sich anzumelden. Er gilt einmal und läuft in {{expiresInMinutes}} Minuten ab.',
    ignore:
      'Wenn Sie sich nicht anmelden wollten, ignorieren Sie diese Nachricht: Ohne den Code kann sich niemand anmelden.',
  },
  receipt: {
    subject: 'Ihre Quittung von {{storeName}} ({{invoiceNumber}})',
    heading: 'Vielen Dank für Ihren Kauf',
    intro: 'Hier ist Ihre Quittung zur Rechnung {{invoiceNumber}}. Die Rechnung liegt als PDF bei.',
    total: 'Gesamt',
    library: 'Bibliothek öffnen',
    libraryNote: 'Ihre Käufe warten in Ihrer Bibliothek bei {{storeName}}.',
  },
  'guest-downloads': {
    subject: 'Ihre Downloads von {{storeName}}',
    heading: 'Ihre Downloads sind bereit',
    intro: 'Sie haben als Gast bestellt, hier sind Ihre Download-Links.',
    download: 'Herunterladen',
    expires: 'Der Link gilt bis {{date expiresAt}}.',
    claim: 'Melden Sie sich bei {{storeName}} mit dieser E-Mail-Adresse an, um alles in einer Bibliothek zu behalten.',
    library: 'Zur Bibliothek',
  },
  refund: {
    subject: 'Erstattung zur Rechnung {{invoiceNumber}} von {{storeName}}',
    heading: 'Ihre Erstattung',
    intro:
      'Wir haben {{money amount}} zur Rechnung {{invoiceNumber}} erstattet. Die Gutschrift {{creditNoteNumber}} liegt bei.',
    timing: 'Je nach Bank kann es 5 bis 10 Tage dauern, bis das Geld sichtbar ist.',
  },
  'entitlement-revoked': {
    subject: 'Ihr Zugang zu {{productTitle}} ist beendet',
    heading: 'Ihr Zugang ist beendet',
    intro: 'Sie können {{productTitle}} von {{storeName}} nicht mehr herunterladen oder abspielen.',
    'reason.refund': 'Der Grund: Der Kauf wurde erstattet.',
    'reason.chargeback': 'Der Grund: Die Zahlung wurde bei Ihrer Bank angefochten.',
    'reason.takedown': 'Der Grund: Der Artikel wurde nach einer rechtlichen Meldung entfernt.',
    'reason.other': 'Wenn Sie das für einen Irrtum halten, antworten Sie auf diese Nachricht.',
  },
};
