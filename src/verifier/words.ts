/**
 * The browser verifier's own words: its states, controls, notes and the labels of the work it
 * shows, in English and in French. The checks' sentences and the verdicts are the core's
 * (../core/verify/messages.ts), shared with the command line; a translation of the page is one
 * more object of this shape and one of those.
 */
import { interfaceLanguage } from '../core/locale/language.ts';
import type { CheckState } from '../core/verify/check.ts';
import type { VerifyInput } from './input.ts';
import type { LocalPreview } from './local-preview.ts';

export type RowState = CheckState | 'pending' | 'running';

export interface VerifierPageWords {
  /** A checklist row's state in words (its symbol and colour say it too). */
  readonly states: Readonly<Record<RowState, string>>;
  /** A certificate page's button. */
  readonly verify: string;
  readonly checks: string;
  readonly showWork: string;
  readonly howEach: string;
  /** A row's link to the how-to page. */
  readonly how: string;
  /** One check's work, folded. */
  readonly showTheWork: string;
  /** An empty list in the work. */
  readonly none: string;
  /** The verify page's result before anything is given. */
  readonly giveOne: string;
  readonly localPreview: (preview: LocalPreview) => string;
  /** The result while a run is under way. */
  readonly checking: (input: VerifyInput) => string;
  readonly saveBundle: string;
  readonly saveBundleNote: string;
  /** The result when the engine could not be loaded or threw. */
  readonly cannotStart: (error: unknown) => string;
  /** Why the browser could not fetch an address: it hides the reason from scripts. */
  readonly unreachable: string;
  readonly recipientLabel: string;
  readonly compare: string;
  readonly recipientNote: string;
  /** "Title: summary", a check in a sentence, with the language's colon. */
  readonly checkLine: (title: string, summary: string) => string;
  /** A check nested in another's work (a status list's): its title, state and summary. */
  readonly nestedCheckLine: (title: string, state: string, summary: string) => string;
  readonly everyCheckPassed: string;
  /** An expired credential; `authentic` when its signature holds. */
  readonly pastEndDate: (authentic: boolean) => string;
  readonly someNotChecked: string;
  readonly readBeforeRelying: string;
  readonly checkedIn: (milliseconds: number) => string;
  /** What the credential claims, as the page lists it. */
  readonly claims: {
    readonly heading: string;
    readonly note: string;
    readonly asRead: string;
    readonly credential: string;
    readonly achievement: string;
    readonly awardedTo: string;
    readonly issuedBy: string;
    readonly validFrom: string;
    readonly validUntil: string;
    readonly identifier: string;
  };
  /** Labels for the figures an expert needs to redo a step by hand; other keys show as they are. */
  readonly labels: Readonly<Record<string, string>>;
  /** Where a key came from, after its `source`. */
  readonly sources: Readonly<Record<string, string>>;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const englishWords: VerifierPageWords = {
  states: { passed: 'Passed', failed: 'Failed', warning: 'Warning', unknown: 'Could not check', skipped: 'Not checked', pending: 'Waiting', running: 'Checking' },
  verify: 'Verify this credential',
  checks: 'The checks',
  showWork: 'Show the work for every check',
  howEach: 'How to do each check yourself',
  how: 'how',
  showTheWork: 'Show the work',
  none: 'none',
  giveOne: 'Give a credential above to see each check below run.',
  localPreview: (preview) =>
    `Local preview: this site's own credentials are checked against this computer's server (${preview.localUrl}), which stands in for ${preview.siteUrl} until it is published. Credentials of other issuers are fetched from their sites as usual.`,
  checking: (input) => `Checking ${input.kind === 'url' ? input.url : input.kind === 'file' ? input.file.name || 'the file' : 'the pasted text'}…`,
  saveBundle: 'Save a verification bundle',
  saveBundleNote:
    "(one file with this credential and the issuer's files just read: this page verifies it later even with no network, and says what it can then no longer confirm).",
  cannotStart: (error) => `The verifier could not start (${errorText(error)}). Check your connection and reload the page.`,
  unreachable: 'the address could not be reached (offline, not found, or the server does not allow other sites to read it)',
  recipientLabel: 'Email address the credential was awarded to',
  compare: 'Compare',
  recipientNote: "Hashed here with the credential's salt and compared; it is not sent anywhere.",
  checkLine: (title, summary) => `${title}: ${summary}`,
  nestedCheckLine: (title, state, summary) => `${title}: ${state}. ${summary}`,
  everyCheckPassed: 'Every check passed: the issuer signed this credential, nothing in it has changed since, and it is in force.',
  pastEndDate: (authentic) => `${authentic ? 'The issuer signed this credential and nothing in it has changed, but it' : 'It'} is past its end date, so it is no longer in force.`,
  someNotChecked: 'Nothing failed, but some checks could not be done, so nobody can say it is in force yet:',
  readBeforeRelying: 'Nothing failed, but read these before you rely on it:',
  checkedIn: (milliseconds) => `Checked in your browser in ${milliseconds} ms.`,
  claims: {
    heading: 'What the credential says',
    note: 'As written in the credential. The checks below tell you whether to believe it.',
    asRead: 'The credential as read (JSON)',
    credential: 'Credential',
    achievement: 'Achievement',
    awardedTo: 'Awarded to',
    issuedBy: 'Issued by',
    validFrom: 'Valid from',
    validUntil: 'Valid until',
    identifier: 'Identifier',
  },
  labels: {
    cryptosuite: 'Cryptosuite',
    verificationMethod: 'Key id (verificationMethod)',
    proofValue: 'Signature as written (proofValue, base58btc)',
    signatureHex: 'Signature (64 bytes, hex)',
    publicKeyHex: 'Public key (32 bytes, hex)',
    publicKeyMultibase: 'Public key (Multikey)',
    canonicalDocument: 'The credential without its proof, canonicalized: this is what was hashed',
    canonicalProofConfig: 'The proof options, canonicalized',
    documentHashHex: 'SHA-256 of the canonical credential (hex)',
    proofConfigHashHex: 'SHA-256 of the canonical proof options (hex)',
    hashDataHex: 'Signed data: proof-options hash followed by credential hash (hex)',
    otherProofsIgnored: 'Other proofs not used',
    source: 'Where the key came from',
    documentUrl: 'Document fetched',
    controller: 'Key controller',
    history: "The key in the issuer's DID history (did:webvh)",
    historyProblem: "What is wrong with the issuer's DID history",
    added: 'Listed since',
    removed: 'Removed on',
    versions: 'Versions in the history',
    versionTime: 'Latest version dated',
    issuer: 'Issuer named in the credential',
    named: 'Vocabularies named',
    unknown: 'Vocabularies not known',
    embeddedContexts: 'Vocabularies written inline',
    entries: 'Status entries',
    prefix: "The log's address (its prefix)",
    origin: "The log's name in its checkpoint (origin)",
    size: 'Entries in the signed checkpoint',
    root: "The checkpoint's root hash (hex)",
    logEntries: "This credential's entries in the log",
    sha256: 'SHA-256 of the credential as published (hex)',
    logged: 'Logged by the build of',
    proof: 'Inclusion proof, leaf to root (hex)',
    anchor: "The log's Bitcoin timestamp (OpenTimestamps)",
    height: 'Bitcoin block height',
    blockHash: 'Block hash (look it up in any block explorer)',
    time: "Block time (the miner's clock)",
    problem: 'Problem',
    outcome: 'Outcome',
    reason: 'Reason',
    statusPurpose: 'Purpose',
    statusListCredential: 'Status list',
    statusListIndex: 'Index in the list',
    statusSize: 'Bits per entry',
    announcedBy: "Announced by the issuer's DID document as",
    announcedIn: 'DID document',
    listIssuer: 'List issued by',
    listPurposes: 'List purposes',
    listEntries: 'Entries in the list',
    listChecks: 'Checks of the status list itself',
    bitPosition: 'Bit position',
    byteIndex: 'Byte (from 0) in the expanded list',
    bitMask: 'Bit mask in that byte (first entry = most significant bit)',
    value: 'Value found (0 = not set)',
    errors: 'Rules broken',
    problems: 'Problems',
    vcVersion: 'Verifiable Credentials version',
    openBadge: 'Claims to be an Open Badge',
    identifiers: 'Recipient identifiers',
    identityHash: 'Hash in the credential',
    computedHash: 'Hash of the address you typed',
    salt: 'Salt',
    matches: 'Matches',
  },
  sources: {
    'did:web': "did:web: the issuer's DID document, fetched from the issuer's own site",
    'did:webvh': "did:webvh: the issuer's DID log, fetched from the issuer's own site, every version's hash and signature checked",
    'did:key': 'did:key: decoded from the identifier itself, nothing fetched',
    'controlled-identifier-document': "the issuer's controlled identifier document, fetched over https",
    'multikey-document': 'a key document fetched over https',
  },
};

/** Le vérificateur de la page en français, au registre de ../core/locale/fr.ts. */
export const frenchWords: VerifierPageWords = {
  states: { passed: 'Réussi', failed: 'Échec', warning: 'Avertissement', unknown: 'Contrôle impossible', skipped: 'Non contrôlé', pending: 'En attente', running: 'Contrôle en cours' },
  verify: 'Vérifier cette attestation',
  checks: 'Les contrôles',
  showWork: 'Afficher le détail de chaque contrôle',
  howEach: 'Effectuer chaque contrôle vous-même',
  how: 'comment',
  showTheWork: 'Afficher le détail',
  none: 'aucun',
  giveOne: 'Indiquez une attestation ci-dessus pour voir chacun des contrôles ci-dessous s’effectuer.',
  localPreview: (preview) =>
    `Aperçu local\u202F: les attestations de ce site sont contrôlées au regard du serveur de cet ordinateur (${preview.localUrl}), qui tient lieu de ${preview.siteUrl} tant que le site n’est pas publié. Les attestations des autres émetteurs sont téléchargées depuis leurs sites, comme d’habitude.`,
  checking: (input) => (input.kind === 'url' ? `Vérification de ${input.url}…` : input.kind === 'file' && input.file.name ? `Vérification de ${input.file.name}…` : input.kind === 'file' ? 'Vérification du fichier…' : 'Vérification du texte collé…'),
  saveBundle: 'Enregistrer un dossier de vérification',
  saveBundleNote:
    '(un seul fichier réunissant cette attestation et les fichiers de l’émetteur qui viennent d’être lus\u202F: cette page pourra la vérifier plus tard, même sans réseau, en précisant ce qu’elle ne peut alors plus confirmer).',
  cannotStart: (error) => `Le vérificateur n’a pas pu démarrer (${errorText(error)}). Vérifiez votre connexion et rechargez la page.`,
  unreachable: 'l’adresse n’a pas pu être jointe (hors ligne, introuvable, ou le serveur n’autorise pas les autres sites à la lire)',
  recipientLabel: 'Adresse électronique à laquelle l’attestation a été délivrée',
  compare: 'Comparer',
  recipientNote: 'Hachée ici avec le sel de l’attestation, puis comparée\u202F; elle n’est envoyée nulle part.',
  checkLine: (title, summary) => `${title}\u202F: ${summary}`,
  nestedCheckLine: (title, state, summary) => `${title}\u202F: ${state}. ${summary}`,
  everyCheckPassed: 'Tous les contrôles ont réussi\u202F: l’émetteur a signé cette attestation, rien n’y a été modifié depuis, et elle est en vigueur.',
  pastEndDate: (authentic) =>
    `${authentic ? 'L’émetteur a signé cette attestation et rien n’y a été modifié, mais elle' : 'Elle'} a dépassé sa date de fin\u202F: elle n’est donc plus en vigueur.`,
  someNotChecked: 'Aucun contrôle n’a échoué, mais certains n’ont pas pu être effectués, si bien que nul ne peut encore affirmer qu’elle est en vigueur\u202F:',
  readBeforeRelying: 'Aucun contrôle n’a échoué, mais lisez ce qui suit avant de vous y fier\u202F:',
  checkedIn: (milliseconds) => `Vérifiée dans votre navigateur en ${milliseconds}\u00A0ms.`,
  claims: {
    heading: 'Ce que déclare l’attestation',
    note: 'Tel qu’il figure dans l’attestation. Les contrôles ci-dessous indiquent s’il faut s’y fier.',
    asRead: 'L’attestation telle qu’elle a été lue (JSON)',
    credential: 'Attestation',
    achievement: 'Certification',
    awardedTo: 'Délivrée à',
    issuedBy: 'Délivrée par',
    validFrom: 'Valide à partir du',
    validUntil: 'Valide jusqu’au',
    identifier: 'Identifiant',
  },
  labels: {
    cryptosuite: 'Suite cryptographique (cryptosuite)',
    verificationMethod: 'Identifiant de la clé (verificationMethod)',
    proofValue: 'Signature telle qu’écrite (proofValue, base58btc)',
    signatureHex: 'Signature (64 octets, hexadécimal)',
    publicKeyHex: 'Clé publique (32 octets, hexadécimal)',
    publicKeyMultibase: 'Clé publique (Multikey)',
    canonicalDocument: 'L’attestation sans sa preuve, canonisée\u202F: c’est ce qui a été haché',
    canonicalProofConfig: 'Les options de la preuve, canonisées',
    documentHashHex: 'SHA-256 de l’attestation canonisée (hexadécimal)',
    proofConfigHashHex: 'SHA-256 des options de la preuve canonisées (hexadécimal)',
    hashDataHex: 'Données signées\u202F: empreinte des options de la preuve suivie de l’empreinte de l’attestation (hexadécimal)',
    otherProofsIgnored: 'Autres preuves non utilisées',
    source: 'Provenance de la clé',
    documentUrl: 'Document téléchargé',
    controller: 'Contrôleur de la clé',
    history: 'La clé dans l’historique DID de l’émetteur (did:webvh)',
    historyProblem: 'Ce qui ne va pas dans l’historique DID de l’émetteur',
    added: 'Mentionnée depuis',
    removed: 'Retirée le',
    versions: 'Versions dans l’historique',
    versionTime: 'Date de la dernière version',
    issuer: 'Émetteur désigné dans l’attestation',
    named: 'Vocabulaires mentionnés',
    unknown: 'Vocabulaires inconnus',
    embeddedContexts: 'Vocabulaires écrits dans l’attestation',
    entries: 'Entrées de statut',
    prefix: 'Adresse du journal (son préfixe)',
    origin: 'Nom du journal dans son point de contrôle (origin)',
    size: 'Entrées du point de contrôle signé',
    root: 'Empreinte racine du point de contrôle (hexadécimal)',
    logEntries: 'Entrées de cette attestation dans le journal',
    sha256: 'SHA-256 de l’attestation telle que publiée (hexadécimal)',
    logged: 'Inscrite par la compilation du',
    proof: 'Preuve d’inclusion, de la feuille à la racine (hexadécimal)',
    anchor: 'Horodatage Bitcoin du journal (OpenTimestamps)',
    height: 'Hauteur du bloc Bitcoin',
    blockHash: 'Empreinte du bloc (à rechercher dans n’importe quel explorateur de blocs)',
    time: 'Heure du bloc (selon l’horloge du mineur)',
    problem: 'Problème',
    outcome: 'Résultat',
    reason: 'Motif',
    statusPurpose: 'Finalité',
    statusListCredential: 'Liste de statut',
    statusListIndex: 'Index dans la liste',
    statusSize: 'Bits par entrée',
    announcedBy: 'Annoncée par le document DID de l’émetteur comme',
    announcedIn: 'Document DID',
    listIssuer: 'Liste émise par',
    listPurposes: 'Finalités de la liste',
    listEntries: 'Entrées de la liste',
    listChecks: 'Contrôles de la liste de statut elle-même',
    bitPosition: 'Position du bit',
    byteIndex: 'Octet (à partir de 0) dans la liste décompressée',
    bitMask: 'Masque du bit dans cet octet (première entrée = bit de poids fort)',
    value: 'Valeur lue (0 = non positionné)',
    errors: 'Règles enfreintes',
    problems: 'Problèmes',
    vcVersion: 'Version des Verifiable Credentials',
    openBadge: 'Se présente comme un Open Badge',
    identifiers: 'Identifiants de la personne titulaire',
    identityHash: 'Empreinte dans l’attestation',
    computedHash: 'Empreinte de l’adresse saisie',
    salt: 'Sel',
    matches: 'Correspondance',
  },
  sources: {
    'did:web': 'did:web\u202F: le document DID de l’émetteur, téléchargé depuis le site de l’émetteur lui-même',
    'did:webvh': 'did:webvh\u202F: le journal DID de l’émetteur, téléchargé depuis le site de l’émetteur lui-même, l’empreinte et la signature de chaque version étant contrôlées',
    'did:key': 'did:key\u202F: décodée à partir de l’identifiant lui-même, sans rien télécharger',
    'controlled-identifier-document': 'le document d’identifiant contrôlé de l’émetteur (controlled identifier document), téléchargé en https',
    'multikey-document': 'un document de clé téléchargé en https',
  },
};

const pageWords: Readonly<Record<ReturnType<typeof interfaceLanguage>, VerifierPageWords>> = { en: englishWords, fr: frenchWords };

/** The words for a page's `lang`: any French reads French, any other language English. */
export function verifierPageWordsFor(language: string): VerifierPageWords {
  return pageWords[interfaceLanguage(language)];
}
