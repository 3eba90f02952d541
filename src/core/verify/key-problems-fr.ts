/**
 * Why an issuer's key could not be found (../key-problems.ts), in French, as ./messages-fr.ts
 * writes: a narrow no-break space (U+202F) before ; : ! ? and inside « ». The technical names
 * (did:web, assertionMethod, Multikey, z6Mk) stay as the standards write them.
 */
import type { KeyProblemWords } from '../key-problems.ts';

const q = (text: string): string => `«\u202F${text}\u202F»`;

export const frenchKeyProblems: KeyProblemWords = {
  'not-did-web': (p, say) => `${q(say(p['did']))} n’est pas un identifiant did:web.`,
  'did-web-character': (p, say) => `${q(say(p['did']))} contient un caractère interdit dans un identifiant did:web.`,
  'did-web-host': (p, say) => `${q(say(p['host']))}, dans ${say(p['did'])}, n’est pas un nom de domaine.`,
  'did-web-path': (p, say) => `Le chemin de ${say(p['did'])} n’est pas valide.`,
  'not-did-key': (p, say) => `${q(say(p['did']))} n’est pas un identifiant did:key.`,
  'did-key-not-ed25519': (p, say) => `${say(p['did'])} n’est pas une did:key Ed25519 (elle doit commencer par z6Mk).`,
  'no-fragment': (p, say) => `La méthode de vérification ${say(p['vmId'])} n’a pas de #fragment qui désigne une clé.`,
  'document-not-object': () => 'Le document de la clé n’est pas un objet JSON.',
  'document-other-id': (p, say) => `Le document de la clé dit être ${say(p['said'])}, et non ${say(p['url'])}.`,
  'no-method': (p, say) => `Le document de la clé ne contient aucune méthode de vérification d’identifiant ${say(p['vmId'])} (les identifiants doivent être absolus).`,
  'method-type': (p, say) => `La méthode de vérification est de type ${say(p['type'])}, et non Multikey.`,
  'method-controller': (p, say) => `Le contrôleur de la méthode de vérification, ${say(p['controller'])}, n’est pas ${say(p['url'])}.`,
  'not-assertion-method': (p, say) => `La clé ${say(p['vmId'])} ne figure pas sous assertionMethod\u202F: elle ne peut donc pas signer d’attestation.`,
  'no-ed25519-key': () => 'La méthode de vérification ne contient pas de clé publique Ed25519 (z6Mk…).',
  'no-verification-method': () => 'La signature ne désigne pas la clé qui l’a produite (pas de verificationMethod).',
  'did-document-unreachable': (p, say) => `Le document DID de l’émetteur, ${say(p['url'])}, n’a pas pu être téléchargé\u202F: ${say(p['reason'])}`,
  'in-did-document': (p, say) => `${say(p['inner'])} (dans ${say(p['url'])})${p['added'] === undefined ? '' : ` L’historique DID de l’émetteur l’a répertoriée du ${say(p['added'])} au ${say(p['removed'])}.`}`,
  'did-method-unsupported': (p, say) => `La méthode DID de ${say(p['did'])} n’est pas prise en charge (did:web, did:webvh et did:key le sont).`,
  'method-not-absolute': (p, say) => `La méthode de vérification ${say(p['vmId'])} n’est pas une adresse absolue.`,
  'key-document-not-https': (p, say) => `Le document de la clé, ${say(p['url'])}, n’est pas servi en https.`,
  'key-document-unreachable': (p, say) => `Le document de la clé, ${say(p['url'])}, n’a pas pu être téléchargé\u202F: ${say(p['reason'])}. Une clé n’est digne de confiance que si le document de l’émetteur lui-même la publie.`,
  'key-document-not-object': (p, say) => `Le document de la clé, ${say(p['url'])}, n’est pas un objet JSON.`,
  'in-key-document': (p, say) => `${say(p['inner'])} (dans ${say(p['url'])}\u202F; une clé n’est digne de confiance que si ce document la publie)`,
  'not-multikey-document': (p, say) => `Le document situé à ${say(p['url'])} n’est pas une méthode de vérification Multikey.`,
  'did-deactivated': (p, say) => `L’émetteur a désactivé ${say(p['did'])} le ${say(p['on'])} (${say(p['url'])}).`,
  'key-removed': (p, say) => `L’historique DID de l’émetteur a répertorié cette clé du ${say(p['added'])} au ${say(p['removed'])}, date à laquelle elle a été retirée (${say(p['url'])}).`,
  'in-did-log': (p, say) => `${say(p['inner'])} (dans ${say(p['url'])})`,
  'history-removed-key': (p, say) => `L’historique DID de l’émetteur (${say(p['url'])}) a retiré cette clé le ${say(p['removed'])}, mais son document DID la répertorie encore.`,
  'did-log-unreadable-here': (p, say) => `Le journal DID de l’émetteur, ${say(p['url'])}, ne peut pas être lu ici.`,
  'did-log-unreachable': (p, say) => `Le journal DID de l’émetteur, ${say(p['url'])}, n’a pas pu être téléchargé\u202F: ${say(p['reason'])}`,
  'did-log-not-utf8': (p, say) => `Le journal DID de l’émetteur, ${say(p['url'])}, n’est pas du texte UTF-8.`,
  'did-log-unparsable': (p, say) => `${say(p['inner'])} (${say(p['url'])})`,
  'did-log-invalid': (p, say) => `Le journal DID de l’émetteur ne se vérifie pas\u202F: ${say(p['inner'])} (${say(p['url'])})`,
};
