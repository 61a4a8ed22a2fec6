import type { Role } from '@fanfare/domain';
import type { TenantTheme } from '../entities/tenant.entity.js';
import type { MediaType, ProductKind } from '../entities/product.entity.js';
import type { WorkKind } from '../entities/work.entity.js';
import type { CoverSpec, EbookSpec, ToneSpec } from './media-files.js';

/**
 * The demo catalog as plain data: two storefronts, their people, works and ~20 products. The
 * seeder turns it into rows and files; slugs, handles and emails are its idempotency keys.
 */

/** A demo account. */
export interface DemoUser {
  email: string;
  displayName: string;
  roles: Role[];
}

/** Prices in the three demo currencies, minor units. */
interface DemoPrices {
  usd: number;
  eur: number;
  gbp: number;
}

/** What files a product ships with. */
type DemoMedia =
  | { type: 'track'; tone: ToneSpec }
  | { type: 'episode'; tone: ToneSpec }
  | { type: 'ebook'; book: EbookSpec }
  /** No file of its own: delivers the files of these products of the same storefront (slugs). */
  | { type: 'bundle'; products: string[] }
  | { type: 'none' };

/** A product of the demo catalog. */
export interface DemoProduct {
  slug: string;
  title: string;
  kind: ProductKind;
  mediaType: MediaType;
  description: string;
  prices: DemoPrices;
  media: DemoMedia;
  tokenAmount?: number;
  subscriptionInterval?: 'month' | 'year';
}

/** A work with its cover and the products that sell it. */
interface DemoWork {
  slug: string;
  title: string;
  kind: WorkKind;
  genre: string;
  tags: string[];
  releaseYear: number;
  description: string;
  cover: CoverSpec;
  products: DemoProduct[];
}

/** A storefront with its creator, works, stand-alone products and custom domain. */
export interface DemoTenant {
  handle: string;
  name: string;
  defaultCurrency: string;
  defaultLocale: string;
  theme: TenantTheme;
  customDomain: string;
  creator: DemoUser & { slug: string; bio: string; payoutSchedule: 'weekly' | 'monthly' };
  works: DemoWork[];
  /** Products not tied to one work: token packs and memberships. */
  extras: DemoProduct[];
}

/** EULA version every demo product and entitlement refers to. */
export const DEMO_EULA_VERSION = '2026-01';

/** Operators and a buyer, who belong to no storefront. */
export const DEMO_PLATFORM_USERS: DemoUser[] = [
  { email: 'buyer@fanfare.example', displayName: 'Bea Buyer', roles: ['buyer'] },
  { email: 'admin@fanfare.example', displayName: 'Ada Admin', roles: ['admin'] },
  { email: 'finance@fanfare.example', displayName: 'Finn Finance', roles: ['finance'] },
  { email: 'moderator@fanfare.example', displayName: 'Mo Moderator', roles: ['moderator'] },
];

const trackPrices: DemoPrices = { usd: 129, eur: 119, gbp: 109 };
const albumPrices: DemoPrices = { usd: 999, eur: 899, gbp: 799 };
const ebookPrices: DemoPrices = { usd: 1299, eur: 1199, gbp: 999 };
const episodePrices: DemoPrices = { usd: 199, eur: 179, gbp: 159 };

function track(slug: string, title: string, frequencies: number[], pulse: number): DemoProduct {
  return {
    slug,
    title,
    kind: 'digital',
    mediaType: 'music',
    description: `${title}, lossless FLAC and MP3.`,
    prices: trackPrices,
    media: { type: 'track', tone: { frequencies, seconds: 4, pulse } },
  };
}

function album(slug: string, title: string, tracks: DemoProduct[]): DemoProduct {
  return {
    slug,
    title,
    kind: 'digital',
    mediaType: 'music',
    description: `The complete ${title}, every track in FLAC and MP3.`,
    prices: albumPrices,
    media: { type: 'bundle', products: tracks.map((t) => t.slug) },
  };
}

/** An album product that bundles `tracks`, listed first, then the tracks. */
function withAlbum(slug: string, title: string, tracks: DemoProduct[]): DemoProduct[] {
  return [album(slug, title, tracks), ...tracks];
}

function book(slug: string, title: string, author: string, chapters: EbookSpec['chapters']): DemoProduct {
  return {
    slug,
    title,
    kind: 'digital',
    mediaType: 'ebook',
    description: `${title} by ${author}, DRM-free PDF.`,
    prices: ebookPrices,
    media: { type: 'ebook', book: { title, author, chapters } },
  };
}

function episode(slug: string, title: string, frequencies: number[]): DemoProduct {
  return {
    slug,
    title,
    kind: 'digital',
    mediaType: 'podcast',
    description: `${title}: an episode of Ink & Margins.`,
    prices: episodePrices,
    media: { type: 'episode', tone: { frequencies, seconds: 5, pulse: 0.5 } },
  };
}

const lorem = [
  'The harbour was quiet in the way only winter harbours are, every mast ticking against the wind.',
  'She kept the letters in a biscuit tin, and the tin under the floorboard, and the floorboard under a rug her grandmother had woven.',
];

/** The two demo storefronts. */
export const DEMO_TENANTS: DemoTenant[] = [
  {
    handle: 'aurora',
    name: 'Aurora Records',
    defaultCurrency: 'USD',
    defaultLocale: 'en-US',
    theme: { primaryColor: '#1d3557', accentColor: '#e63946' },
    customDomain: 'shop.aurora-records.test',
    creator: {
      email: 'maya@aurora-records.example',
      displayName: 'Maya Lind',
      roles: ['creator', 'buyer'],
      slug: 'maya-lind',
      bio: 'Synth-folk from the far north.',
      payoutSchedule: 'monthly',
    },
    works: [
      {
        slug: 'northern-lights',
        title: 'Northern Lights',
        kind: 'album',
        genre: 'electronic',
        tags: ['ambient', 'synth', 'nordic'],
        releaseYear: 2025,
        description: 'Three pieces written under the aurora.',
        cover: { from: '0x1d3557', to: '0x2a9d8f', seed: 11 },
        products: withAlbum('northern-lights-album', 'Northern Lights (album)', [
          track('northern-lights-1-first-glow', 'First Glow', [220, 277.18, 329.63], 1),
          track('northern-lights-2-corona', 'Corona', [196, 246.94, 293.66], 1.5),
          track('northern-lights-3-fade', 'Fade', [174.61, 220, 261.63], 0.75),
        ]),
      },
      {
        slug: 'tidal',
        title: 'Tidal',
        kind: 'single',
        genre: 'electronic',
        tags: ['downtempo'],
        releaseYear: 2026,
        description: 'A single about the pull of the sea.',
        cover: { from: '0x023e8a', to: '0x90e0ef', seed: 12 },
        products: [track('tidal-single', 'Tidal', [246.94, 311.13, 369.99], 2)],
      },
      {
        slug: 'solstice',
        title: 'Solstice EP',
        kind: 'album',
        genre: 'folk',
        tags: ['acoustic', 'folk'],
        releaseYear: 2024,
        description: 'Two songs for the longest night.',
        cover: { from: '0xf4a261', to: '0x264653', seed: 13 },
        products: withAlbum('solstice-ep', 'Solstice EP', [
          track('solstice-1-longest-night', 'Longest Night', [164.81, 207.65, 246.94], 0.5),
          track('solstice-2-return', 'Return', [185, 233.08, 277.18], 1.25),
        ]),
      },
    ],
    extras: [
      {
        slug: 'aurora-stream-tokens-100',
        title: '100 stream tokens',
        kind: 'token_pack',
        mediaType: 'tokens',
        description: 'Stream any Aurora track 100 times.',
        prices: { usd: 499, eur: 449, gbp: 399 },
        media: { type: 'none' },
        tokenAmount: 100,
      },
      {
        slug: 'aurora-fan-club-monthly',
        title: 'Aurora Fan Club (monthly)',
        kind: 'subscription',
        mediaType: 'membership',
        description: 'Every release, early, while you are a member.',
        prices: { usd: 500, eur: 450, gbp: 400 },
        media: { type: 'none' },
        subscriptionInterval: 'month',
      },
      {
        slug: 'aurora-fan-club-yearly',
        title: 'Aurora Fan Club (yearly)',
        kind: 'subscription',
        mediaType: 'membership',
        description: 'A year of the fan club, two months free.',
        prices: { usd: 5000, eur: 4500, gbp: 4000 },
        media: { type: 'none' },
        subscriptionInterval: 'year',
      },
    ],
  },
  {
    handle: 'inkwell',
    name: 'Inkwell Press',
    defaultCurrency: 'GBP',
    defaultLocale: 'en-GB',
    theme: { primaryColor: '#2b2d42', accentColor: '#d4a373' },
    customDomain: 'books.inkwell-press.test',
    creator: {
      email: 'theo@inkwell-press.example',
      displayName: 'Theo Marsh',
      roles: ['creator', 'buyer'],
      slug: 'theo-marsh',
      bio: 'Novelist, essayist and reluctant podcaster.',
      payoutSchedule: 'weekly',
    },
    works: [
      {
        slug: 'the-quiet-harbour',
        title: 'The Quiet Harbour',
        kind: 'book',
        genre: 'literary fiction',
        tags: ['novel', 'sea'],
        releaseYear: 2025,
        description: 'A winter novel of letters and tides.',
        cover: { from: '0x2b2d42', to: '0x8d99ae', seed: 21 },
        products: [
          book('the-quiet-harbour-ebook', 'The Quiet Harbour', 'Theo Marsh', [
            { heading: 'I. Low Water', paragraphs: lorem },
            { heading: 'II. The Tin', paragraphs: [...lorem].reverse() },
          ]),
        ],
      },
      {
        slug: 'paper-moons',
        title: 'Paper Moons',
        kind: 'book',
        genre: 'poetry',
        tags: ['poetry'],
        releaseYear: 2023,
        description: 'Forty short poems about nights.',
        cover: { from: '0x3a0ca3', to: '0xf72585', seed: 22 },
        products: [
          book('paper-moons-ebook', 'Paper Moons', 'Theo Marsh', [
            {
              heading: 'Crescent',
              paragraphs: ['A thin promise, folded twice,', 'kept in a coat you no longer wear.'],
            },
          ]),
        ],
      },
      {
        slug: 'field-notes',
        title: 'Field Notes on Margins',
        kind: 'book',
        genre: 'essays',
        tags: ['essays', 'writing'],
        releaseYear: 2024,
        description: 'Essays on the space around words.',
        cover: { from: '0x606c38', to: '0xfefae0', seed: 23 },
        products: [
          book('field-notes-ebook', 'Field Notes on Margins', 'Theo Marsh', [
            { heading: 'On White Space', paragraphs: lorem },
          ]),
        ],
      },
      {
        slug: 'the-ledger-of-small-things',
        title: 'The Ledger of Small Things',
        kind: 'book',
        genre: 'short stories',
        tags: ['stories'],
        releaseYear: 2026,
        description: 'Twelve stories, each balanced on one object.',
        cover: { from: '0x9b2226', to: '0xe9d8a6', seed: 24 },
        products: [
          book('the-ledger-of-small-things-ebook', 'The Ledger of Small Things', 'Theo Marsh', [
            { heading: 'A Button', paragraphs: lorem.slice(0, 1) },
            { heading: 'A Key', paragraphs: lorem.slice(1) },
          ]),
        ],
      },
      {
        slug: 'ink-and-margins',
        title: 'Ink & Margins',
        kind: 'podcast_series',
        genre: 'books',
        tags: ['podcast', 'writing'],
        releaseYear: 2026,
        description: 'Conversations about books, badly recorded on purpose.',
        cover: { from: '0xbc6c25', to: '0x283618', seed: 25 },
        products: [
          episode('ink-and-margins-1', 'Ink & Margins #1: Beginnings', [130.81, 164.81]),
          episode('ink-and-margins-2', 'Ink & Margins #2: Middles', [146.83, 185]),
          episode('ink-and-margins-3', 'Ink & Margins #3: Endings', [110, 138.59]),
        ],
      },
    ],
    extras: [
      {
        slug: 'inkwell-reading-tokens-50',
        title: '50 reading tokens',
        kind: 'token_pack',
        mediaType: 'tokens',
        description: 'Read 50 chapters of anything in the Inkwell catalog.',
        prices: { usd: 799, eur: 699, gbp: 599 },
        media: { type: 'none' },
        tokenAmount: 50,
      },
      {
        slug: 'inkwell-readers-circle',
        title: "Readers' Circle (monthly)",
        kind: 'subscription',
        mediaType: 'membership',
        description: 'New books and every podcast episode while you are a member.',
        prices: { usd: 800, eur: 700, gbp: 600 },
        media: { type: 'none' },
        subscriptionInterval: 'month',
      },
    ],
  },
];
