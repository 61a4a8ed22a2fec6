import type { Wording } from './en-US.js';

/** French wording of every letter. */
export const frFR: Wording = {
  common: {
    footer:
      'Ceci est un courrier de service concernant votre compte ou un achat ; il vous est envoyé que vous receviez ou non nos actualités.',
    signature: 'Fanfare',
  },
  'sign-in-code': {
    subject: 'Votre code de connexion : {{code}}',
    heading: 'Votre code de connexion',
    intro: 'Saisissez ce code pour vous connecter. Il ne sert qu’une fois et expire dans {{expiresInMinutes}} minutes.',
    ignore:
      'Si vous n’avez pas demandé à vous connecter, ignorez ce courrier : personne ne peut se connecter sans le code.',
  },
  receipt: {
    subject: 'Votre reçu de {{storeName}} ({{invoiceNumber}})',
    heading: 'Merci pour votre achat',
    intro: 'Voici votre reçu pour la facture {{invoiceNumber}}. La facture est jointe au format PDF.',
    total: 'Total',
    library: 'Ouvrir votre bibliothèque',
    libraryNote: 'Vos achats vous attendent dans votre bibliothèque sur {{storeName}}.',
  },
  'guest-downloads': {
    subject: 'Vos téléchargements de {{storeName}}',
    heading: 'Vos téléchargements sont prêts',
    intro: 'Vous avez commandé en tant qu’invité : voici vos liens de téléchargement.',
    download: 'Télécharger',
    expires: 'Le lien fonctionne jusqu’au {{date expiresAt}}.',
    claim: 'Connectez-vous sur {{storeName}} avec cette adresse e-mail pour tout retrouver dans une bibliothèque.',
    library: 'Aller à la bibliothèque',
  },
  refund: {
    subject: 'Remboursement de la facture {{invoiceNumber}} de {{storeName}}',
    heading: 'Votre remboursement',
    intro:
      'Nous avons remboursé {{money amount}} pour la facture {{invoiceNumber}}. L’avoir {{creditNoteNumber}} est joint.',
    timing: 'Selon votre banque, l’argent peut mettre 5 à 10 jours à apparaître.',
  },
  'entitlement-revoked': {
    subject: 'Votre accès à {{productTitle}} a pris fin',
    heading: 'Votre accès a pris fin',
    intro: 'Vous ne pouvez plus télécharger ni écouter {{productTitle}} de {{storeName}}.',
    'reason.refund': 'L’achat a en effet été remboursé.',
    'reason.chargeback': 'Le paiement a en effet été contesté auprès de votre banque.',
    'reason.takedown': 'L’article a en effet été retiré à la suite d’une notification légale.',
    'reason.other': 'Si vous pensez qu’il s’agit d’une erreur, répondez à ce courrier.',
  },
};
