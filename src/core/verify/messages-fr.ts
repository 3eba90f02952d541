/**
 * Le vérificateur en français, au registre d'un service de scolarité : every sentence of
 * ./messages.ts, said the French way rather than word for word. A credential is « une
 * attestation » (so participles agree in the feminine), an achievement « une certification »;
 * before ; : ! ? and inside « » goes a narrow no-break space (U+202F, written \u202F below), as in
 * ../locale/fr.ts. Technical names (did:web, statusListIndex, eddsa-rdfc-2022) stay as the
 * standards write them: they are what a reader looks up.
 */
import type { CheckCode, CheckParams } from './check.ts';
import type { FormatProblem } from './format.ts';
import { describeBytes, type UnreadableCode } from './input.ts';
import type { LoggedEvent, LogProblem } from './log.ts';
import type { VerifierMessages } from './messages.ts';
import { isKeyProblem, sayKeyProblem } from '../key-problems.ts';
import { frenchKeyProblems } from './key-problems-fr.ts';
import type { StatusProblem, StatusWarning } from './status.ts';
import { anchorOf, clauseParams, eventDate, listCheck, loggedEvents, lowerFirst, readerDate, statusWarnings, text, withoutStop, type AnchorProblemCode } from './wording.ts';

const describeLimit = (bytes: unknown): string => describeBytes(Number(bytes), { mega: 'Mo', kilo: 'Ko' });
const quoted = (value: unknown): string => `«\u202F${text(value)}\u202F»`;
/** Why the key could not be found, in French where the check gives it as data (../key-problems.ts). */
const keyReason = (p: CheckParams): string => (isKeyProblem(p['problem']) ? sayKeyProblem(p['problem'], frenchKeyProblems) : text(p['reason']));

const FORMAT_PROBLEMS: Record<FormatProblem, (params: CheckParams) => string> = {
  'context-not-list': () => '@context doit être une liste commençant par le contexte Verifiable Credentials',
  'first-context': (p) => `le premier @context doit être ${text(p['expected'])}`,
  'second-context': () => 'le deuxième @context doit être le contexte Open Badges 3.0',
  'context-entry': () => 'chaque entrée de @context doit être une URL ou un objet',
  'type-vc': () => 'type doit comporter VerifiableCredential',
  'type-open-badge': () => 'type doit comporter OpenBadgeCredential',
  'type-status-list': () => 'type doit comporter BitstringStatusListCredential (ou StatusList2021Credential)',
  'no-id': () => 'l’attestation n’a pas d’identifiant (id)',
  'no-issuer': () => 'l’émetteur (issuer) doit être une URL ou un objet doté d’un id',
  'subjects-not-objects': () => 'credentialSubject doit être un objet ou une liste d’objets',
  'no-issuance-date': () => 'issuanceDate est absent',
  'subject-not-object': () => 'credentialSubject doit être un objet',
  'no-valid-from': () => 'validFrom est absent',
  'subject-unidentified': () => 'credentialSubject doit comporter un id ou un identifier',
  'subject-not-status-list': () => 'credentialSubject.type doit être BitstringStatusList (ou StatusList2021)',
  'no-encoded-list': () => 'credentialSubject.encodedList est absent',
  'no-status-purpose': () => 'credentialSubject.statusPurpose est absent',
  'clr-context': () => 'le deuxième @context doit être le contexte CLR 2.0',
  'endorsement-subject': () => 'credentialSubject doit être un EndorsementSubject portant l’id de ce qui est recommandé',
  'clr-subject': () => 'credentialSubject.verifiableCredential doit énumérer les attestations que contient le relevé',
};

const STATUS_PROBLEMS: Record<StatusProblem, (params: CheckParams, messages: VerifierMessages) => string> = {
  'entry-not-object': () => 'une entrée de statut (credentialStatus) n’est pas un objet',
  'no-purpose': () => 'l’entrée de statut n’a pas de statusPurpose',
  'no-list-url': () => 'l’entrée de statut n’a pas de statusListCredential en https',
  'bad-index': () => 'le statusListIndex n’est pas un nombre entier',
  'bad-size': () => 'le statusSize n’est pas un nombre entier positif',
  'unsupported-method': (p) => `la méthode de statut ${JSON.stringify(p['method'])} n’est pas prise en charge`,
  'list-unreachable': (p) => `la liste de statut ${text(p['url'])} n’a pas pu être téléchargée (${text(p['reason'])})`,
  'list-unreadable': (p, m) => `la liste de statut ${text(p['url'])} est illisible\u202F: ${m.unreadable(p['unreadable'] as UnreadableCode, clauseParams(p, 'unreadableParams'))}`,
  'list-unverified': (p, m) => {
    const check = listCheck(p);
    return `la liste de statut ${text(p['url'])} n’a pas pu être vérifiée (${m.titles[check.id]}\u202F: ${m.summary(check.code, check.params ?? {})})`;
  },
  'list-out-of-date': (p) => `la liste de statut ${text(p['url'])} est hors de sa période de validité`,
  'list-without-subject': (p) => `la liste de statut ${text(p['url'])} n’a pas de credentialSubject`,
  'list-not-expandable': (p) => `la liste de statut ${text(p['url'])} n’a pas pu être décompressée\u202F: ${text(p['reason'])}`,
  'list-other-issuer': (p) =>
    `la liste de statut ${text(p['url'])} (statusPurpose ${text(p['purpose'])}) est émise par ${text(p['listIssuer']) || '(personne)'}, et non par l’émetteur ${text(p['issuer'])}`,
  'list-other-method': (p) => `la liste de statut ${text(p['url'])} est une liste ${text(p['listType'])}, dans laquelle une entrée ${text(p['method'])} ne peut pas être lue`,
  'unknown-purpose': (p) => `la liste de statut donne la valeur ${text(p['value'])} pour la finalité ${quoted(p['purpose'])}, que ce vérificateur ne connaît pas`,
  'wrong-purpose': (p) => `la liste de statut a pour statusPurpose ${text(p['listPurposes'])}, et non ${text(p['purpose'])}`,
  'list-too-short': (p) => `la liste de statut compte ${text(p['entries'])} entrées, moins que les ${text(p['minimum'])} qu’exige la norme`,
  'index-out-of-range': (p) => `l’index ${text(p['index'])} est hors de la liste de statut`,
  'revocation-list-url': () => 'la liste de révocation n’a pas d’adresse https',
  'revocation-list-unreachable': (p) => `la liste de révocation ${text(p['url'])} n’a pas pu être téléchargée (${text(p['reason'])})`,
  'revocation-list-malformed': (p) => `la liste de révocation ${text(p['url'])} ne comporte pas de liste revokedCredential`,
  'announcement-broken': () => 'le document DID de l’émetteur annonce une liste de suspension sans lui donner une adresse https unique',
};

const LOG_PROBLEMS: Record<LogProblem, (params: CheckParams) => string> = {
  'announcement-broken': () => 'le document DID de l’émetteur annonce un journal sans lui donner une adresse https unique se terminant par /',
  'no-fetcher': () => 'ce vérificateur ne peut pas lire ici les fichiers du journal',
  'checkpoint-unreachable': (p) => `son point de contrôle ${text(p['url'])} n’a pas pu être téléchargé (${text(p['reason'])})`,
  'index-unreachable': (p) => `son index ${text(p['url'])} n’a pas pu être téléchargé (${text(p['reason'])})`,
  'index-unreadable': (p) => `son index ${text(p['url'])} n’est pas une liste de numéros d’entrées`,
  'too-many-entries': (p) => `le journal compte ${text(p['count'])} entrées pour cette attestation, davantage que ce vérificateur n’en lit`,
  'file-unreachable': (p) => `le fichier du journal ${text(p['url'])} n’a pas pu être téléchargé (${text(p['reason'])})`,
};

/** Each event of the log agrees with « l’attestation ». */
const LOG_EVENT_WORDS: Record<LoggedEvent['event'], string> = {
  issued: 'délivrée',
  're-signed': 'signée de nouveau',
  revoked: 'révoquée',
  suspended: 'suspendue',
  reinstated: 'rétablie',
  erased: 'effacée',
};

/** « délivrée le 14 mars 2026, révoquée le 2 avril 2026 » : the credential's history as the log records it. */
const logHistory = (p: CheckParams, m: VerifierMessages): string => loggedEvents(p).map((event) => `${LOG_EVENT_WORDS[event.event]} le ${m.date(eventDate(event))}`).join(', ');

const STATUS_WARNINGS: Record<StatusWarning, string> = {
  'index-not-string': 'son statusListIndex est écrit sous forme de nombre, et non de chaîne de caractères comme l’exige la norme, et a été lu comme ce nombre',
};

/** « Remarque : … » for what the status check read past; nothing when it read nothing leniently. */
const statusNote = (p: CheckParams): string => {
  const warnings = statusWarnings(p);
  return warnings.length === 0 ? '' : ` Remarque\u202F: ${warnings.map((warning) => STATUS_WARNINGS[warning]).join('\u202F; ')}.`;
};

/**
 * « n’a pas été révoquée », « n’avait été ni révoquée ni suspendue »: what the status lists
 * show, from the status check's `what`, in the present perfect or the pluperfect.
 */
function notWithdrawn(what: unknown, auxiliary: 'a' | 'avait'): string {
  if (what === 'revoked or suspended') return `n’${auxiliary} été ni révoquée ni suspendue`;
  return `n’${auxiliary} pas été ${what === 'suspended' ? 'suspendue' : what === 'revoked' ? 'révoquée' : text(what)}`;
}

const UNREADABLE: Record<UnreadableCode, (params: CheckParams) => string> = {
  'too-large': (p) => `le contenu dépasse ${describeLimit(p['limit'])} (${text(p['limit'])} octets), le maximum que lit ce vérificateur`,
  'image-too-large': (p) => `le fichier dépasse ${describeLimit(p['limit'])}, le maximum que lit ce vérificateur`,
  'compressed-too-large': (p) => `l’attestation compressée dans cette image PNG dépasse ${describeLimit(p['limit'])} une fois décompressée, le maximum que lit ce vérificateur`,
  'too-deep': (p) => `le contenu comporte plus de ${text(p['limit'])} niveaux d’imbrication`,
  'too-many-values': (p) => `le contenu comporte plus de ${text(p['limit'])} valeurs`,
  'not-json-number': () => 'le contenu comporte un nombre que JSON ne peut pas représenter',
  'not-json-value': () => 'le contenu comporte une valeur qui n’est pas du JSON',
  'not-object': () => 'le contenu n’est pas un objet JSON',
  'not-text': () => 'le contenu n’est pas du texte',
  'invalid-json': (p) => `le contenu n’est pas du JSON valide (${text(p['reason'])})`,
  empty: () => 'rien n’a été fourni\u202F: le contenu est vide',
  'png-without-credential': () => 'cette image PNG ne contient aucune attestation Open Badges 3.0 intégrée',
  'svg-without-credential': () => 'cette image SVG ne contient aucune attestation Open Badges 3.0 intégrée',
  'not-a-credential-file': () => 'ce fichier n’est ni du JSON, ni une image PNG, ni une image SVG',
  'vc-jwt': () => 'l’attestation intégrée est au format VC-JWT, que ce vérificateur ne prend pas en charge',
  'web-page': (p) => `${text(p['url'])} est une page web, et non une attestation (indiquez le lien de son fichier .json, .png ou .svg)`,
  'fetch-failed': (p) => `impossible de télécharger ${text(p['url'])}\u202F: ${text(p['reason'])}`,
  'bad-bundle': (p) => `le contenu se présente comme un dossier de vérification, mais ${text(p['problem'])}`,
};

/** What a document claims to be; each is feminine, as « bien formée » after it agrees. */
const KINDS: Readonly<Record<string, string>> = {
  'status-list': 'attestation Bitstring Status List',
  'open-badge': 'attestation Open Badges 3.0',
  endorsement: 'recommandation Open Badges 3.0',
  clr: 'attestation CLR 2.0 (Comprehensive Learner Record)',
};
const what = (kind: unknown) => KINDS[String(kind)] ?? 'attestation vérifiable (Verifiable Credential)';

const ANCHOR_PROBLEMS: Record<AnchorProblemCode, string> = {
  'index-unreadable': 'sa liste d’horodatages est illisible',
  'file-unreachable': 'l’un de ses fichiers n’a pas pu être téléchargé',
  'checkpoint-not-signed': 'le point de contrôle horodaté n’est pas signé par la clé de l’émetteur',
  'wrong-size': 'le point de contrôle horodaté n’a pas la taille sous laquelle il est répertorié',
  'proof-unreadable': 'sa preuve OpenTimestamps est illisible',
  'proof-of-other-file': 'sa preuve OpenTimestamps porte sur un autre fichier',
  'no-bitcoin-attestation': 'sa preuve OpenTimestamps n’aboutit pas au bloc qu’elle désigne',
  'header-mismatch': 'l’en-tête du bloc ne correspond pas à la preuve, ou la preuve de travail du bloc fait défaut',
  'not-included': 'le point de contrôle horodaté ne contient pas cette entrée',
};

/** What the log's Bitcoin timestamp (anchor) says of when the credential was logged, as a sentence to append. */
function anchorSentence(p: CheckParams, m: VerifierMessages): string {
  const anchor = anchorOf(p);
  if (anchor.state === 'anchored') {
    return ` Bitcoin prouve qu’elle figurait dans le journal au plus tard le ${m.date(anchor.time)}\u202F: le point de contrôle du journal, de ${text(anchor.size)} entrées, est horodaté dans le bloc ${text(anchor.height)}, dont tout explorateur de blocs confirme l’empreinte ${text(anchor.blockHash)}.`;
  }
  if (anchor.state === 'pending') return ' L’horodatage Bitcoin de cette entrée du journal n’est pas encore achevé\u202F; il l’est en général dans la journée qui suit la publication.';
  if (anchor.state === 'invalid') {
    return ` L’horodatage Bitcoin du journal ne résiste pas au contrôle (${ANCHOR_PROBLEMS[text(anchor.problem) as AnchorProblemCode] ?? text(anchor.problem)})\u202F: la date de son inscription au journal ne repose donc que sur la parole de l’émetteur.`;
  }
  return '';
}

/** A sentence about the log, said as of the day a verification bundle saved it when it did. */
const asSaved = (p: CheckParams, m: VerifierMessages, sentence: string): string =>
  p['savedAt'] === undefined ? sentence : `${sentence} Il s’agit du journal tel que le dossier de vérification l’a enregistré le ${m.date(p['savedAt'])}.`;

const NOT_AUTHENTIC = 'Non contrôlé, car rien ne prouve que l’attestation provient de son émetteur.';

const SUMMARIES: Record<CheckCode, (params: CheckParams, messages: VerifierMessages) => string> = {
  'format.open-badge': () => 'Cette attestation Open Badges 3.0 est bien formée et comporte tous les éléments requis.',
  'format.endorsement': () => 'Cette recommandation Open Badges 3.0 est bien formée\u202F: son émetteur s’y porte garant d’une certification, d’un émetteur ou d’une autre attestation.',
  'format.clr': () => 'Cette attestation CLR 2.0 (Comprehensive Learner Record) est bien formée\u202F; chacune des attestations qu’elle contient est en outre vérifiée séparément.',
  'format.status-list': () => 'Cette attestation Bitstring Status List est bien formée et comporte tous les éléments requis.',
  'format.not-open-badge': (p) => {
    const types = (p['types'] ?? []) as string[];
    const kindName = types.length > 0 ? ` (son type est ${types.join(', ')})` : '';
    return `Cette attestation vérifiable W3C est bien formée, mais ce n’est pas un Open Badge${kindName}\u202F: sa signature, son émetteur, son statut et ses dates sont contrôlés, les règles Open Badges ne le sont pas.`;
  },
  'format.malformed': (p, m) => `Ce document n’est pas une ${what(p['kind'])} bien formée\u202F: ${m.formatProblem(p['problem'] as FormatProblem, clauseParams(p, 'problemParams'))}.`,
  'format.unreadable': (p, m) => `Ce fichier ne peut pas être lu comme une attestation\u202F: ${m.unreadable(p['unreadable'] as UnreadableCode, clauseParams(p, 'unreadableParams'))}.`,

  'contexts.known': () => 'Tous les vocabulaires qu’utilise l’attestation sont connus de ce vérificateur, qui en conserve sa propre copie.',
  'contexts.missing': () => 'L’attestation n’indique pas les vocabulaires qu’elle utilise (pas de @context).',
  'contexts.invalid-entry': () => 'L’attestation mentionne un vocabulaire sous une forme qui n’est ni une URL ni un objet.',
  'contexts.unknown': (p) =>
    `L’attestation utilise un vocabulaire que ce vérificateur ne connaît pas (${text(p['url'])})\u202F; comme il ne télécharge jamais de vocabulaire, le sens de l’attestation ne peut pas être contrôlé.`,

  'schema.valid': () => 'L’attestation respecte les règles de données Open Badges 3.0 (JSON Schema).',
  'schema.invalid': (p) => `L’attestation enfreint les règles de données Open Badges 3.0\u202F: ${text(p['error'])}.`,
  'schema.not-open-badge': () => 'Les règles de données Open Badges ne s’appliquent qu’aux Open Badges\u202F: cette attestation n’a donc pas été contrôlée au regard de celles-ci.',
  'schema.no-validator': () => 'Impossible de contrôler les règles de données Open Badges\u202F: aucune copie du schéma n’est chargée dans ce vérificateur.',
  'schema.version-1': () => 'Le schéma Open Badges est rédigé pour les attestations de la version 2.0\u202F: cette attestation plus ancienne n’a donc pas été contrôlée au regard de celui-ci.',
  'schema.clr': () =>
    'Ce vérificateur ne dispose pas des règles de données CLR 2.0 (JSON Schema)\u202F: le relevé lui-même n’a donc pas été contrôlé au regard de celles-ci, contrairement aux Open Badges qu’il contient.',
  'schema.checker-error': () => 'Impossible de contrôler les règles de données Open Badges\u202F: le contrôle du schéma s’est interrompu sur une erreur.',

  'issuer-key.published': (p, m) =>
    `La clé qui a signé cette attestation est publiée par l’émetteur à l’adresse ${text(p['where'])}.${p['historySince'] === undefined ? '' : ` L’historique DID vérifiable de l’émetteur (did:webvh) la mentionne depuis le ${m.date(p['historySince'])}.`}`,
  'issuer-key.did-key': () => 'La clé qui a signé cette attestation est l’identifiant did:key de l’émetteur lui-même.',
  'issuer-key.not-found': (p) => `La clé qui devrait permettre de contrôler la signature est introuvable, si bien que la signature ne peut pas être tenue pour fiable\u202F: ${withoutStop(keyReason(p))}.`,
  'issuer-key.wrong-controller': (p) => `La clé qui a signé cette attestation appartient à ${text(p['controller'])}, et non à l’émetteur ${text(p['issuer']) || '(aucun)'}.`,
  'issuer-key.other-controller': (p) =>
    `La signature a été produite avec une clé de ${text(p['controller'])}. L’attestation désigne ${text(p['issuer']) || 'personne'} comme émetteur, ce que cette clé ne confirme pas\u202F: ne vous fiez au nom de l’émetteur que si vous faites confiance à ${text(p['controller'])}.`,
  'issuer-key.history-problem': (p) =>
    `La clé qui a signé cette attestation est publiée par l’émetteur à l’adresse ${text(p['where'])}, mais l’historique vérifiable des clés de l’émetteur que désigne son document DID ne la confirme pas\u202F: ${withoutStop(keyReason(p))}.`,
  'issuer-key.withdrawn': () => 'L’émetteur a retiré la clé qui a signé cette attestation.',
  'issuer-key.expired': (p, m) => `La clé de l’émetteur a expiré le ${m.date(p['expires'])}\u202F; la signature a été produite avec une clé qui n’est plus en vigueur.`,
  'issuer-key.no-proof': () => 'Il n’y a aucune signature exploitable, donc aucune clé à rechercher.',
  'issuer-key.recorded': (p, m) =>
    `Selon le dossier de vérification enregistré le ${m.date(p['savedAt'])}, l’émetteur publiait cette clé à l’adresse ${text(p['where'])}\u202F; mais le site de l’émetteur n’a pas pu être joint pour le confirmer, et n’importe qui peut constituer un tel dossier.`,

  'proof.valid': () => 'La signature est valide\u202F: rien n’a été modifié dans l’attestation depuis que l’émetteur l’a signée.',
  'proof.bad-signature': () => 'La signature ne correspond pas\u202F: l’attestation a été modifiée après sa signature, ou bien elle a été signée avec une autre clé.',
  'proof.malformed': (p) => `La signature est mal formée\u202F: ${lowerFirst(text(p['reason']))}`,
  'proof.unknown-context': (p) => `L’attestation utilise un vocabulaire que ce vérificateur ne connaît pas (${text(p['url'])})\u202F: la signature ne peut donc pas être contrôlée.`,
  'proof.undefined-term': (p) => `L’attestation comporte un champ${p['term'] ? ` ou un type (${quoted(p['term'])})` : ''} que ses vocabulaires ne définissent pas\u202F: la signature ne peut donc pas le couvrir.`,
  'proof.not-linked-data': () => 'L’attestation ne constitue pas des données liées (linked data) valides\u202F: la signature ne peut donc pas être contrôlée.',
  'proof.unsigned': () => 'L’attestation n’est pas signée\u202F: elle ne comporte aucune preuve (proof).',
  'proof.wrong-purpose': (p) => `La signature a pour finalité ${quoted(p['purpose'])}, et non la délivrance d’attestations (assertionMethod).`,
  'proof.unsupported': (p) =>
    `La signature est d’un type que ce vérificateur ne prend pas en charge (${text(p['kind'])})\u202F; il contrôle eddsa-rdfc-2022, eddsa-jcs-2022 et Ed25519Signature2020.`,
  'proof.expired': () => 'La signature a expiré.',
  'proof.after-key-expired': (p, m) => `La signature est datée du ${m.date(p['created'])}, après l’expiration de la clé de l’émetteur, le ${m.date(p['expires'])}\u202F: la clé ne pouvait plus signer à cette date.`,
  'proof.created-in-future': (p, m) =>
    `La signature est valide, mais elle est datée du ${m.date(p['created'])}, une date postérieure à l’horloge de cet ordinateur\u202F: la date qu’elle indique n’est pas fiable.`,
  'proof.contexts-unknown': () => 'La signature n’a pas été contrôlée, car l’attestation utilise des vocabulaires que ce vérificateur ne connaît pas.',
  'proof.no-key': () => 'La signature n’a pas été contrôlée, car la clé de l’émetteur est introuvable.',

  'status.none': () => 'Cette attestation ne comporte pas de liste de statut\u202F: son émetteur ne peut ni la révoquer ni la suspendre.',
  'status.clear': (p) =>
    `${Number(p['lists']) > 1 ? 'Les listes de statut de l’émetteur indiquent' : 'La liste de statut de l’émetteur indique'} que cette attestation ${notWithdrawn(p['what'], 'a')}.${statusNote(p)}`,
  'status.revoked': (p) => `L’émetteur a révoqué cette attestation.${statusNote(p)}`,
  'status.suspended': (p) => `L’émetteur a suspendu cette attestation.${statusNote(p)}`,
  'status.unknown': (p, m) =>
    `Impossible de savoir si l’émetteur a révoqué ou suspendu cette attestation\u202F: ${m.statusProblem(p['problem'] as StatusProblem, clauseParams(p, 'problemParams'))}.${statusNote(p)}`,
  'status.not-authentic': () => NOT_AUTHENTIC,
  'status.recorded': (p, m) =>
    `Lors de l’enregistrement du dossier de vérification, le ${m.date(p['savedAt'])}, ${Number(p['lists']) > 1 ? 'les listes de statut de l’émetteur indiquaient' : 'la liste de statut de l’émetteur indiquait'} que cette attestation ${notWithdrawn(p['what'], 'avait')}\u202F; il n’a pas été possible de vérifier ce qu’il en est depuis.`,

  'log.logged': (p, m) =>
    asSaved(
      p,
      m,
      `Inscrite au journal public de l’émetteur depuis le ${m.date(p['loggedOn'])}\u202F: ${logHistory(p, m)}.${p['supersededOn'] === undefined ? '' : ` L’émetteur l’a signée de nouveau le ${m.date(p['supersededOn'])}\u202F; cette copie antérieure reste valable.`}${anchorSentence(p, m)}`,
    ),
  'log.withdrawn': (p, m) => asSaved(p, m, `Le journal public de l’émetteur indique que cette attestation a été retirée\u202F: ${logHistory(p, m)}.${anchorSentence(p, m)}`),
  'log.anchor-invalid': (p, m) => asSaved(p, m, `Inscrite au journal public de l’émetteur depuis le ${m.date(p['loggedOn'])}\u202F: ${logHistory(p, m)}.${anchorSentence(p, m)}`),
  'log.none': () => 'Cet émetteur ne publie pas de journal de transparence\u202F: il n’existe aucun registre public où rechercher l’attestation.',
  'log.missing': () => 'Cette attestation ne figure pas dans le journal public de l’émetteur, alors que celui-ci en tient un\u202F: l’émetteur ne l’y a jamais inscrite.',
  'log.not-logged': (p, m) =>
    `Cette copie de l’attestation ne figure pas dans le journal public de l’émetteur\u202F: le journal en contient d’autres versions (${logHistory(p, m)}), dont aucune n’a exactement ce contenu.`,
  'log.checkpoint-not-signed': () => 'Le journal de l’émetteur n’est signé par aucune clé de son document DID\u202F: il ne prouve donc rien.',
  'log.inconsistent': (p) => `Le journal de l’émetteur ne prouve pas l’entrée ${text(p['index'])}\u202F: ses fichiers ne concordent pas avec son point de contrôle signé.`,
  'log.unknown': (p, m) => `Impossible de contrôler le journal public de l’émetteur\u202F: ${m.logProblem(p['problem'] as LogProblem, clauseParams(p, 'problemParams'))}.`,
  'log.not-authentic': () => NOT_AUTHENTIC,

  'validity.until': (p, m) => `Cette attestation est valide jusqu’au ${m.date(p['until'])}.`,
  'validity.no-expiry': (p, m) => `Cette attestation est valide depuis le ${m.date(p['from'])} et n’expire pas.`,
  'validity.no-dates': () => 'Cette attestation ne comporte aucune date de validité.',
  'validity.expired': (p, m) => `Cette attestation a expiré le ${m.date(p['until'])}\u202F: elle n’est plus en vigueur, même si sa signature peut être authentique.`,
  'validity.not-yet': (p, m) => `Cette attestation n’est pas encore valide\u202F: elle prend effet le ${m.date(p['from'])}.`,
  'validity.bad-start': (p) => `La date de début de l’attestation (${text(p['field'])}) n’est pas une date valide.`,
  'validity.bad-end': (p) => `La date de fin de l’attestation (${text(p['field'])}) n’est pas une date valide.`,
  'validity.ends-before-starts': () => 'L’attestation prend fin avant de prendre effet.',
  'validity.no-clock': () => 'Impossible de contrôler les dates de validité\u202F: l’heure actuelle est inconnue.',
  'validity.not-authentic': () => 'Non contrôlé, car rien ne prouve que l’attestation provient de son émetteur\u202F: ses dates n’ont aucune valeur tant que ce n’est pas établi.',

  'recipient.match': () => 'L’adresse électronique saisie correspond à celle de la personne titulaire de cette attestation.',
  'recipient.mismatch': () => 'L’adresse électronique saisie ne correspond pas à celle de la personne titulaire de cette attestation.',
  'recipient.no-email-identifier': () => 'L’attestation ne désigne pas la personne titulaire par une adresse électronique\u202F: l’adresse n’a donc pas pu être comparée.',
  'recipient.no-email-given': () => 'Aucune adresse électronique n’a été indiquée\u202F: la personne titulaire n’a donc pas été contrôlée.',
  'recipient.not-authentic': () => NOT_AUTHENTIC,

  'internal-error': () => 'Le vérificateur s’est interrompu sur une erreur interne\u202F: cette attestation n’a pas pu être vérifiée.',
  'skipped.unreadable': () => 'Non contrôlé, car l’attestation n’a pas pu être lue.',
  'skipped.internal-error': () => 'Non contrôlé, car le vérificateur s’est interrompu sur une erreur interne.',
};

export const french: VerifierMessages = {
  titles: {
    format: 'Format Open Badges 3.0',
    contexts: 'Vocabulaire connu',
    schema: 'Règles Open Badges',
    'issuer-key': 'Clé de l’émetteur',
    proof: 'Signature',
    status: 'Révocation et suspension',
    log: 'Journal public',
    validity: 'Dates de validité',
    recipient: 'Personne titulaire',
  },
  questions: {
    format: 'S’agit-il d’une attestation Open Badges 3.0 de forme correcte, c’est-à-dire du JSON comportant les types et les champs requis\u202F?',
    contexts: 'N’utilise-t-elle que des vocabulaires (contextes JSON-LD) dont cette page conserve sa propre copie\u202F? Les vocabulaires inconnus ne sont jamais téléchargés.',
    schema: 'Respecte-t-elle les règles de données Open Badges 3.0 (le JSON Schema de 1EdTech)\u202F?',
    'issuer-key': 'Où se trouve la clé qui a produit la signature, et appartient-elle à l’émetteur\u202F? (did:web sur le site de l’émetteur, did:key, ou un document de clé en https)',
    proof: 'La signature correspond-elle à l’attestation, octet pour octet\u202F? (eddsa-rdfc-2022\u202F; également eddsa-jcs-2022 et l’ancien Ed25519Signature2020)',
    status: 'L’émetteur l’a-t-il révoquée ou suspendue\u202F? Le contrôle lit les listes de statut signées de l’émetteur lui-même.',
    log: 'Figure-t-elle dans le journal public de l’émetteur, où rien ne peut être effacé, et qu’y est-il consigné à son sujet\u202F? Ses entrées sont prouvées au regard du point de contrôle signé du journal (C2SP tlog).',
    validity: 'La date du jour se situe-t-elle dans sa période de validité\u202F?',
    recipient: 'Facultatif\u202F: vous a-t-elle été délivrée\u202F? Votre adresse électronique est comparée à l’attestation ici même, dans votre navigateur.',
  },
  verdicts: {
    verified: 'Vérifiée',
    warning: 'Vérifiée, avec des avertissements',
    expired: 'Expirée',
    unchecked: 'Vérification incomplète',
    failed: 'Non vérifiée',
  },
  issuedBy: (issuer) => {
    const who = issuer.name ?? issuer.id ?? 'un émetteur sans nom';
    if (issuer.selfContained) return `Délivrée par ${who}, dont la clé figure dans son propre identifiant (did:key) et n’est publiée sur aucun site web.`;
    return issuer.keyHost ? `Délivrée par ${who}, dont la clé est publiée par ${issuer.keyHost}.` : `Délivrée par ${who}.`;
  },
  date: (value) => readerDate(value, 'fr'),
  summary: (code, params) => SUMMARIES[code](params, french),
  unreadable: (code, params) => UNREADABLE[code](params),
  formatProblem: (problem, params) => FORMAT_PROBLEMS[problem](params),
  statusProblem: (problem, params) => STATUS_PROBLEMS[problem](params, french),
  logProblem: (problem, params) => LOG_PROBLEMS[problem](params),
  bundleUse: (use) => {
    const saved = `Ce dossier de vérification a été enregistré le ${french.date(use.savedAt)}`;
    if (use.recorded.length === 0) return `${saved}. Il a été contrôlé au regard des fichiers actuels de l’émetteur\u202F; aucun de ses ${use.files} fichiers enregistrés n’a été nécessaire.`;
    const stoodIn =
      use.recorded.length === 1
        ? `1 de ses ${use.files} fichiers enregistrés a remplacé celui de l’émetteur, qui n’a pas pu être téléchargé`
        : `${use.recorded.length} de ses ${use.files} fichiers enregistrés ont remplacé ceux de l’émetteur, qui n’ont pas pu être téléchargés`;
    return `${saved}. ${stoodIn}\u202F: ce qui en dépend vaut à la date de l’enregistrement.`;
  },
  heldCredentials: (held) => {
    const phrases: string[] = [];
    const all = held.count === 1 ? 'L’attestation que contient ce relevé a' : `Chacune des ${held.count} attestations que contient ce relevé a`;
    if (held.notVerified.length === 0 && held.beyondLimit === 0) phrases.push(`${all} été vérifiée elle aussi.`);
    if (held.notVerified.length > 0) {
      const named = held.notVerified.map((one) => `${one.name === undefined ? 'l’attestation' : quoted(one.name)} en ${one.pointer} (${french.verdicts[one.status].toLowerCase()})`);
      const which =
        held.count === 1
          ? 'L’attestation que contient ce relevé n’a pas été vérifiée'
          : held.notVerified.length === 1
            ? `1 des ${held.count} attestations que contient ce relevé n’a pas été vérifiée`
            : `${held.notVerified.length} des ${held.count} attestations que contient ce relevé n’ont pas été vérifiées`;
      phrases.push(`${which}, si bien que le relevé ne peut pas être tenu pour fiable dans son ensemble\u202F: ${named.join('\u202F; ')}.`);
    }
    if (held.beyondLimit > 0) {
      const checked = held.count - held.beyondLimit;
      const first =
        held.notVerified.length === 0
          ? `Les ${checked} premières des ${held.count} attestations que contient ce relevé ont été vérifiées elles aussi\u202F; les ${held.beyondLimit} autres`
          : `Les ${held.beyondLimit} dernières`;
      phrases.push(`${first} n’ont pas été contrôlées, si bien que le relevé ne peut pas être dit vérifié\u202F: un relevé est contrôlé jusqu’à ${checked} attestations.`);
    }
    return phrases.join(' ');
  },
};
