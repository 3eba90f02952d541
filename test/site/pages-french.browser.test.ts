/**
 * The certificate pages of a French-speaking site: the francais fixture
 * (test/fixtures/sites/francais, `language: fr-CA`), built once for the run by
 * test/setup/fixture-sites.ts. Its pages speak French from the catalog (src/core/locale/fr.ts),
 * with the dates, numbers and durations Intl writes for fr-CA, with and without JavaScript; no
 * sentence of the English catalog is left on them; they pass axe. The site is in English too
 * (`languages: [fr-CA, en]`): every page again under /en/, linked both ways (hreflang, the language
 * switch), and searched in its own language. Its "How to verify" page is the English site's in
 * French: the same commands and references, none of its paragraphs.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { en } from '../../src/core/locale/en.ts';
import { englishPagePhrases, englishVerifierPhrases } from '../helpers/english-phrases.ts';
import { routeSiteUrl } from '../../src/commands/bench/browser.ts';
import { verdict, WAIT } from '../helpers/verifier-page.ts';
import { axeViolations } from '../helpers/axe.ts';
import { useBrowserOnSite } from '../helpers/browser-suite.ts';

// Shared with every browser test of the run: read only, never written.
const { dist, siteUrl } = inject('sites').francais;
const english = inject('sites').academy;
// Award ids of the fixture's content/awards/.
const AMELIE = '7d1c2a90-5b1e-4c7a-9f3e-2b8a6c4d0e11';
const REVOKED = '2f6e9b14-8a3d-4d52-b7c1-9e0a5f3d2c77';
const SUSPENDED = '9a4b7c21-3e5f-4a68-8d90-1b2c3d4e5f60';
const ISSUER = 'Cégep fictif de Saint-Laurent';
const NARROW_NBSP = '\u202F';

const site = useBrowserOnSite(dist);

async function open(pathname: string, options: { javaScriptEnabled?: boolean; time?: Date } = {}): Promise<Page> {
  const context = await site.browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 1280, height: 900 } });
  if (options.time) await context.clock.install({ time: options.time });
  const page = await context.newPage();
  await page.goto(`${site.origin}${pathname}`, { waitUntil: 'load' });
  return page;
}

const facts = (page: Page) => page.$$eval('.facts div', (rows) => rows.map((row) => [row.querySelector('dt')?.textContent?.trim(), row.querySelector('dd')?.textContent?.trim()]));
// Only the layout's white space is folded: French's no-break spaces are part of the text.
const text = async (page: Page, selector: string) => (await page.textContent(selector))?.replace(/[ \t\r\n]+/g, ' ').trim();

describe('a French-speaking site', () => {
  it('writes the certificate page in French, with the dates, numbers and durations of fr-CA, without JavaScript too', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await open(`/credentials/${AMELIE}/`, { javaScriptEnabled });
      expect(await page.getAttribute('html', 'lang')).toBe('fr-CA');
      expect(await text(page, 'h1')).toBe('Amélie Tremblay a obtenu Travail en équipe');
      expect(await text(page, '.eyebrow')).toBe('Attestation de réussite · Micro-certification');
      expect(await text(page, '.issued-by')).toBe(`Délivrée par ${ISSUER}`);
      expect(await text(page, '.status-label')).toBe('Valide');
      expect(await text(page, '.status-sentence')).toBe('Cette attestation est valide jusqu’au 1er mars 2028.');
      expect(await facts(page)).toEqual([
        ['Délivrée le', '1er septembre 2026'],
        ['Expire le', '1er mars 2028'],
        ['Crédits obtenus', '1,5'],
        ['Période', 'Du 12 janvier 2026 au 1er juin 2026'],
        ['Note finale', `91,5${NARROW_NBSP}%, Terminé`],
        ['Identifiant de l’attestation', AMELIE],
      ]);
      expect(await text(page, '#about')).toBe('À propos de cette certification');
      expect(await page.textContent('#about ~ p:not(.lead)')).toBe(`Fait partie de Parcours Compétences transversales${NARROW_NBSP}: Bloc 1 sur 3.`);
      expect(await page.getAttribute('meta[name="description"]', 'content')).toBe(`Amélie Tremblay a obtenu Travail en équipe, délivrée par ${ISSUER} le 1er septembre 2026. Collabore efficacement au sein d'un groupe.`);
      expect(await page.getAttribute('meta[property="og:title"]', 'content')).toBe('Amélie Tremblay a obtenu Travail en équipe');
      expect(await page.getAttribute('.qr img', 'alt')).toMatch(/^Code QR de https:\/\/attestations\.cegep-saint-laurent\.example\/credentials\//);
      expect(await page.textContent('a.button-linkedin')).toBe('Ajouter au profil LinkedIn');
      await page.context().close();
    }
  });

  it('makes its buttons in French, and the text for a post', async () => {
    const page = await open(`/credentials/${AMELIE}/`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await page.waitForSelector('laurel-wallet button');
    const buttons = await page.$$eval('.actions button', (elements) => elements.map((element) => element.textContent?.trim()));
    expect(buttons).toEqual(['Copier un texte de publication', 'AttestationPDF', 'Imprimerune page', 'Image du badgePNG', 'Image du badgeSVG', 'Ajouter au portefeuille']);
    await page.click('laurel-post-text button');
    await page.waitForSelector('laurel-post-text [role="status"]:has-text("Texte copié")');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`J’ai obtenu Travail en équipe, délivrée par ${ISSUER}. Chacun peut vérifier cette attestation ici${NARROW_NBSP}: https://attestations.cegep-saint-laurent.example/credentials/${AMELIE}/`);
    await page.click('laurel-copy-link a');
    await page.waitForSelector('laurel-copy-link [role="status"]:has-text("Lien copié dans le presse-papiers.")');
    await page.click('laurel-wallet button');
    expect(await text(page, '.wallet-offer a.button')).toBe('Ouvrir dans Learner Credential Wallet');
    await page.context().close();
  });

  it('writes the achievement page in French, with its validity, earners and results', async () => {
    const page = await open('/achievements/travail-equipe/');
    const details = await page.$$eval('.facts div', (rows) => rows.map((row) => [row.querySelector('dt')?.textContent?.trim(), row.querySelector('dd')?.textContent?.trim()]));
    expect(details).toEqual([
      ['Catégorie', 'Micro-certification'],
      ['Validité', 'Valable 1\u00A0an et 6\u00A0mois à compter de la date d’obtention'],
      // The revoked award does not count; the suspended one does, as on any site.
      ['Obtenue par', '2 personnes'],
    ]);
    expect(await page.$$eval('h2', (headings) => headings.map((heading) => heading.textContent?.trim()))).toEqual(['Critères d’obtention', 'Compétences et référentiels', 'Titulaires récents', 'Badge et données']);
    expect(await text(page, '.earners li')).toBe('Amélie Tremblay 1er septembre 2026');
    expect(await page.getAttribute('.achievement-hero img', 'alt')).toBe('Badge Travail en équipe');
    await page.context().close();
  });

  it('writes the home page’s catalogue in French, counting with the language’s plurals', async () => {
    const page = await open('/');
    expect(await page.title()).toBe(`${ISSUER}${NARROW_NBSP}: attestations`);
    expect(await text(page, '.hero .eyebrow')).toBe('Attestations vérifiables');
    // The revoked award is not counted as issued; the suspended one is.
    expect(await page.$$eval('.stats li', (items) => items.map((item) => item.textContent?.replace(/\s+/g, ' ').trim()))).toEqual(['1 certification', '2 attestations délivrées']);
    expect(await text(page, '#catalogue')).toBe('Certifications');
    expect(await text(page, '.catalogue-group p')).toBe('Parcours de 1 certification');
    expect(await text(page, '.card .eyebrow')).toBe('Micro-certification');
    expect(await page.$$eval('.card-foot span', (spans) => spans.map((span) => span.textContent))).toEqual(['2 titulaires', 'Voir →']);
    await page.context().close();
  });

  it('searches in French: its form, its counts, and a certificate found by its learner', async () => {
    const page = await open('/');
    expect(await text(page, 'label[for="search-input"]')).toBe('Rechercher des certifications, des compétences et des attestations');
    expect(await page.$$eval('.search-filters select option:first-child', (options) => options.map((option) => option.textContent))).toEqual(['Toutes les compétences', 'Toutes les certifications', 'Toutes les années']);
    await page.fill('#search-input', 'Amélie');
    await page.press('#search-input', 'Enter');
    await page.waitForFunction(() => /résultat/.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    const results = await page.$$eval('.search-results li', (items) => items.map((item) => [item.querySelector('a')?.textContent, item.querySelector('.search-kind')?.textContent, item.querySelector('.search-excerpt')?.textContent]));
    expect(await text(page, '.search-status')).toBe(`${results.length} ${results.length === 1 ? 'résultat' : 'résultats'}.`);
    const certificate = results.find(([title]) => title === 'Amélie Tremblay · Travail en équipe');
    expect(certificate?.[1]).toBe('Attestation');
    expect(certificate?.[2]).toContain('a obtenu Travail en équipe le 1er septembre 2026');
    await page.fill('#search-input', 'zzzqqq');
    await page.press('#search-input', 'Enter');
    await page.waitForFunction(() => /Aucun résultat/.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    expect(await text(page, '.search-status')).toBe('Aucun résultat. Essayez un autre mot ou moins de filtres, ou parcourez toutes les certifications.');
    await page.context().close();
  });

  it('says in French when a credential has expired since the page was built', async () => {
    const page = await open(`/credentials/${AMELIE}/`, { time: new Date('2028-06-01T00:00:00Z') });
    await page.waitForSelector('.status[data-status="expired"]');
    expect(await text(page, '.status-label')).toBe('Expirée');
    expect(await text(page, '.status-sentence')).toBe('Cette attestation a expiré le 1er mars 2028.');
    await page.context().close();
  });

  it('states a revocation and a suspension in French, with the reason the award publishes', async () => {
    const revoked = await open(`/credentials/${REVOKED}/`);
    expect(await text(revoked, '.withdrawn-banner')).toBe(`Cette attestation est révoquée. Elle n’est pas valide${NARROW_NBSP}: ne vous y fiez pas. Les détails figurent ci-dessous.`);
    expect(await text(revoked, '.status-label')).toBe('Révoquée');
    expect(await text(revoked, '.status p')).toBe(`RévoquéeCette attestation a été révoquée le 1er mai 2026 par son émetteur. Elle n’est plus valide. Motif indiqué par l’émetteur${NARROW_NBSP}: Attestation délivrée par erreur.`);
    expect(await revoked.title()).toMatch(/^Révoquée\u202F: Benoît Gagnon/);
    await revoked.context().close();

    const suspended = await open(`/credentials/${SUSPENDED}/`);
    expect(await text(suspended, '.status-label')).toBe('Suspendue');
    expect(await text(suspended, '.status-sentence')).toContain('suspendue par son émetteur depuis le 1er octobre 2026');
    expect(await text(suspended, '.actions .note')).toBe('Le partage est désactivé tant que cette attestation est suspendue. Tout vérificateur peut encore contrôler l’attestation signée et voir son statut.');
    await suspended.context().close();
  });

  it('leaves no sentence of the English catalog on its certificate, achievement, home and "How to verify" pages, and passes axe', async () => {
    const phrases = englishPagePhrases();
    expect(phrases.length).toBeGreaterThan(40);
    const pages = [...[AMELIE, REVOKED, SUSPENDED].map((id) => `/credentials/${id}/`), '/achievements/travail-equipe/', '/', `/wallet/?credential=${AMELIE}`, '/verify/how/'];
    for (const [pathname, javaScriptEnabled] of pages.flatMap((pathname) => [[pathname, false], [pathname, true]] as const)) {
      const id = pathname;
      const page = await open(pathname, { javaScriptEnabled });
      // With JavaScript, once the page's elements have made their buttons.
      if (javaScriptEnabled && id.startsWith('/credentials/') && id.includes(AMELIE)) await page.waitForSelector('laurel-wallet button');
      if (javaScriptEnabled && id.startsWith('/wallet/')) await page.waitForSelector('laurel-browser-wallet button');
      if (javaScriptEnabled && id.startsWith('/credentials/')) await page.waitForSelector('laurel-verifier button');
      const shown = await page.evaluate(() => {
        return [document.title, document.body.innerText, ...[...document.querySelectorAll('[alt], [aria-label], meta[content]')].map((element) => element.getAttribute('alt') ?? element.getAttribute('aria-label') ?? element.getAttribute('content') ?? '')].join('\n');
      });
      const noscript = await page.$$eval('noscript', (elements) => elements.map((element) => element.textContent ?? '').join('\n'));
      for (const phrase of phrases) expect(`${shown}\n${noscript}`, `${id}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}: "${phrase}"`).not.toContain(phrase);
      await page.context().close();
    }
    for (const pathname of pages) {
      const page = await open(pathname);
      expect(await axeViolations(page), pathname).toEqual([]);
      await page.context().close();
    }
  });
});

describe('the French verifier', () => {
  // An English-speaking issuer's credential: the academy fixture's, valid and listed.
  const academy = inject('sites').academy;
  const ENGLISH_CREDENTIAL = `${academy.siteUrl}credentials/1a521cf3-550f-4750-b1e0-ba0987d85b45.json`;

  it('verifies an English credential in French, its work too, and passes axe', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    // The English issuer's site, answered from its dist/ as if it were published.
    await routeSiteUrl(context, academy.siteUrl, academy.dist);
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT.timeout);
    await page.goto(`${site.origin}/verify/`, { waitUntil: 'load' });
    expect(await page.getAttribute('html', 'lang')).toBe('fr-CA');
    expect(await page.$$eval('[data-checklist] .lv-state', (states) => [...new Set(states.map((state) => state.textContent))])).toEqual(['En attente']);
    await page.fill('form[data-input="url"] input', ENGLISH_CREDENTIAL);
    await page.click('form[data-input="url"] button[type="submit"]');
    expect(await verdict(page)).toBe('verified');
    expect((await text(page, '[data-verdict]'))?.replace(/^\W+/u, '')).toBe('Vérifiée');
    expect(await text(page, '[data-verdict-detail]')).toContain('Tous les contrôles ont réussi');
    await page.click('button[data-action="show-work"]');
    // Passed, or not checked where the English site publishes nothing to check (no log, say).
    const done = await page.$$eval('[data-checklist] [data-check] .lv-state', (states) => states.map((state) => state.textContent ?? ''));
    expect(done).toContain('Réussi');
    expect(done.filter((state) => state !== 'Réussi' && state !== 'Non contrôlé')).toEqual([]);
    // The credential's own words are English (its achievement, its issuer); none of the verifier's.
    const shown = await page.evaluate(() => document.querySelector('laurel-verifier')?.textContent ?? '');
    const phrases = englishVerifierPhrases();
    expect(phrases.length).toBeGreaterThan(60);
    for (const phrase of phrases) expect(shown, phrase).not.toContain(phrase);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('says in French why it could not fetch an address', async () => {
    const context = await site.browser.newContext();
    await routeSiteUrl(context, academy.siteUrl, academy.dist);
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT.timeout);
    await page.goto(`${site.origin}/verify/`, { waitUntil: 'load' });
    await page.fill('form[data-input="url"] input', `${academy.siteUrl}credentials/not-published.json`);
    await page.click('form[data-input="url"] button[type="submit"]');
    expect(await verdict(page)).toBe('failed');
    expect(await text(page, 'laurel-verifier [data-verification-status]')).toContain('le serveur a répondu HTTP 404');
    await context.close();
  });
});

describe('a site in French and in English', () => {
  const SITE_URL = inject('sites').francais.siteUrl;
  /** Every page of the built site, relative to it ('' for the home page), but the search bundle's. */
  async function builtPages(): Promise<string[]> {
    const files = await readdir(dist, { recursive: true });
    return files.filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind')).map((file) => file.split(path.sep).join('/').replace(/index\.html$/, ''));
  }
  const head = (html: string) => ({
    lang: /<html lang="([^"]+)"/.exec(html)?.[1],
    alternates: [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map(([, language, href]) => [language, href]),
  });

  it('publishes every page in both languages, each naming itself and the other as its alternates', async () => {
    const pages = await builtPages();
    const french = pages.filter((page) => !page.startsWith('en/'));
    expect(french.length).toBeGreaterThanOrEqual(8);
    expect(pages.filter((page) => page.startsWith('en/')).sort()).toEqual(french.map((page) => `en/${page}`).sort());
    for (const page of french) {
      const frenchPage = head(await readFile(path.join(dist, page, 'index.html'), 'utf8'));
      const englishPage = head(await readFile(path.join(dist, 'en', page, 'index.html'), 'utf8'));
      expect([frenchPage.lang, englishPage.lang], page).toEqual(['fr-CA', 'en']);
      const alternates = [['fr-CA', `${SITE_URL}${page}`], ['en', `${SITE_URL}en/${page}`], ['x-default', `${SITE_URL}${page}`]];
      expect(frenchPage.alternates, page).toEqual(alternates);
      expect(englishPage.alternates, page).toEqual(alternates);
    }
  });

  it('offers the browser wallet in French', async () => {
    const page = await open(`/wallet/?credential=${AMELIE}`);
    expect(await page.title()).toBe('Enregistrer dans un portefeuille de navigateur');
    await page.waitForSelector('laurel-browser-wallet button');
    expect(await text(page, 'laurel-browser-wallet button')).toBe('Choisir un portefeuille de navigateur');
    expect(await text(page, '.browser-wallet-status')).toMatch(/^Prêt\. Le bouton ouvre .+, où vous choisissez votre portefeuille\.$/);
    expect(await text(page, '.browser-wallet-credential')).toBe(`Amélie Tremblay${NARROW_NBSP}: Travail en équipe`);
    await page.context().close();
    const unknown = await open('/wallet/?credential=not-an-id!');
    await unknown.waitForFunction(() => document.querySelector('.browser-wallet-status')?.getAttribute('data-state') === 'failed');
    expect(await text(unknown, '.browser-wallet-status')).toContain('n’est pas l’identifiant d’une attestation');
    await unknown.context().close();
  });

  it('switches language on the same page, and back', async () => {
    for (const pathname of [`/credentials/${AMELIE}/`, '/achievements/travail-equipe/', '/verify/', '/']) {
      const page = await open(pathname);
      const switchLink = page.locator('nav.language-switch a');
      expect(await switchLink.count()).toBe(1);
      expect(await switchLink.getAttribute('lang')).toBe('en');
      await switchLink.click();
      await page.waitForURL(`${site.origin}/en${pathname}`);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await text(page, 'nav.language-switch [aria-current="true"]')).toBe('English');
      await page.locator('nav.language-switch a').click();
      await page.waitForURL(`${site.origin}${pathname}`);
      expect(await page.getAttribute('html', 'lang')).toBe('fr-CA');
      await page.context().close();
    }
  });

  it('writes the English pages in English, linking to English pages, and they pass axe', async () => {
    const certificate = await open(`/en/credentials/${AMELIE}/`);
    // The achievement's English translation (travail-equipe.en.md), its name and result's.
    expect(await text(certificate, 'h1')).toBe('Amélie Tremblay has earned Teamwork');
    expect(await certificate.getAttribute('.achievement-name', 'lang')).toBeNull();
    expect(await certificate.$$eval('.facts dt', (terms) => terms.map((term) => term.textContent))).toContain('Final grade');
    expect(await certificate.getAttribute('a.brand', 'href')).toBe('/en/');
    expect(await certificate.getAttribute('link[rel="canonical"]', 'href')).toBe(`${SITE_URL}en/credentials/${AMELIE}/`);
    const links = await certificate.$$eval('main a[href^="/"]', (anchors) => anchors.map((anchor) => anchor.getAttribute('href')!));
    // Pages in English; the documents (JSON, images) have one address in every language.
    for (const link of links) expect(link.startsWith('/en/') || /\.(json|png|svg)$/.test(link.split('?')[0]!), link).toBe(true);
    await certificate.context().close();
    // "How to verify" in English, sending its readers to the English verifier.
    const how = await open('/en/verify/how/');
    expect(await how.getAttribute('html', 'lang')).toBe('en');
    expect(await text(how, 'h1')).toBe('How to verify without Laurel');
    const verifierLinks = await how.$$eval('article.how a[href*="verify/"]', (anchors) => [...new Set(anchors.map((anchor) => anchor.getAttribute('href')!.split('#')[0]))]);
    expect(verifierLinks.length).toBeGreaterThan(0);
    for (const link of verifierLinks) expect(link).toMatch(/^\/en\/verify\//);
    await how.context().close();
    for (const pathname of [`/en/credentials/${AMELIE}/`, `/en/credentials/${REVOKED}/`, '/en/achievements/travail-equipe/', '/en/', '/en/verify/', '/en/verify/how/']) {
      const page = await open(pathname);
      expect(await axeViolations(page), pathname).toEqual([]);
      await page.context().close();
    }
  });

  it("shows the achievement's English translation on its English page, and links to its English Achievement", async () => {
    const page = await open('/en/achievements/travail-equipe/');
    expect(await text(page, 'h1')).toBe('Teamwork');
    expect(await page.getAttribute('h1', 'lang')).toBeNull();
    expect(await text(page, '.lead')).toBe('Works effectively as a member of a group.');
    expect(await text(page, '#criteria + .prose')).toBe('Nominated by peers and confirmed by a tutor.');
    expect(await page.locator('a[href="/achievements/travail-equipe.en.json"]').count()).toBe(1);
    await page.context().close();
    const french = await open('/achievements/travail-equipe/');
    expect(await text(french, 'h1')).toBe('Travail en équipe');
    expect(await french.locator('a[href="/achievements/travail-equipe.json"]').count()).toBe(1);
    await french.context().close();
  });

  it('searches each language in its own words', async () => {
    const page = await open('/en/');
    expect(await text(page, 'label[for="search-input"]')).toBe(en.searchLabel);
    await page.fill('#search-input', 'Amélie');
    await page.press('#search-input', 'Enter');
    await page.waitForFunction(() => /result/.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    const results = await page.$$eval('.search-results li', (items) => items.map((item) => [item.querySelector('a')?.getAttribute('href'), item.querySelector('.search-kind')?.textContent, item.querySelector('.search-excerpt')?.textContent]));
    const certificate = results.find(([href]) => href?.includes(AMELIE));
    expect(certificate?.[0]).toBe(`/en/credentials/${AMELIE}/`);
    expect(certificate?.[1]).toBe('Certificate');
    expect(certificate?.[2]).toContain('earned Teamwork on 1 September 2026');
    // Nothing of the French pages is found from the English ones.
    expect(results.filter(([href]) => !href?.startsWith('/en/'))).toEqual([]);
    await page.context().close();
  });
});

describe('the "How to verify" page of a French-speaking site', () => {
  const page = (siteDist: string) => readFile(path.join(siteDist, 'verify', 'how', 'index.html'), 'utf8');
  // The page's own text, without the layout's header and footer.
  const article = (html: string) => /<article class="how"[^>]*>([^]*)<\/article>/.exec(html)![1]!;
  const decode = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const textOf = (html: string) => decode(html.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
  const all = (html: string, element: string) => [...html.matchAll(new RegExp(`<${element}[^>]*>([^]*?)</${element}>`, 'g'))].map(([, inner]) => inner!);
  // The comments are in the page's language; what runs is not. Each site names its own host.
  const commands = (html: string, url: string) =>
    all(html, 'pre').map((block) => decode(block).replace(/(^|[ \t]+)# .*$/gm, '').replaceAll(new URL(url).host, '<host>'));
  const comments = (html: string) => all(html, 'pre').flatMap((block) => [...decode(block).matchAll(/(?:^|[ \t])# (.*)$/gm)].map(([, comment]) => comment!));
  const externalLinks = (html: string, url: string) => [...new Set([...html.matchAll(/<a href="(https?:[^"]+)"/g)].map(([, href]) => href!).filter((href) => !href.startsWith(url)))].sort();

  it('is in French, with the English page’s commands and references and none of its paragraphs', async () => {
    const [frenchHtml, englishHtml] = await Promise.all([page(dist), page(english.dist)]);
    expect(frenchHtml).toContain('<html lang="fr-CA">');
    expect(/<title>([^<]*)<\/title>/.exec(frenchHtml)?.[1]).toBe('Vérifier une attestation sans Laurel');
    const [french, englishPage] = [article(frenchHtml), article(englishHtml)];
    expect(all(french, 'h1').map(textOf)).toEqual(['Vérifier une attestation sans Laurel']);
    expect(all(french, 'h2').map(textOf)).toEqual([
      '0. Obtenir l’attestation',
      '1. Format',
      '2. Des termes connus uniquement',
      '3. Règles Open Badges',
      '4. La clé de l’émetteur',
      '5. La signature',
      '6. Révocation et suspension',
      '7. Journal public',
      '8. Dates de validité',
      '9. Titulaire',
      'Dossiers de vérification',
      'Le résultat',
    ]);
    const frenchCommands = commands(french, siteUrl);
    expect(frenchCommands.length).toBeGreaterThanOrEqual(7);
    expect(frenchCommands).toEqual(commands(englishPage, english.siteUrl));
    // Their comments are French: only what OpenSSL prints is the same.
    const englishComments = new Set(comments(englishPage));
    expect(comments(french).filter((comment) => englishComments.has(comment))).toEqual(['→ Signature Verified Successfully']);
    expect(externalLinks(french, siteUrl).length).toBeGreaterThan(15);
    expect(externalLinks(french, siteUrl)).toEqual(externalLinks(englishPage, english.siteUrl));
    const paragraphs = all(englishPage, 'p').map(textOf);
    expect(paragraphs.length).toBeGreaterThan(20);
    const frenchText = textOf(french);
    for (const paragraph of paragraphs) expect(frenchText, paragraph).not.toContain(paragraph);
  });
});
