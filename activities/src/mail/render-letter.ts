import { readFile } from 'node:fs/promises';
import Handlebars, { type HelperOptions } from 'handlebars';
import type mjml2html from 'mjml';
import { formatMoney, type Money } from '@fanfare/domain';
import type { Letter, LetterKind, MailLocale } from './letters.js';
import { deDE } from './wording/de-DE.js';
import { enGB } from './wording/en-GB.js';
import { enUS, type Wording } from './wording/en-US.js';
import { frFR } from './wording/fr-FR.js';

/** A letter in words: what the Mailer sends besides addresses and attachments. */
export interface RenderedLetter {
  subject: string;
  html: string;
  text: string;
}

const WORDING: Record<MailLocale, Wording> = { 'en-US': enUS, 'en-GB': enGB, 'fr-FR': frFR, 'de-DE': deDE };

/** What every template sees besides the letter's facts. */
interface TemplateRoot {
  locale: MailLocale;
  kind: LetterKind;
  subject: string;
}

/**
 * Two Handlebars environments over the same templates: HTML escapes every fact it prints (an
 * order line titled `<script>` prints as text), plain text prints facts as they are.
 */
function environment(escapeFacts: boolean): typeof Handlebars {
  const hb = Handlebars.create();
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  // `{{t "key"}}`, or `{{t "reason." reason}}`: the locale's sentence for the letter's kind (or
  // the common section), itself a template over the facts in scope.
  hb.registerHelper('t', function (this: unknown, ...args: unknown[]) {
    const options = args.pop() as HelperOptions;
    const root = options.data.root as TemplateRoot;
    const key = args.join('');
    const wording = WORDING[root.locale];
    const source =
      (wording[root.kind] as Record<string, string>)[key] ?? (wording.common as Record<string, string>)[key];
    if (source === undefined) throw new Error(`No wording "${key}" for ${root.kind} in ${root.locale}`);
    let template = compiled.get(source);
    if (template === undefined) {
      template = hb.compile(source, { noEscape: !escapeFacts, strict: true });
      compiled.set(source, template);
    }
    const out = template(this, { data: options.data });
    return escapeFacts ? new hb.SafeString(out) : out;
  });
  hb.registerHelper('money', (money: Money, options: HelperOptions) =>
    formatMoney(money, (options.data.root as TemplateRoot).locale),
  );
  hb.registerHelper('date', (iso: string, options: HelperOptions) =>
    new Intl.DateTimeFormat((options.data.root as TemplateRoot).locale, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    }).format(new Date(iso)),
  );
  hb.registerHelper('gt', (a: number, b: number) => a > b);
  return hb;
}

// MJML takes seconds to load; the worker and the identity service load it on their first letter,
// not at start.
type Mjml = typeof mjml2html;
let mjml: Promise<Mjml> | undefined;
function mjmlCompiler(): Promise<Mjml> {
  mjml ??= import('mjml').then((module) => module.default as Mjml);
  return mjml;
}

const html = environment(true);
const text = environment(false);
const templates = new Map<string, Promise<Handlebars.TemplateDelegate>>();

/** The compiled template `templates/<name>`, read once per process. */
function template(hb: typeof Handlebars, name: string, noEscape: boolean): Promise<Handlebars.TemplateDelegate> {
  let found = templates.get(name);
  if (found === undefined) {
    found = readFile(new URL(`./templates/${name}`, import.meta.url), 'utf8').then((source) =>
      hb.compile(source, { noEscape, strict: true }),
    );
    templates.set(name, found);
  }
  return found;
}

/** Renders `body` inside `layout`, handing the kind's body template in as the `body` partial. */
async function inLayout(
  hb: typeof Handlebars,
  format: 'mjml' | 'txt',
  letter: Letter,
  root: TemplateRoot,
): Promise<string> {
  const noEscape = format === 'txt';
  const [layout, body] = await Promise.all([
    template(hb, `layout.${format}.hbs`, noEscape),
    template(hb, `${letter.kind}.${format}.hbs`, noEscape),
  ]);
  return layout({ ...letter, ...root }, { partials: { body } });
}

/**
 * The subject, HTML (MJML, so it lays out in every mail client) and plain text of `letter` in
 * `locale`. Throws when a template or a wording key is missing: a broken letter must fail the
 * send, not go out half-empty.
 */
export async function renderLetter(letter: Letter, locale: MailLocale): Promise<RenderedLetter> {
  const wording = WORDING[locale][letter.kind] as Record<string, string>;
  const context = { ...letter, locale, kind: letter.kind, subject: '' };
  const subject = text.compile(wording.subject ?? '', { noEscape: true, strict: true })(context);
  const root: TemplateRoot = { locale, kind: letter.kind, subject };
  const [mjmlSource, plain] = await Promise.all([
    inLayout(html, 'mjml', letter, root),
    inLayout(text, 'txt', letter, root),
  ]);
  const result = await (await mjmlCompiler())(mjmlSource, { validationLevel: 'strict', keepComments: false });
  if (result.errors.length > 0) {
    throw new Error(
      `The ${letter.kind} template is not valid MJML: ${result.errors.map((e) => e.formattedMessage).join('; ')}`,
    );
  }
  return { subject, html: result.html, text: `${plain.replace(/\n{3,}/g, '\n\n').trim()}\n` };
}
