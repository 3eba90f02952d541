/**
 * The verifier in French: every sentence the English catalog has, said in French, with every
 * value it is given.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckCode, CheckParams } from '../../../src/core/verify/check.ts';
import type { FormatProblem } from '../../../src/core/verify/format.ts';
import type { UnreadableCode } from '../../../src/core/verify/input.ts';
import { verifierMessagesFor } from '../../../src/core/verify/languages.ts';
import type { LogProblem } from '../../../src/core/verify/log.ts';
import { describeCheck, describeVerdict, english, type VerifierMessages } from '../../../src/core/verify/messages.ts';
import { french } from '../../../src/core/verify/messages-fr.ts';
import type { StatusProblem } from '../../../src/core/verify/status.ts';
import { verifyCredential, withRecipient, type VerifyDeps } from '../../../src/core/verify/verify.ts';
import { validateAchievementCredential } from '../../helpers/ob-schema.ts';
import { buildSite, EMAIL, memoryFetch, NOW, sign, unsignedCredential } from '../../helpers/verify-site.ts';

// Mid-day UTC, so the reader's time zone cannot move the day.
const LOGGED = '2028-03-01T12:00:00Z';
const SAVED = '2028-04-17T12:00:00Z';
const EXPIRES = '2029-06-05T12:00:00Z';
const CREATED = '2027-11-23T12:00:00Z';

const LIST = 'https://registrariat.univ-exemple.fr/status/3';
const DID = 'did:web:registrariat.univ-exemple.fr';

const UNREADABLE: Record<UnreadableCode, CheckParams> = {
  'too-large': { limit: 1048576 },
  'image-too-large': { limit: 8388608 },
  'compressed-too-large': { limit: 1048576 },
  'too-deep': { limit: 64 },
  'too-many-values': { limit: 100000 },
  'not-json-number': {},
  'not-json-value': {},
  'not-object': {},
  'not-text': {},
  'invalid-json': { reason: 'Unexpected token ⟨R1⟩' },
  empty: {},
  'png-without-credential': {},
  'svg-without-credential': {},
  'not-a-credential-file': {},
  'vc-jwt': {},
  'web-page': { url: 'https://univ-exemple.fr/badges/ada' },
  'fetch-failed': { url: 'https://univ-exemple.fr/badges/ada.json', reason: '⟨R2⟩' },
  'bad-bundle': { problem: '⟨P1⟩' },
};

const FORMAT_PROBLEMS: Record<FormatProblem, CheckParams> = {
  'context-not-list': {},
  'first-context': { expected: 'https://www.w3.org/ns/credentials/v2' },
  'second-context': {},
  'context-entry': {},
  'type-vc': {},
  'type-open-badge': {},
  'type-status-list': {},
  'no-id': {},
  'no-issuer': {},
  'subjects-not-objects': {},
  'no-issuance-date': {},
  'subject-not-object': {},
  'no-valid-from': {},
  'subject-unidentified': {},
  'subject-not-status-list': {},
  'no-encoded-list': {},
  'no-status-purpose': {},
  'clr-context': {},
  'endorsement-subject': {},
  'clr-subject': {},
};

const STATUS_PROBLEMS: Record<StatusProblem, CheckParams> = {
  'entry-not-object': {},
  'no-purpose': {},
  'no-list-url': {},
  'bad-index': {},
  'bad-size': {},
  'unsupported-method': { method: 'ExempleStatusEntry' },
  'list-unreachable': { url: LIST, reason: '⟨R3⟩' },
  'list-unreadable': { url: LIST, unreadable: 'invalid-json', unreadableParams: { reason: '⟨R4⟩' } },
  'list-unverified': { url: LIST, check: { id: 'proof', code: 'proof.unknown-context', params: { url: 'https://contexts.exemple.fr/v9' } } },
  'list-out-of-date': { url: LIST },
  'list-without-subject': { url: LIST },
  'list-not-expandable': { url: LIST, reason: '⟨R5⟩' },
  'list-other-issuer': { purpose: 'revocation', url: LIST, listIssuer: 'did:web:autre.exemple.org', issuer: DID },
  'list-other-method': { url: LIST, method: 'BitstringStatusListEntry', listType: 'RevocationList' },
  'wrong-purpose': { purpose: 'suspension', listPurposes: 'revocation, message' },
  'list-too-short': { entries: 8192, minimum: 131072 },
  'index-out-of-range': { index: 987654 },
  'unknown-purpose': { purpose: 'refresh', value: 3 },
  'revocation-list-url': {},
  'revocation-list-unreachable': { url: 'https://univ-exemple.fr/revocations.json', reason: '⟨R6⟩' },
  'revocation-list-malformed': { url: 'https://univ-exemple.fr/revocations.json' },
  'announcement-broken': {},
};

const LOG_PROBLEMS: Record<LogProblem, CheckParams> = {
  'announcement-broken': {},
  'no-fetcher': {},
  'checkpoint-unreachable': { url: 'https://univ-exemple.fr/log/checkpoint', reason: '⟨R7⟩' },
  'index-unreachable': { url: 'https://univ-exemple.fr/log/index/ab', reason: '⟨R8⟩' },
  'index-unreadable': { url: 'https://univ-exemple.fr/log/index/cd' },
  'too-many-entries': { count: 4242 },
  'file-unreachable': { url: 'https://univ-exemple.fr/log/tile/0/000', reason: '⟨R9⟩' },
};

const events = [
  { index: 11, event: 'issued', date: LOGGED, logged: LOGGED },
  { index: 12, event: 'revoked', date: SAVED, logged: SAVED },
];
const anchored = { state: 'anchored', size: 5150, height: 881234, time: EXPIRES, blockHash: '00000000000000000001c0ffee' };

const SUMMARIES: Record<CheckCode, CheckParams> = {
  'format.open-badge': {},
  'format.endorsement': {},
  'format.clr': {},
  'format.status-list': {},
  'format.not-open-badge': { types: ['ExempleCredential'] },
  'format.malformed': { kind: 'open-badge', problem: 'first-context', problemParams: FORMAT_PROBLEMS['first-context'] },
  'format.unreadable': { unreadable: 'fetch-failed', unreadableParams: UNREADABLE['fetch-failed'] },
  'contexts.known': {},
  'contexts.missing': {},
  'contexts.invalid-entry': {},
  'contexts.unknown': { url: 'https://contexts.exemple.fr/v7' },
  'schema.valid': {},
  'schema.invalid': { error: '/credentialSubject must have required property ⟨S1⟩' },
  'schema.not-open-badge': {},
  'schema.no-validator': {},
  'schema.version-1': {},
  'schema.checker-error': {},
  'schema.clr': {},
  'issuer-key.published': { where: 'https://registrariat.univ-exemple.fr/.well-known/did.json', historySince: CREATED },
  'issuer-key.did-key': {},
  'issuer-key.not-found': { reason: 'the DID document ⟨R10⟩ has no such key' },
  'issuer-key.wrong-controller': { controller: 'did:web:faussaire.exemple.org', issuer: DID },
  'issuer-key.other-controller': { controller: 'did:key:z6MkExemple', issuer: DID },
  'issuer-key.history-problem': { where: 'https://registrariat.univ-exemple.fr/.well-known/did.json', reason: 'version 3 ⟨R11⟩' },
  'issuer-key.withdrawn': {},
  'issuer-key.expired': { expires: EXPIRES },
  'issuer-key.no-proof': {},
  'issuer-key.recorded': { savedAt: SAVED, where: 'https://registrariat.univ-exemple.fr/.well-known/did.json' },
  'proof.valid': {},
  'proof.bad-signature': {},
  'proof.malformed': { reason: 'proofValue ⟨R12⟩ is not base58btc.' },
  'proof.unknown-context': { url: 'https://contexts.exemple.fr/v8' },
  'proof.undefined-term': { term: 'mentionHonorifique' },
  'proof.not-linked-data': {},
  'proof.unsigned': {},
  'proof.wrong-purpose': { purpose: 'authentication' },
  'proof.unsupported': { kind: 'ecdsa-sd-2023' },
  'proof.expired': {},
  'proof.after-key-expired': { created: CREATED, expires: EXPIRES },
  'proof.created-in-future': { created: CREATED },
  'proof.contexts-unknown': {},
  'proof.no-key': {},
  'status.none': {},
  'status.clear': { what: 'revoked or suspended', lists: 2, warnings: ['index-not-string'] },
  'status.revoked': {},
  'status.suspended': {},
  'status.unknown': { problem: 'list-unreachable', problemParams: STATUS_PROBLEMS['list-unreachable'] },
  'status.not-authentic': {},
  'status.recorded': { savedAt: SAVED, what: 'revoked', lists: 1 },
  'log.logged': { loggedOn: LOGGED, events, supersededOn: SAVED, anchor: anchored, savedAt: EXPIRES },
  'log.withdrawn': { events, anchor: { state: 'pending' } },
  'log.anchor-invalid': { loggedOn: LOGGED, events, anchor: { state: 'invalid', problem: 'header-mismatch' } },
  'log.none': {},
  'log.missing': {},
  'log.not-logged': { prefix: 'https://univ-exemple.fr/log/', events },
  'log.checkpoint-not-signed': {},
  'log.inconsistent': { index: 31337 },
  'log.unknown': { problem: 'checkpoint-unreachable', problemParams: LOG_PROBLEMS['checkpoint-unreachable'] },
  'log.not-authentic': {},
  'validity.until': { until: EXPIRES },
  'validity.no-expiry': { from: LOGGED },
  'validity.no-dates': {},
  'validity.expired': { until: EXPIRES },
  'validity.not-yet': { from: LOGGED },
  'validity.bad-start': { field: 'validFrom' },
  'validity.bad-end': { field: 'validUntil' },
  'validity.ends-before-starts': {},
  'validity.no-clock': {},
  'validity.not-authentic': {},
  'recipient.match': {},
  'recipient.mismatch': {},
  'recipient.no-email-identifier': {},
  'recipient.no-email-given': {},
  'recipient.not-authentic': {},
  'internal-error': {},
  'skipped.unreadable': {},
  'skipped.internal-error': {},
};

/** Parameters that name a code or a count, not a value the sentence shows: each catalog words them its own way. */
const CODE_KEYS = new Set(['unreadable', 'kind', 'what', 'state', 'event', 'id', 'code', 'warnings', 'lists', 'prefix']);

/**
 * Every value a sentence must show, a date as the catalog writes it. `problem` is a code in a
 * summary and in a Bitcoin timestamp, but the text of a bundle's problem in a clause; a log
 * event's own index is not said.
 */
function shown(params: unknown, messages: VerifierMessages, inSummary: boolean, parent = ''): string[] {
  if (typeof params === 'string') return [/^\d{4}-\d{2}-\d{2}T/.test(params) ? messages.date(params) : params];
  if (typeof params === 'number') return [String(params)];
  if (Array.isArray(params)) return params.flatMap((item) => shown(item, messages, inSummary, parent));
  if (typeof params !== 'object' || params === null) return [];
  return Object.entries(params).flatMap(([name, value]) => {
    const isCode = CODE_KEYS.has(name) || (name === 'problem' && (inSummary || parent === 'anchor')) || (name === 'index' && parent === 'events');
    return isCode ? [] : shown(value, messages, false, name);
  });
}

/** Sizes said in words only: 8 MB, 8 Mo. */
const IN_WORDS: Readonly<Record<string, readonly [english: string, french: string]>> = {
  'unreadable image-too-large': ['8 MB', '8 Mo'],
  'unreadable compressed-too-large': ['1 MB', '1 Mo'],
};
const values = (code: string, params: CheckParams, messages: VerifierMessages): string[] =>
  IN_WORDS[code] ? [IN_WORDS[code][messages === french ? 1 : 0]] : shown(params, messages, !code.includes(' '));

/** Each entry of a catalog, said with its sample parameters. */
function said(messages: VerifierMessages): Array<[string, string, CheckParams]> {
  return [
    ...Object.entries(SUMMARIES).map(([code, params]): [string, string, CheckParams] => [code, messages.summary(code as CheckCode, params), params]),
    ...Object.entries(UNREADABLE).map(([code, params]): [string, string, CheckParams] => [`unreadable ${code}`, messages.unreadable(code as UnreadableCode, params), params]),
    ...Object.entries(FORMAT_PROBLEMS).map(([code, params]): [string, string, CheckParams] => [`format ${code}`, messages.formatProblem(code as FormatProblem, params), params]),
    ...Object.entries(STATUS_PROBLEMS).map(([code, params]): [string, string, CheckParams] => [`status ${code}`, messages.statusProblem(code as StatusProblem, params), params]),
    ...Object.entries(LOG_PROBLEMS).map(([code, params]): [string, string, CheckParams] => [`log ${code}`, messages.logProblem(code as LogProblem, params), params]),
  ];
}

describe('the French verifier', () => {
  const inEnglish = said(english);
  const inFrench = said(french);

  it('says every sentence of the English one in its own words, with every value it is given', () => {
    expect(inFrench.map(([code]) => code)).toEqual(inEnglish.map(([code]) => code));
    const englishSentences = inEnglish.map(([, sentence]) => sentence);
    for (const [index, [code, sentence, params]] of inFrench.entries()) {
      expect(sentence.trim(), code).not.toBe('');
      expect(sentence, code).not.toBe(inEnglish[index]![1]);
      for (const value of values(code, params, french)) expect(sentence, `${code}: ${value}`).toContain(value);
      for (const english of englishSentences) expect(sentence.includes(english), `${code} holds "${english}"`).toBe(false);
    }
  });

  it('shows the sample values in English too, so the samples test what they claim', () => {
    for (const [code, sentence, params] of inEnglish) for (const value of values(code, params, english)) expect(sentence, `${code}: ${value}`).toContain(value);
  });

  it('words the nested clauses, the log history and the Bitcoin timestamp in French', () => {
    expect(french.summary('status.clear', SUMMARIES['status.clear'])).toBe(
      'Les listes de statut de l’émetteur indiquent que cette attestation n’a été ni révoquée ni suspendue. Remarque\u202F: son statusListIndex est écrit sous forme de nombre, et non de chaîne de caractères comme l’exige la norme, et a été lu comme ce nombre.',
    );
    expect(french.summary('status.clear', { what: 'revoked', lists: 1 })).toBe('La liste de statut de l’émetteur indique que cette attestation n’a pas été révoquée.');
    const logged = french.summary('log.logged', SUMMARIES['log.logged']);
    expect(logged).toContain('délivrée le 1er mars 2028, révoquée le 17 avril 2028');
    expect(logged).toContain('dans le bloc 881234');
    expect(french.summary('log.anchor-invalid', SUMMARIES['log.anchor-invalid'])).toContain('l’en-tête du bloc ne correspond pas à la preuve');
    expect(french.unreadable('too-large', { limit: 1048576 })).toBe('le contenu dépasse 1 Mo (1048576 octets), le maximum que lit ce vérificateur');
    expect(french.summary('format.malformed', SUMMARIES['format.malformed'])).toBe(
      'Ce document n’est pas une attestation Open Badges 3.0 bien formée\u202F: le premier @context doit être https://www.w3.org/ns/credentials/v2.',
    );
  });

  it('has a title, a question and a verdict of its own for every check and outcome', () => {
    expect(Object.keys(french.titles)).toEqual(Object.keys(english.titles));
    expect(Object.keys(french.questions)).toEqual(Object.keys(english.questions));
    expect(Object.keys(french.verdicts)).toEqual(Object.keys(english.verdicts));
    for (const [id, question] of Object.entries(french.questions)) expect(question, id).not.toBe(english.questions[id as keyof typeof english.questions]);
    for (const [status, verdict] of Object.entries(french.verdicts)) expect(verdict, status).not.toBe(english.verdicts[status as keyof typeof english.verdicts]);
    // Titles are plain words, as in English ("Signature" is spelt the same).
    for (const title of Object.values(french.titles)) expect(title).not.toMatch(/vocabulaire JSON-LD|eddsa|rdfc|jcs|schema|did:/i);
  });

  it('names the issuer and what a verification bundle was used for', () => {
    expect(french.issuedBy({ name: 'Université d’Exemple', keyHost: 'univ-exemple.fr' })).toBe('Délivrée par Université d’Exemple, dont la clé est publiée par univ-exemple.fr.');
    expect(french.issuedBy({ id: 'did:key:z6Mk', selfContained: true })).toContain('did:key:z6Mk');
    expect(french.issuedBy({})).toBe('Délivrée par un émetteur sans nom.');
    expect(french.bundleUse({ savedAt: SAVED, files: 4, recorded: [] })).toBe(
      'Ce dossier de vérification a été enregistré le 17 avril 2028. Il a été contrôlé au regard des fichiers actuels de l’émetteur\u202F; aucun de ses 4 fichiers enregistrés n’a été nécessaire.',
    );
    expect(french.bundleUse({ savedAt: SAVED, files: 4, recorded: [LIST] })).toContain('1 de ses 4 fichiers enregistrés a remplacé celui de l’émetteur');
    expect(french.bundleUse({ savedAt: SAVED, files: 4, recorded: [LIST, DID] })).toContain('2 de ses 4 fichiers enregistrés ont remplacé ceux de l’émetteur');
  });

  it('sets a narrow no-break space before ; : ? ! and inside « »', () => {
    const sentences = [...inFrench.map(([, sentence]) => sentence), ...Object.values(french.questions), ...Object.values(french.verdicts)];
    for (const sentence of sentences) {
      // Punctuation is followed by a space; the colons of URLs and did: identifiers are not.
      expect(sentence, sentence).not.toMatch(/(?:^|[^\u202F])[;:?!](?=\s|$)/);
      expect(sentence, sentence).not.toMatch(/«(?!\u202F)|(?<!\u202F)»/);
      expect(sentence, sentence).not.toContain("'");
    }
  });

  it('writes dates in French, the first of a month « 1er », in the reader’s time zone', () => {
    expect(french.date('2028-03-01T12:00:00Z')).toBe('1er mars 2028');
    expect(french.date('2028-03-14T12:00:00Z')).toBe('14 mars 2028');
    expect(french.summary('validity.until', { until: '2028-03-01T12:00:00Z' })).toBe('Cette attestation est valide jusqu’au 1er mars 2028.');
    expect(french.date('not a date')).toBe('not a date');
    // English keeps the reader's own locale.
    expect(english.date('2028-03-14T12:00:00Z')).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date('2028-03-14T12:00:00Z')));
  });
});

describe('verifierMessagesFor', () => {
  it('reads French for any French tag, and English for any other language', () => {
    expect(verifierMessagesFor('fr')).toBe(french);
    expect(verifierMessagesFor('fr-CA')).toBe(french);
    expect(verifierMessagesFor('FR-be')).toBe(french);
    expect(verifierMessagesFor('en')).toBe(english);
    expect(verifierMessagesFor('de')).toBe(english);
    expect(verifierMessagesFor('')).toBe(english);
  });
});

describe('a Laurel credential verified in French', () => {
  let site: Map<string, unknown>;
  let credential: Record<string, unknown>;
  const deps = (overrides: Partial<VerifyDeps> = {}): VerifyDeps => ({ now: NOW, fetchJson: memoryFetch(site), validateSchema: validateAchievementCredential, messages: french, ...overrides });

  beforeAll(async () => {
    site = await buildSite();
    credential = await sign(unsignedCredential('ada', { validUntil: '2028-03-01T12:00:00Z' }));
  });

  it('reads « Vérifiée », with every check said in French', async () => {
    const report = await verifyCredential(credential, deps());
    expect(report.status).toBe('verified');
    expect(describeVerdict(report, french)).toEqual({ title: 'Vérifiée', issuer: 'Délivrée par Example Academy, dont la clé est publiée par badges.example.org.' });
    for (const check of report.checks) {
      expect(check).toEqual(describeCheck(check, french));
      expect(check.summary, check.code).not.toBe(english.summary(check.code, check.params ?? {}));
    }
    const summaries = Object.fromEntries(report.checks.map((check) => [check.id, check.summary]));
    expect(summaries).toMatchObject({
      proof: 'La signature est valide\u202F: rien n’a été modifié dans l’attestation depuis que l’émetteur l’a signée.',
      status: 'La liste de statut de l’émetteur indique que cette attestation n’a pas été révoquée.',
      validity: 'Cette attestation est valide jusqu’au 1er mars 2028.',
      recipient: 'Aucune adresse électronique n’a été indiquée\u202F: la personne titulaire n’a donc pas été contrôlée.',
    });
    const matched = withRecipient(report, EMAIL, french);
    expect(matched.checks.find((check) => check.id === 'recipient')?.summary).toBe('L’adresse électronique saisie correspond à celle de la personne titulaire de cette attestation.');
  });

  it('reads « Expirée » once past its end date, and says so in French', async () => {
    const report = await verifyCredential(credential, deps({ now: new Date('2028-06-01T12:00:00Z') }));
    expect(describeVerdict(report, french).title).toBe('Expirée');
    expect(report.checks.find((check) => check.id === 'validity')?.summary).toBe(
      'Cette attestation a expiré le 1er mars 2028\u202F: elle n’est plus en vigueur, même si sa signature peut être authentique.',
    );
  });

  it('says in French why what it was given is not a credential', async () => {
    const report = await verifyCredential('pas une attestation', deps());
    expect(describeVerdict(report, french).title).toBe('Non vérifiée');
    expect(report.checks[0]?.summary).toBe('Ce fichier ne peut pas être lu comme une attestation\u202F: le contenu n’est pas un objet JSON.');
    expect(report.checks[1]?.summary).toBe('Non contrôlé, car l’attestation n’a pas pu être lue.');
  });
});
