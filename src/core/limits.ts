/**
 * Every limit a verifier holds untrusted input to, in one place: the command line, the browser and
 * the build read the same numbers, so a credential Laurel signs is always one its own verifier
 * reads, and a hostile file or server is refused in bounded time and memory wherever it arrives.
 * README "Security" lists them; change them here and nowhere else. (An OpenTimestamps proof is
 * also held to the format's own limits, those of its reference implementation, in
 * ./timestamp/ots.ts.)
 */

/** The most JSON a verifier reads: a credential, a DID document, an issuer profile or a status list. */
export const MAX_INPUT_BYTES = 1024 * 1024;
/** How deeply arrays and objects may nest. */
export const MAX_DEPTH = 64;
/** How many values (objects, arrays, strings, numbers…) a document may hold. */
export const MAX_NODES = 100_000;
/** A baked PNG or SVG badge; the credential inside it is still held to MAX_INPUT_BYTES, inflated or not. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/**
 * The largest bitstring a status list may expand to (16 MB = 2^27 entries). GZIP shrinks zeros
 * about 1000:1, so the inflate stops as soon as it passes this, whatever the compressed size.
 */
export const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;
/** How long one request may take, from sending it to the last byte of the answer. */
export const FETCH_TIMEOUT_MS = 15_000;
/** How many redirects one request may follow; each hop is checked before it is requested. */
export const MAX_REDIRECTS = 5;
/**
 * How much of a web page is read for its `<link rel="alternate">` to a credential (a certificate
 * page's head): the page is scanned once, up to here or `</head>`, and one such link is followed.
 */
export const MAX_PAGE_HEAD_BYTES = 64 * 1024;

/** How many of a credential's proofs are tried before giving up; any one valid proof suffices. */
export const MAX_PROOFS = 8;

/**
 * How many endorsements inside a credential are verified: those of an Open Badge, of its
 * achievement and of its issuer. Each is a full verification, with its own key and status
 * fetches; those beyond this are counted and not verified. Only one level: a nested credential's
 * own nested credentials are not verified.
 */
export const MAX_NESTED_CREDENTIALS = 16;
/**
 * How many of the credentials a CLR 2.0 transcript holds are verified, the same way and one level
 * deep too. A learner's transcript of 50 awards is well within it; one verification fetches each
 * of the issuer's files once, so 50 credentials of one issuer cost 50 signatures, not 50 downloads.
 * A transcript holding more is not called verified: those beyond are counted as not checked.
 */
export const MAX_CLR_CREDENTIALS = 128;

/** How many issuers a trust list may name (the list itself is held to MAX_INPUT_BYTES too). */
export const MAX_TRUST_LIST_ENTRIES = 10_000;

/**
 * A file of an issuer's transparency log: a checkpoint, a tile (8 KiB at most) or an entry bundle
 * (256 entries of a few hundred bytes).
 */
export const MAX_LOG_FILE_BYTES = 1024 * 1024;
/** How many log entries of one credential a verifier reads (a few in practice: issued, re-signed, revoked). */
export const MAX_LOG_ENTRIES_PER_CREDENTIAL = 64;
/** How many Bitcoin timestamps (anchors) a log's anchors/index.json may list: one per deploy for decades. */
export const MAX_ANCHORS_LISTED = 10_000;

/** How many entries an issuer's did:webvh DID log may hold (one per change of its keys or services). */
export const MAX_DID_LOG_ENTRIES = 1_000;

/** All of them, for documentation and for the benchmark's report. */
export const VERIFIER_LIMITS = {
  inputBytes: MAX_INPUT_BYTES,
  depth: MAX_DEPTH,
  nodes: MAX_NODES,
  imageBytes: MAX_IMAGE_BYTES,
  statusListBytes: MAX_STATUS_LIST_BYTES,
  fetchTimeoutMs: FETCH_TIMEOUT_MS,
  redirects: MAX_REDIRECTS,
  proofs: MAX_PROOFS,
  nestedCredentials: MAX_NESTED_CREDENTIALS,
  clrCredentials: MAX_CLR_CREDENTIALS,
  trustListEntries: MAX_TRUST_LIST_ENTRIES,
  logFileBytes: MAX_LOG_FILE_BYTES,
  logEntriesPerCredential: MAX_LOG_ENTRIES_PER_CREDENTIAL,
  anchorsListed: MAX_ANCHORS_LISTED,
  didLogEntries: MAX_DID_LOG_ENTRIES,
} as const;
