import { ECB_REFERENCE_SNAPSHOT, displayPrice, formatMoney, type PriceListEntry } from '@fanfare/domain';
import type { Locale } from './locales';

export { LOCALES, type Locale } from './locales';

/** Where a locale's buyers are, for region prices and tax display. */
export const REGION_OF: Record<Locale, { country: string; currency: string }> = {
  'en-US': { country: 'US', currency: 'USD' },
  'en-GB': { country: 'GB', currency: 'GBP' },
  'fr-FR': { country: 'FR', currency: 'EUR' },
  'de-DE': { country: 'DE', currency: 'EUR' },
};

// Buying: sign-in, checkout, its result page and the library (the islands get these as props).
const enBuying = {
  signIn: 'Sign in',
  signOut: 'Sign out',
  signingIn: 'Signing in…',
  signedInAs: 'Signed in as {email}',
  signInIntro: 'Sign in with your email address to see what you own and download it.',
  signInDevNote: 'Development store: signing in asks for no password.',
  signInFailed: 'Sign-in failed ({code}). Check the address and try again.',
  needsConnection: 'You are offline. This needs a connection.',
  checkoutTitle: 'Checkout',
  emailLabel: 'Email address',
  emailSignedIn: 'Your receipt goes to your account’s address.',
  countryLabel: 'Billing country',
  regionLabel: 'State or province',
  choose: 'Choose…',
  acceptEula: 'I accept the {link}, version {version}.',
  eulaLink: 'licence terms',
  pay: 'Pay',
  starting: 'Preparing your order…',
  orderSummary: 'Your order',
  subtotal: 'Subtotal',
  discount: 'Discount',
  tax: 'Tax',
  cardLoading: 'Loading card payment…',
  cardUnreachable:
    'Card payment needs a connection to Stripe, which this device cannot reach right now. Reload the page to try again.',
  cardNotConfigured: 'Card payment is not set up for this store yet.',
  payAmount: 'Pay {amount}',
  devPay: 'Complete test payment (development)',
  completing: 'Completing the payment…',
  devPayNote:
    'Development build: this marks the order paid with a Stripe test event the store signs and checks itself; no card is charged.',
  errOffline: 'You are offline. Checking out needs a connection.',
  errUnavailable: 'The store cannot take orders right now. Please try again in a moment.',
  errEmailRequired: 'Enter a valid email address, or sign in.',
  errCountry: 'Choose your billing country.',
  errRegion: 'Choose your state or province: the tax depends on it.',
  errNotForSale: 'Something in your cart is no longer for sale. Remove it and try again.',
  errNoPrice: 'Something in your cart has no price in this currency.',
  errSoldOut: 'Something in your cart has sold out.',
  errSessionExpired: 'Your sign-in has expired. Sign in again.',
  errInvalid: 'Some details are not valid ({code}). Check the form and try again.',
  errNotPayable: 'This order is no longer waiting for payment.',
  errRateLimited: 'Too many attempts. Try again {when}.',
  errRefused: 'The store cannot sell this cart as it is ({code}).',
  errUnknown: 'Something went wrong ({code}). Please try again.',
  probMixedCurrencies: 'Your cart holds prices in more than one currency. Remove items until one currency is left.',
  probEula: 'Accept the licence terms to continue.',
  resultChecking: 'Checking your order…',
  resultAwaiting: 'Awaiting payment. This page updates by itself.',
  resultPaid: 'Paid. Invoice {invoice}.',
  resultPaidNoInvoice: 'Paid. Your invoice is on its way.',
  resultFailed: 'The payment failed. Your cart is unchanged, so you can try again.',
  resultExpired: 'The checkout expired before a payment arrived. Your cart is unchanged, so you can try again.',
  resultRefunded: 'This order was refunded.',
  resultDisputed: 'The payment of this order is disputed.',
  resultNotFound: 'This store has no checkout for this link.',
  resultNoKey: 'This page shows the result of a checkout; start one from your cart.',
  resultOffline: 'Checking your order needs a connection. We check again when you are back online.',
  resultError: 'We could not check your order just now; trying again…',
  resultGaveUp: 'Still no payment result. Reload this page to check again.',
  goToLibrary: 'Go to My products',
  backToCart: 'Back to the cart',
  libraryLoading: 'Loading your products…',
  libraryEmpty: 'You do not own anything in this store yet.',
  libraryArriving: 'Your purchase is being added to your library…',
  libraryOffline: 'You are offline. Your products are listed here when you are back online.',
  libraryError: 'Your products could not be loaded ({code}). Reload the page to try again.',
  statusActive: 'Active',
  statusRevoked: 'Revoked',
  statusExpired: 'Expired',
  boughtOn: 'Bought on {date}',
  revokedNote: 'This licence was revoked; its files can no longer be downloaded.',
  expiredNote: 'This licence has expired.',
  noFiles: 'No files to download.',
  download: 'Download',
  downloadPreparing: 'Preparing {filename}…',
  downloadStarted: 'Your download of {filename} has started.',
  downloadRateLimited: 'Too many downloads just now. Try again {when}.',
  downloadForbidden: 'You may not download this file: you do not own it, or its licence was revoked.',
  downloadNotFound: 'This file is no longer available.',
  downloadFailed: 'The download could not start ({code}). Please try again.',
};

const frBuying: typeof enBuying = {
  signIn: 'Se connecter',
  signOut: 'Se déconnecter',
  signingIn: 'Connexion…',
  signedInAs: 'Connecté en tant que {email}',
  signInIntro: 'Connectez-vous avec votre adresse e-mail pour voir vos achats et les télécharger.',
  signInDevNote: 'Boutique de développement : la connexion ne demande pas de mot de passe.',
  signInFailed: 'Échec de la connexion ({code}). Vérifiez l’adresse et réessayez.',
  needsConnection: 'Vous êtes hors ligne. Une connexion est nécessaire.',
  checkoutTitle: 'Paiement',
  emailLabel: 'Adresse e-mail',
  emailSignedIn: 'Votre reçu est envoyé à l’adresse de votre compte.',
  countryLabel: 'Pays de facturation',
  regionLabel: 'État ou province',
  choose: 'Choisir…',
  acceptEula: 'J’accepte les {link}, version {version}.',
  eulaLink: 'conditions de licence',
  pay: 'Payer',
  starting: 'Préparation de votre commande…',
  orderSummary: 'Votre commande',
  subtotal: 'Sous-total',
  discount: 'Remise',
  tax: 'Taxes',
  cardLoading: 'Chargement du paiement par carte…',
  cardUnreachable:
    'Le paiement par carte nécessite une connexion à Stripe, que cet appareil ne peut pas joindre pour le moment. Rechargez la page pour réessayer.',
  cardNotConfigured: 'Le paiement par carte n’est pas encore configuré pour cette boutique.',
  payAmount: 'Payer {amount}',
  devPay: 'Terminer le paiement de test (développement)',
  completing: 'Finalisation du paiement…',
  devPayNote:
    'Version de développement : la commande est marquée payée par un événement de test Stripe que la boutique signe et vérifie elle-même ; aucune carte n’est débitée.',
  errOffline: 'Vous êtes hors ligne. Le paiement nécessite une connexion.',
  errUnavailable: 'La boutique ne peut pas prendre de commande pour le moment. Réessayez dans un instant.',
  errEmailRequired: 'Saisissez une adresse e-mail valide ou connectez-vous.',
  errCountry: 'Choisissez votre pays de facturation.',
  errRegion: 'Choisissez votre État ou province : la taxe en dépend.',
  errNotForSale: 'Un article de votre panier n’est plus en vente. Retirez-le et réessayez.',
  errNoPrice: 'Un article de votre panier n’a pas de prix dans cette devise.',
  errSoldOut: 'Un article de votre panier est épuisé.',
  errSessionExpired: 'Votre session a expiré. Connectez-vous à nouveau.',
  errInvalid: 'Certaines informations ne sont pas valides ({code}). Vérifiez le formulaire et réessayez.',
  errNotPayable: 'Cette commande n’attend plus de paiement.',
  errRateLimited: 'Trop de tentatives. Réessayez {when}.',
  errRefused: 'La boutique ne peut pas vendre ce panier en l’état ({code}).',
  errUnknown: 'Une erreur est survenue ({code}). Veuillez réessayer.',
  probMixedCurrencies:
    'Votre panier contient des prix dans plusieurs devises. Retirez des articles jusqu’à n’en garder qu’une.',
  probEula: 'Acceptez les conditions de licence pour continuer.',
  resultChecking: 'Vérification de votre commande…',
  resultAwaiting: 'En attente du paiement. Cette page se met à jour toute seule.',
  resultPaid: 'Payé. Facture {invoice}.',
  resultPaidNoInvoice: 'Payé. Votre facture arrive.',
  resultFailed: 'Le paiement a échoué. Votre panier est inchangé : vous pouvez réessayer.',
  resultExpired: 'Le paiement a expiré avant d’être reçu. Votre panier est inchangé : vous pouvez réessayer.',
  resultRefunded: 'Cette commande a été remboursée.',
  resultDisputed: 'Le paiement de cette commande est contesté.',
  resultNotFound: 'Cette boutique n’a aucun paiement pour ce lien.',
  resultNoKey: 'Cette page affiche le résultat d’un paiement ; commencez-en un depuis votre panier.',
  resultOffline:
    'La vérification de votre commande nécessite une connexion. Nous réessaierons dès votre retour en ligne.',
  resultError: 'Impossible de vérifier votre commande pour l’instant ; nouvel essai…',
  resultGaveUp: 'Toujours aucun résultat de paiement. Rechargez la page pour vérifier à nouveau.',
  goToLibrary: 'Voir mes produits',
  backToCart: 'Retour au panier',
  libraryLoading: 'Chargement de vos produits…',
  libraryEmpty: 'Vous ne possédez encore rien dans cette boutique.',
  libraryArriving: 'Votre achat est en cours d’ajout à votre bibliothèque…',
  libraryOffline: 'Vous êtes hors ligne. Vos produits s’afficheront ici dès votre retour en ligne.',
  libraryError: 'Impossible de charger vos produits ({code}). Rechargez la page pour réessayer.',
  statusActive: 'Actif',
  statusRevoked: 'Révoqué',
  statusExpired: 'Expiré',
  boughtOn: 'Acheté le {date}',
  revokedNote: 'Cette licence a été révoquée : ses fichiers ne peuvent plus être téléchargés.',
  expiredNote: 'Cette licence a expiré.',
  noFiles: 'Aucun fichier à télécharger.',
  download: 'Télécharger',
  downloadPreparing: 'Préparation de {filename}…',
  downloadStarted: 'Le téléchargement de {filename} a commencé.',
  downloadRateLimited: 'Trop de téléchargements à la fois. Réessayez {when}.',
  downloadForbidden:
    'Vous ne pouvez pas télécharger ce fichier : il ne vous appartient pas ou sa licence a été révoquée.',
  downloadNotFound: 'Ce fichier n’est plus disponible.',
  downloadFailed: 'Le téléchargement n’a pas pu commencer ({code}). Veuillez réessayer.',
};

const deBuying: typeof enBuying = {
  signIn: 'Anmelden',
  signOut: 'Abmelden',
  signingIn: 'Anmeldung läuft…',
  signedInAs: 'Angemeldet als {email}',
  signInIntro: 'Melden Sie sich mit Ihrer E-Mail-Adresse an, um Ihre Käufe zu sehen und herunterzuladen.',
  signInDevNote: 'Entwicklungs-Shop: Die Anmeldung fragt nach keinem Passwort.',
  signInFailed: 'Anmeldung fehlgeschlagen ({code}). Prüfen Sie die Adresse und versuchen Sie es erneut.',
  needsConnection: 'Sie sind offline. Dafür wird eine Verbindung benötigt.',
  checkoutTitle: 'Kasse',
  emailLabel: 'E-Mail-Adresse',
  emailSignedIn: 'Ihre Quittung geht an die Adresse Ihres Kontos.',
  countryLabel: 'Rechnungsland',
  regionLabel: 'Bundesstaat oder Provinz',
  choose: 'Bitte wählen…',
  acceptEula: 'Ich akzeptiere die {link}, Version {version}.',
  eulaLink: 'Lizenzbedingungen',
  pay: 'Bezahlen',
  starting: 'Ihre Bestellung wird vorbereitet…',
  orderSummary: 'Ihre Bestellung',
  subtotal: 'Zwischensumme',
  discount: 'Rabatt',
  tax: 'Steuern',
  cardLoading: 'Kartenzahlung wird geladen…',
  cardUnreachable:
    'Die Kartenzahlung braucht eine Verbindung zu Stripe, die dieses Gerät gerade nicht erreicht. Laden Sie die Seite neu, um es erneut zu versuchen.',
  cardNotConfigured: 'Die Kartenzahlung ist für diesen Shop noch nicht eingerichtet.',
  payAmount: '{amount} bezahlen',
  devPay: 'Testzahlung abschließen (Entwicklung)',
  completing: 'Zahlung wird abgeschlossen…',
  devPayNote:
    'Entwicklungs-Build: Die Bestellung wird durch ein Stripe-Testereignis bezahlt, das der Shop selbst signiert und prüft; keine Karte wird belastet.',
  errOffline: 'Sie sind offline. Zum Bezahlen wird eine Verbindung benötigt.',
  errUnavailable: 'Der Shop kann gerade keine Bestellungen annehmen. Bitte versuchen Sie es gleich noch einmal.',
  errEmailRequired: 'Geben Sie eine gültige E-Mail-Adresse ein oder melden Sie sich an.',
  errCountry: 'Wählen Sie Ihr Rechnungsland.',
  errRegion: 'Wählen Sie Ihren Bundesstaat oder Ihre Provinz: Die Steuer hängt davon ab.',
  errNotForSale:
    'Ein Artikel in Ihrem Warenkorb ist nicht mehr erhältlich. Entfernen Sie ihn und versuchen Sie es erneut.',
  errNoPrice: 'Ein Artikel in Ihrem Warenkorb hat keinen Preis in dieser Währung.',
  errSoldOut: 'Ein Artikel in Ihrem Warenkorb ist ausverkauft.',
  errSessionExpired: 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.',
  errInvalid: 'Einige Angaben sind ungültig ({code}). Prüfen Sie das Formular und versuchen Sie es erneut.',
  errNotPayable: 'Diese Bestellung wartet nicht mehr auf eine Zahlung.',
  errRateLimited: 'Zu viele Versuche. Versuchen Sie es {when} erneut.',
  errRefused: 'Der Shop kann diesen Warenkorb so nicht verkaufen ({code}).',
  errUnknown: 'Etwas ist schiefgelaufen ({code}). Bitte versuchen Sie es erneut.',
  probMixedCurrencies:
    'Ihr Warenkorb enthält Preise in mehreren Währungen. Entfernen Sie Artikel, bis nur eine Währung übrig ist.',
  probEula: 'Akzeptieren Sie die Lizenzbedingungen, um fortzufahren.',
  resultChecking: 'Ihre Bestellung wird geprüft…',
  resultAwaiting: 'Zahlung ausstehend. Diese Seite aktualisiert sich selbst.',
  resultPaid: 'Bezahlt. Rechnung {invoice}.',
  resultPaidNoInvoice: 'Bezahlt. Ihre Rechnung folgt.',
  resultFailed: 'Die Zahlung ist fehlgeschlagen. Ihr Warenkorb ist unverändert, Sie können es erneut versuchen.',
  resultExpired:
    'Der Bezahlvorgang ist abgelaufen, bevor eine Zahlung einging. Ihr Warenkorb ist unverändert, Sie können es erneut versuchen.',
  resultRefunded: 'Diese Bestellung wurde erstattet.',
  resultDisputed: 'Die Zahlung dieser Bestellung wird angefochten.',
  resultNotFound: 'Dieser Shop hat keinen Bezahlvorgang zu diesem Link.',
  resultNoKey: 'Diese Seite zeigt das Ergebnis eines Bezahlvorgangs; beginnen Sie einen im Warenkorb.',
  resultOffline:
    'Zum Prüfen Ihrer Bestellung wird eine Verbindung benötigt. Wir prüfen erneut, sobald Sie wieder online sind.',
  resultError: 'Ihre Bestellung konnte gerade nicht geprüft werden; neuer Versuch…',
  resultGaveUp: 'Noch kein Zahlungsergebnis. Laden Sie die Seite neu, um erneut zu prüfen.',
  goToLibrary: 'Zu meinen Produkten',
  backToCart: 'Zurück zum Warenkorb',
  libraryLoading: 'Ihre Produkte werden geladen…',
  libraryEmpty: 'Sie besitzen in diesem Shop noch nichts.',
  libraryArriving: 'Ihr Kauf wird Ihrer Bibliothek hinzugefügt…',
  libraryOffline: 'Sie sind offline. Ihre Produkte erscheinen hier, sobald Sie wieder online sind.',
  libraryError:
    'Ihre Produkte konnten nicht geladen werden ({code}). Laden Sie die Seite neu, um es erneut zu versuchen.',
  statusActive: 'Aktiv',
  statusRevoked: 'Widerrufen',
  statusExpired: 'Abgelaufen',
  boughtOn: 'Gekauft am {date}',
  revokedNote: 'Diese Lizenz wurde widerrufen; ihre Dateien können nicht mehr heruntergeladen werden.',
  expiredNote: 'Diese Lizenz ist abgelaufen.',
  noFiles: 'Keine Dateien zum Herunterladen.',
  download: 'Herunterladen',
  downloadPreparing: '{filename} wird vorbereitet…',
  downloadStarted: 'Der Download von {filename} hat begonnen.',
  downloadRateLimited: 'Zu viele Downloads auf einmal. Versuchen Sie es {when} erneut.',
  downloadForbidden:
    'Sie dürfen diese Datei nicht herunterladen: Sie gehört Ihnen nicht, oder ihre Lizenz wurde widerrufen.',
  downloadNotFound: 'Diese Datei ist nicht mehr verfügbar.',
  downloadFailed: 'Der Download konnte nicht starten ({code}). Bitte versuchen Sie es erneut.',
};

const en = {
  home: 'Home',
  catalog: 'Catalog',
  search: 'Search',
  cart: 'Cart',
  library: 'My products',
  eula: 'Licence',
  featured: 'Featured',
  newReleases: 'New releases',
  by: 'by',
  addToCart: 'Add to cart',
  inCart: 'In cart',
  preview: 'Preview',
  noPreview: 'No preview for this item.',
  type: 'Type',
  genre: 'Genre',
  maxPrice: 'Maximum price',
  year: 'Year',
  any: 'Any',
  results: 'results',
  searchLabel: 'Search the catalog',
  noResults: 'Nothing matches.',
  emptyCart: 'Your cart is empty.',
  cartCurrencyNote:
    'Prices in {chosen} are estimates; you pay in {currency}, the currency your region’s prices are listed in.',
  remove: 'Remove',
  total: 'Total',
  checkout: 'Check out',
  taxIncluded: 'incl. VAT',
  taxExcluded: 'plus tax',
  offline: 'You are offline: data may be stale (as of {date}).',
  offlineTitle: 'You are offline',
  offlineBody: 'This page has not been saved for offline reading. Pages you have visited, and the catalog, still work.',
  updateReady: 'A new version of this store is ready.',
  reload: 'Update',
  notFound: 'Page not found',
  skip: 'Skip to content',
  products: 'Products',
  works: 'Releases',
  artist: 'Artist',
  checkoutResult: 'Checkout result',
  wishlist: 'Wishlist',
  addToWishlist: 'Add to wishlist',
  inWishlist: 'In wishlist',
  wishlistSignIn: 'Sign in to keep a wishlist',
  wishlistEmpty: 'Your wishlist is empty.',
  wishlistGone: 'No longer available',
  previewPosition: 'Preview position',
  timeOf: 'of',
  languageAndCurrency: 'Language and currency',
  language: 'Language',
  currency: 'Currency',
  fxEstimate: 'approx., converted at the ECB rate of {date}',
  catalogPages: 'Catalog pages',
  pageN: 'Page {page}',
  previousPage: 'Previous',
  nextPage: 'Next',
  catalogRange: '{first}–{last} of {total} products',
  catalogLoading: 'Loading the whole catalog…',
  showMore: 'Show more',
  catalogUnavailable:
    'Filtering needs the whole catalog, which could not be loaded. Check your connection and change a filter to try again.',
  ...enBuying,
} as const;

/** Keys of the UI strings. */
export type MessageKey = keyof typeof en;

const MESSAGES: Record<Locale, Record<MessageKey, string>> = {
  'en-US': {
    ...en,
    eula: 'License',
    taxIncluded: 'incl. tax',
    eulaLink: 'license terms',
    probEula: 'Accept the license terms to continue.',
    revokedNote: 'This license was revoked; its files can no longer be downloaded.',
    expiredNote: 'This license has expired.',
    downloadForbidden: 'You may not download this file: you do not own it, or its license was revoked.',
  },
  'en-GB': en,
  'fr-FR': {
    home: 'Accueil',
    catalog: 'Catalogue',
    search: 'Recherche',
    cart: 'Panier',
    library: 'Mes produits',
    eula: 'Licence',
    featured: 'À la une',
    newReleases: 'Nouveautés',
    by: 'par',
    addToCart: 'Ajouter au panier',
    inCart: 'Dans le panier',
    preview: 'Extrait',
    noPreview: 'Pas d’extrait pour cet article.',
    type: 'Type',
    genre: 'Genre',
    maxPrice: 'Prix maximum',
    year: 'Année',
    any: 'Tous',
    results: 'résultats',
    searchLabel: 'Rechercher dans le catalogue',
    noResults: 'Aucun résultat.',
    emptyCart: 'Votre panier est vide.',
    cartCurrencyNote:
      'Les prix en {chosen} sont des estimations ; vous payez en {currency}, la devise des prix de votre région.',
    remove: 'Retirer',
    total: 'Total',
    checkout: 'Payer',
    taxIncluded: 'TVA incluse',
    taxExcluded: 'hors taxes',
    offline: 'Vous êtes hors ligne : les données peuvent être anciennes (au {date}).',
    offlineTitle: 'Vous êtes hors ligne',
    offlineBody:
      'Cette page n’a pas été enregistrée pour une lecture hors ligne. Les pages déjà visitées et le catalogue restent disponibles.',
    updateReady: 'Une nouvelle version de la boutique est prête.',
    reload: 'Mettre à jour',
    notFound: 'Page introuvable',
    skip: 'Aller au contenu',
    products: 'Produits',
    works: 'Sorties',
    artist: 'Artiste',
    checkoutResult: 'Résultat du paiement',
    wishlist: 'Liste d’envies',
    addToWishlist: 'Ajouter à ma liste d’envies',
    inWishlist: 'Dans ma liste d’envies',
    wishlistSignIn: 'Connectez-vous pour tenir une liste d’envies',
    wishlistEmpty: 'Votre liste d’envies est vide.',
    wishlistGone: 'N’est plus disponible',
    previewPosition: 'Position dans l’extrait',
    timeOf: 'sur',
    languageAndCurrency: 'Langue et devise',
    language: 'Langue',
    currency: 'Devise',
    fxEstimate: 'env., converti au taux BCE du {date}',
    catalogPages: 'Pages du catalogue',
    pageN: 'Page {page}',
    previousPage: 'Précédente',
    nextPage: 'Suivante',
    catalogRange: 'Produits {first} à {last} sur {total}',
    catalogLoading: 'Chargement du catalogue complet…',
    showMore: 'Afficher plus',
    catalogUnavailable:
      'Le filtrage nécessite le catalogue complet, qui n’a pas pu être chargé. Vérifiez votre connexion et modifiez un filtre pour réessayer.',
    ...frBuying,
  },
  'de-DE': {
    home: 'Start',
    catalog: 'Katalog',
    search: 'Suche',
    cart: 'Warenkorb',
    library: 'Meine Produkte',
    eula: 'Lizenz',
    featured: 'Empfohlen',
    newReleases: 'Neuerscheinungen',
    by: 'von',
    addToCart: 'In den Warenkorb',
    inCart: 'Im Warenkorb',
    preview: 'Hörprobe',
    noPreview: 'Keine Hörprobe für diesen Artikel.',
    type: 'Art',
    genre: 'Genre',
    maxPrice: 'Höchstpreis',
    year: 'Jahr',
    any: 'Alle',
    results: 'Treffer',
    searchLabel: 'Katalog durchsuchen',
    noResults: 'Keine Treffer.',
    emptyCart: 'Ihr Warenkorb ist leer.',
    cartCurrencyNote:
      'Preise in {chosen} sind Schätzungen; Sie zahlen in {currency}, der Währung der Preise Ihrer Region.',
    remove: 'Entfernen',
    total: 'Summe',
    checkout: 'Zur Kasse',
    taxIncluded: 'inkl. MwSt.',
    taxExcluded: 'zzgl. Steuern',
    offline: 'Sie sind offline: Daten können veraltet sein (Stand {date}).',
    offlineTitle: 'Sie sind offline',
    offlineBody:
      'Diese Seite wurde nicht für die Offline-Nutzung gespeichert. Besuchte Seiten und der Katalog funktionieren weiter.',
    updateReady: 'Eine neue Version des Shops ist bereit.',
    reload: 'Aktualisieren',
    notFound: 'Seite nicht gefunden',
    skip: 'Zum Inhalt springen',
    products: 'Produkte',
    works: 'Veröffentlichungen',
    artist: 'Künstler',
    checkoutResult: 'Ergebnis der Bezahlung',
    wishlist: 'Wunschliste',
    addToWishlist: 'Auf die Wunschliste',
    inWishlist: 'Auf der Wunschliste',
    wishlistSignIn: 'Melden Sie sich an, um eine Wunschliste zu führen',
    wishlistEmpty: 'Ihre Wunschliste ist leer.',
    wishlistGone: 'Nicht mehr erhältlich',
    previewPosition: 'Position in der Hörprobe',
    timeOf: 'von',
    languageAndCurrency: 'Sprache und Währung',
    language: 'Sprache',
    currency: 'Währung',
    fxEstimate: 'ca., umgerechnet zum EZB-Kurs vom {date}',
    catalogPages: 'Katalogseiten',
    pageN: 'Seite {page}',
    previousPage: 'Zurück',
    nextPage: 'Weiter',
    catalogRange: '{first}–{last} von {total} Produkten',
    catalogLoading: 'Der ganze Katalog wird geladen…',
    showMore: 'Mehr anzeigen',
    catalogUnavailable:
      'Zum Filtern wird der ganze Katalog benötigt, der nicht geladen werden konnte. Prüfen Sie Ihre Verbindung und ändern Sie einen Filter, um es erneut zu versuchen.',
    ...deBuying,
  },
};

/** The UI string `key` in `locale`, with `{name}` placeholders filled from `values`. */
export function t(locale: Locale, key: MessageKey, values: Record<string, string> = {}): string {
  return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

/** The strings `keys` in `locale`, placeholders kept, for an island's `labels` prop. */
export function labelsFor<K extends MessageKey>(locale: Locale, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, MESSAGES[locale][key]])) as Record<K, string>;
}

/** A price as shown to a buyer in `locale`: the amount, and whether tax is in it. */
export interface ShownPrice {
  amount: number;
  currency: string;
  formatted: string;
  taxNote: string;
  taxInclusive: boolean;
  /** Converted from another currency's list price at a reference rate: display only. */
  estimate: boolean;
}

/**
 * The price of a product for buyers of `locale`, through the money engine: the region's list
 * price in `currency` (default: the region's own; tax-inclusive in the EU and UK, exclusive in
 * the US), formatted the locale's way. Without a list price in that currency for the region, the
 * engine converts another one at the reference rate, and the note says it is an estimate.
 * Undefined when the product has no price for that region.
 */
export function priceFor(
  entries: readonly PriceListEntry[],
  productId: string,
  locale: Locale,
  tenantCurrency: string,
  now: Date,
  currency: string = REGION_OF[locale].currency,
): ShownPrice | undefined {
  const region = REGION_OF[locale];
  try {
    const shown = displayPrice(entries, productId, {
      currency,
      country: region.country,
      tenantCurrency,
      fx: ECB_REFERENCE_SNAPSHOT,
      now,
    });
    const tax = t(locale, shown.taxInclusive ? 'taxIncluded' : 'taxExcluded');
    const asOf =
      shown.conversion === undefined
        ? undefined
        : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
            new Date(shown.conversion.asOf),
          );
    return {
      amount: shown.amount,
      currency: shown.currency,
      formatted: formatMoney({ amount: shown.amount, currency: shown.currency }, locale),
      taxInclusive: shown.taxInclusive,
      estimate: asOf !== undefined,
      taxNote: asOf === undefined ? tax : `${tax}, ${t(locale, 'fxEstimate', { date: asOf })}`,
    };
  } catch {
    return undefined;
  }
}

/** `priceFor` in each of `currencies` (those the product has no price in are left out). */
export function pricesFor(
  entries: readonly PriceListEntry[],
  productId: string,
  locale: Locale,
  tenantCurrency: string,
  now: Date,
  currencies: readonly string[],
): Record<string, ShownPrice> {
  const shown: Record<string, ShownPrice> = {};
  for (const currency of currencies) {
    const price = priceFor(entries, productId, locale, tenantCurrency, now, currency);
    if (price !== undefined) shown[currency] = price;
  }
  return shown;
}

/** A date in the locale's long format ("22 November 2026"). */
export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}
