/**
 * What the "How to verify without Laurel" page states in any language: this site's addresses, the
 * verifier's limits and pinned contexts, and the commands that redo each step with common tools.
 * The prose is each language's own (components/how-to-verify/); the commands are the same in every
 * language, only the comments inside them are written in the reader's. The commands were checked
 * against the W3C eddsa-rdfc-2022 test vector and this site's lists.
 */
import { PINNED_CONTEXTS } from '../core/document-loader.ts';
import { MAX_DEPTH, MAX_PROOFS } from '../core/limits.ts';
import type { InterfaceLanguage } from '../core/locale/language.ts';
import type { SignedSite } from '../issue/signed-site.ts';

/** The prose comments inside the commands. */
interface CommandComments {
  readonly base58: string;
  readonly publicKey: string;
  readonly signature: string;
  readonly subjectPublicKeyInfo: string;
  readonly hashData: string;
  readonly pyld: string;
  readonly proofNotSigned: string;
  readonly oneElementList: string;
  readonly proofOptionsContext: string;
  readonly statusBit: string;
  readonly identityHash: string;
  readonly checkpoint: string;
  readonly logIndex: string;
  readonly leafHash: string;
}

interface Language {
  /** The page's title and description, for its head. */
  readonly title: string;
  readonly description: string;
  readonly comments: CommandComments;
}

const LANGUAGES: Record<InterfaceLanguage, Language> = {
  en: {
    title: 'How to verify without Laurel',
    description: 'Each step of verifying an Open Badges 3.0 credential, the standard it follows, and how to do it yourself with common tools.',
    comments: {
      base58: 'base58btc-decode a multibase value (drop the leading "z"), print hex',
      publicKey: 'publicKeyMultibase: "ed01" + 32-byte key',
      signature: 'proofValue: the 64-byte signature',
      subjectPublicKeyInfo: 'the raw key wrapped as an X.509 SubjectPublicKeyInfo (RFC 8410)',
      hashData: 'hashData: SHA-256(proof options) followed by SHA-256(credential), 64 bytes',
      pyld: 'Python, with pyld (pip install pyld): RDFC-1.0 is URDNA2015 under its standard name',
      proofNotSigned: 'the proof itself is not signed',
      oneElementList: 'Laurel writes a one-element list',
      proofOptionsContext: "the proof options take the credential's contexts",
      statusBit: 'expand encodedList ("u" + base64url, no padding, of GZIP) and read one bit',
      identityHash: 'compare with identityHash, after "sha256$"',
      checkpoint: 'the checkpoint: origin, size, root (base64), a blank line, then "— <origin> <base64(key id ‖ signature)>"',
      logIndex: "the credential's entry numbers, in index/<first byte of SHA-256(id), hex>.json",
      leafHash: "an entry's leaf hash (RFC 6962 §2.1): SHA-256(0x00 ‖ entry bytes); its bytes must hash like the copy you hold",
    },
  },
  fr: {
    title: 'Vérifier une attestation sans Laurel',
    description: 'Chaque étape de la vérification d’une attestation Open Badges 3.0, la norme qui la définit, et comment la refaire soi-même avec des outils courants.',
    comments: {
      base58: 'décode en base58btc une valeur multibase (sans le «\u202Fz\u202F» initial) et l’affiche en hexadécimal',
      publicKey: 'publicKeyMultibase\u202F: ed01 suivi de la clé de 32 octets',
      signature: 'proofValue\u202F: la signature, 64 octets',
      subjectPublicKeyInfo: 'la clé brute, dans une structure X.509 SubjectPublicKeyInfo (RFC 8410)',
      hashData: 'hashData\u202F: SHA-256(options de preuve) suivi de SHA-256(attestation), soit 64 octets',
      pyld: 'Python, avec pyld (pip install pyld)\u202F: RDFC-1.0 est le nom normalisé d’URDNA2015',
      proofNotSigned: 'la preuve elle-même n’est pas signée',
      oneElementList: 'Laurel écrit une liste d’un seul élément',
      proofOptionsContext: 'les options de preuve prennent les contextes de l’attestation',
      statusBit: 'décompresse encodedList («\u202Fu\u202F» puis le GZIP en base64url, sans remplissage) et lit un bit',
      identityHash: 'à comparer avec identityHash, après «\u202Fsha256$\u202F»',
      checkpoint: 'le point de contrôle\u202F: origine, taille, racine (base64), une ligne vide, puis «\u202F— <origine> <base64(id de clé ‖ signature)>\u202F»',
      logIndex: 'les numéros d’entrée de l’attestation, dans index/<premier octet de SHA-256(id), en hexadécimal>.json',
      leafHash: 'empreinte de feuille d’une entrée (RFC 6962 §2.1)\u202F: SHA-256(0x00 ‖ octets de l’entrée)\u202F; elle doit être celle de la copie que vous détenez',
    },
  },
};

/** What both languages' pages show, in one language. */
export interface HowToVerify {
  readonly title: string;
  readonly description: string;
  readonly did: string;
  readonly didDocument: string;
  readonly didLog: string;
  readonly revocationList: string;
  readonly suspensionList: string;
  readonly transparencyLog: string;
  /** The only contexts the verifier accepts, by URL. */
  readonly contexts: readonly string[];
  readonly maxDepth: number;
  readonly maxProofs: number;
  /** The DID document's service that announces the suspension list, as the document writes it. */
  readonly suspensionService: string;
  readonly commands: {
    readonly base58: string;
    readonly ed25519: string;
    readonly canonical: string;
    readonly status: string;
    readonly recipient: string;
    readonly log: string;
  };
}

export function howToVerify(site: Pick<SignedSite, 'did' | 'urls'>, language: InterfaceLanguage): HowToVerify {
  const { title, description, comments: c } = LANGUAGES[language];
  const suspensionList = site.urls.statusList('suspension');
  const transparencyLog = site.urls.transparencyLog;

  const base58 = `# ${c.base58}
b58() { python3 -c 'import sys
A="123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
s=sys.argv[1][1:]; n=0
for c in s: n=n*58+A.index(c)
b=n.to_bytes((n.bit_length()+7)//8,"big")
print("00"*(len(s)-len(s.lstrip("1")))+b.hex())' "$1"; }`;

  const ed25519 = `KEY=$(b58 z6Mk…)          # ${c.publicKey}
SIG=$(b58 z…)              # ${c.signature}
# ${c.subjectPublicKeyInfo}
printf '%s' "302a300506032b6570032100\${KEY#ed01}" | xxd -r -p > key.der
openssl pkey -pubin -inform DER -in key.der -out key.pem
printf '%s' "$SIG" | xxd -r -p > sig.bin
# ${c.hashData}
cat <(sha256sum proof.nq | cut -c1-64) <(sha256sum credential.nq | cut -c1-64) | tr -d '\\n' | xxd -r -p > data.bin
openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in data.bin -sigfile sig.bin
# → Signature Verified Successfully`;

  const canonical = `# ${c.pyld}
import json
from pyld import jsonld
credential = json.load(open("credential.json"))
proof = credential.pop("proof")                          # ${c.proofNotSigned}
if isinstance(proof, list): proof = proof[0]             # ${c.oneElementList}
nquads = jsonld.normalize(credential, {"algorithm": "URDNA2015", "format": "application/n-quads"})
options = dict(proof); options.pop("proofValue")
options["@context"] = credential["@context"]             # ${c.proofOptionsContext}
proof_nquads = jsonld.normalize(options, {"algorithm": "URDNA2015", "format": "application/n-quads"})
open("credential.nq", "w").write(nquads); open("proof.nq", "w").write(proof_nquads)`;

  const status = `# ${c.statusBit}
python3 -c 'import base64,gzip,json,sys
l=json.load(open(sys.argv[1]))["credentialSubject"]["encodedList"][1:]
b=gzip.decompress(base64.urlsafe_b64decode(l+"="*(-len(l)%4)))
i=int(sys.argv[2])
print(len(b)*8, "entries; the bit at", i, "is", b[i//8]>>(7-i%8)&1)' revocation.json 66491`;

  const recipient = `printf '%s' 'ada@example.org' 'the salt from the credential' | sha256sum
# ${c.identityHash}`;

  const log = `# ${c.checkpoint}
curl -s ${transparencyLog}checkpoint
# ${c.logIndex}
ID='${site.urls.credentialJson('x').replace(/x\.json$/, '<id>.json')}'
curl -s ${transparencyLog}index/$(printf '%s' "$ID" | sha256sum | cut -c1-2).json
# ${c.leafHash}
python3 -c 'import hashlib,sys; e=sys.argv[1].encode(); print(hashlib.sha256(b"\\x00"+e).hexdigest())' "$ENTRY"`;

  return {
    title,
    description,
    did: site.did,
    didDocument: site.urls.didDocument,
    didLog: site.urls.didLog,
    revocationList: site.urls.statusList('revocation'),
    suspensionList,
    transparencyLog,
    contexts: [...PINNED_CONTEXTS.keys()],
    maxDepth: MAX_DEPTH,
    maxProofs: MAX_PROOFS,
    suspensionService: JSON.stringify({ id: `${site.did}#suspension-list`, type: 'BitstringStatusListCredential', serviceEndpoint: suspensionList }, null, 2),
    commands: { base58, ed25519, canonical, status, recipient, log },
  };
}
