/**
 * Active contexts for the fast JSON-LD → RDF path (JSON-LD 1.1 Processing Algorithms and API,
 * §4.1 Context Processing, §4.2 Create Term Definition, §5.2 IRI Expansion), ported from
 * jsonld.js 9 so that every context it accepts here it also accepts there, term for term.
 *
 * Unlike jsonld.js, an active context is immutable once built, and each one remembers what it
 * became after a given local context was applied to it. The contexts a credential names, and the
 * type- and property-scoped contexts inside them, are the same objects for every credential, so
 * after the first credential no context is processed again: applying one is a map lookup.
 *
 * Only the subset of JSON-LD the pinned contexts use is implemented. Anything else (a feature
 * outside it, or any condition jsonld.js reports as an error or a safe-mode warning) throws
 * OutsideFastPath, and the caller hands the whole document to jsonld.js, which then gives the
 * exact result or the exact failure.
 */

/** Thrown when a document or context needs JSON-LD beyond the fast path, or is invalid. */
export class OutsideFastPath extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'OutsideFastPath';
  }
}

export function outside(reason: string): never {
  throw new OutsideFastPath(reason);
}

/**
 * A term definition in the shape jsonld.js builds (context.js createTermDefinition), key for key,
 * so that the protected-term check below (§4.2.2 step 27) compares exactly what jsonld.js compares.
 */
export interface TermDefinition {
  reverse: false;
  _termHasColon: boolean;
  '@id'?: string | null;
  _prefix?: boolean;
  protected?: true;
  '@type'?: string;
  '@container'?: readonly string[];
  '@context'?: unknown;
}

export type JsonObjectLike = Record<string, unknown>;

/** jsonld.js url.js: a scheme and a colon (or `_:`), and no white space. */
const ABSOLUTE_IRI = /^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$/;
/** jsonld.js util.js: what looks like a keyword. */
const KEYWORD_FORM = /^@[a-zA-Z]+$/;
const KEYWORDS = new Set([
  '@base', '@container', '@context', '@default', '@direction', '@embed', '@explicit', '@graph', '@id',
  '@included', '@index', '@json', '@language', '@list', '@nest', '@none', '@omitDefault', '@prefix',
  '@preserve', '@protected', '@requireAll', '@reverse', '@set', '@type', '@value', '@version', '@vocab',
]);
/** §4.2.2 step 14: the entries a JSON-LD 1.1 expanded term definition may have. */
const TERM_DEFINITION_KEYS = new Set(['@container', '@id', '@language', '@reverse', '@type', '@context', '@direction', '@index', '@nest', '@prefix', '@protected']);
/** …and those this path supports; the rest go to jsonld.js. */
const SUPPORTED_TERM_DEFINITION_KEYS = new Set(['@container', '@id', '@type', '@context', '@protected']);
const CONTAINERS = new Set(['@list', '@set', '@index', '@language', '@graph', '@id', '@type']);

export function isAbsoluteIri(value: unknown): boolean {
  return typeof value === 'string' && ABSOLUTE_IRI.test(value);
}

export function isKeyword(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('@') && KEYWORDS.has(value);
}

export function isPlainObject(value: unknown): value is JsonObjectLike {
  return Object.prototype.toString.call(value) === '[object Object]';
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

interface Derivation {
  readonly propagate: boolean;
  readonly overrideProtected: boolean;
}

export class ActiveContext {
  /** What each local context (by identity) made of this context, per processing flags. */
  private readonly derived = new WeakMap<object, Map<number, ActiveContext>>();

  readonly mappings: ReadonlyMap<string, TermDefinition>;
  readonly vocab: string | undefined;
  /** Set by a type-scoped context (§4.1.2 step 3): what a new node object reverts to. */
  readonly previous: ActiveContext | undefined;
  /** Whether a protected term was defined since the initial context (jsonld.js `protected`). */
  readonly hasProtectedTerms: boolean;

  constructor(mappings: ReadonlyMap<string, TermDefinition>, vocab: string | undefined, previous: ActiveContext | undefined, hasProtectedTerms: boolean) {
    this.mappings = mappings;
    this.vocab = vocab;
    this.previous = previous;
    this.hasProtectedTerms = hasProtectedTerms;
  }

  static readonly initial = new ActiveContext(new Map(), undefined, undefined, false);

  /** jsonld.js getContextValue for '@container': the term's containers, or none. */
  containers(term: string | null): readonly string[] {
    if (term === null) return [];
    return this.mappings.get(term)?.['@container'] ?? [];
  }

  /** jsonld.js getContextValue for '@type': the term's type mapping, or null. */
  typeMapping(term: string | null): string | null {
    if (term === null) return null;
    const definition = this.mappings.get(term);
    return definition && hasOwn(definition, '@type') ? definition['@type']! : null;
  }

  /** jsonld.js getContextValue for '@context': the term's scoped context, or undefined. */
  scopedContext(term: unknown): unknown {
    if (typeof term !== 'string') return undefined;
    const definition = this.mappings.get(term);
    return definition && hasOwn(definition, '@context') ? definition['@context'] : undefined;
  }

  /**
   * §5.2.2 with vocab = true, as jsonld.js expands keys and active properties. A term is looked
   * up first: no term can look like a keyword (defining one is outside the fast path), so this is
   * the order of §5.2.2 for every key a term defines.
   */
  expandKey(value: string): string | null {
    const definition = this.mappings.get(value);
    if (definition && '@id' in definition) return definition['@id'] ?? null;
    return expandIri(this, value, { vocab: true, base: false });
  }

  /** jsonld.js revertToPreviousContext (§5.1.2 step 7). */
  reverted(): ActiveContext {
    return this.previous ?? this;
  }

  withPrevious(previous: ActiveContext): ActiveContext {
    return new ActiveContext(this.mappings, this.vocab, previous, this.hasProtectedTerms);
  }

  remembered(local: object, flags: Derivation): ActiveContext | undefined {
    return this.derived.get(local)?.get(flagKey(flags));
  }

  remember(local: object, flags: Derivation, result: ActiveContext): void {
    let byFlags = this.derived.get(local);
    if (!byFlags) this.derived.set(local, (byFlags = new Map()));
    byFlags.set(flagKey(flags), result);
  }
}

function flagKey(flags: Derivation): number {
  return (flags.propagate ? 1 : 0) | (flags.overrideProtected ? 2 : 0);
}

/** A context being built: the mutable state of one §4.1.2 run over one local context. */
interface ContextUnderConstruction {
  mappings: Map<string, TermDefinition>;
  vocab: string | undefined;
  hasProtectedTerms: boolean;
}

/** Whatever has term definitions and a vocabulary mapping, built or under construction. */
interface TermSource {
  readonly mappings: ReadonlyMap<string, TermDefinition>;
  readonly vocab: string | undefined;
}

interface IriOptions {
  readonly vocab: boolean;
  readonly base: boolean;
}

/**
 * §5.2.2 IRI Expansion (jsonld.js context.js _expandIri). Relative resolution against a base is
 * outside the fast path: canonicalization runs with no base, so what would be resolved against one
 * stays relative, and jsonld.js then reports it in safe mode or drops it.
 */
export function expandIri(
  context: TermSource,
  value: string,
  options: IriOptions,
  local?: JsonObjectLike,
  defined?: Map<string, boolean>,
  building?: ContextUnderConstruction,
): string | null {
  if (isKeyword(value)) return value;
  if (KEYWORD_FORM.test(value)) return null;
  if (local && building && defined && hasOwn(local, value) && defined.get(value) !== true) {
    createTermDefinition(building, local, value, defined, false);
  }
  if (options.vocab) {
    const definition = context.mappings.get(value);
    if (definition && '@id' in definition) return definition['@id'] ?? null;
  }
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = value.slice(0, colon);
    const suffix = value.slice(colon + 1);
    if (prefix === '_' || suffix.startsWith('//')) return value;
    if (local && building && defined && hasOwn(local, prefix)) createTermDefinition(building, local, prefix, defined, false);
    const prefixDefinition = context.mappings.get(prefix);
    if (prefixDefinition && prefixDefinition._prefix) return `${prefixDefinition['@id']}${suffix}`;
    if (isAbsoluteIri(value)) return value;
  }
  if (options.vocab && context.vocab !== undefined) return context.vocab + value;
  if (options.base) outside(`"${value}" is a relative IRI reference`);
  return value;
}

/**
 * §4.1.2 Context Processing (jsonld.js context.js process) of a local context that is already an
 * object or an array of objects; remote contexts are dereferenced by the caller.
 */
export function processContext(active: ActiveContext, local: unknown, flags: Derivation): ActiveContext {
  if (isPlainObject(local) && '@context' in local && Array.isArray(local['@context'])) outside('a context wrapped in @context');
  const contexts = Array.isArray(local) ? local : [local];
  for (const context of contexts) {
    if (context !== null && !isPlainObject(context)) outside('a context that is not an embedded object');
    if (isPlainObject(context) && '@propagate' in context) outside('@propagate');
  }
  // Processing an array is processing its contexts in turn (§4.1.2 step 5): the first that does
  // not propagate sets the previous context, and the others keep it.
  let result = active;
  for (const context of contexts as Array<JsonObjectLike | null>) {
    if (context === null) {
      // §4.1.2 step 5.1: null resets to the initial context, which protected terms forbid unless
      // a property-scoped context does it.
      if (!flags.overrideProtected && result.hasProtectedTerms) outside('a null context over protected terms');
      result = ActiveContext.initial;
    } else {
      result = processObject(result, context, flags);
    }
  }
  return result;
}

function processObject(active: ActiveContext, context: JsonObjectLike, flags: Derivation): ActiveContext {
  const known = active.remembered(context, flags);
  if (known) return known;
  // §4.1.2 step 3: a context that does not propagate remembers what to revert to.
  const start = !flags.propagate && !active.previous ? active.withPrevious(active) : active;
  const result = processOne(start, context, flags);
  active.remember(context, flags, result);
  return result;
}

function processOne(active: ActiveContext, context: JsonObjectLike, flags: Derivation): ActiveContext {
  if ('@context' in context) outside('a context with a nested @context');
  const building: ContextUnderConstruction = { mappings: new Map(active.mappings), vocab: active.vocab, hasProtectedTerms: active.hasProtectedTerms };
  const defined = new Map<string, boolean>();
  if ('@version' in context) {
    if (context['@version'] !== 1.1) outside('an unsupported @version');
    defined.set('@version', true);
  }
  for (const keyword of ['@base', '@language', '@direction', '@import']) {
    if (keyword in context) outside(keyword);
  }
  if ('@vocab' in context) {
    const value = context['@vocab'];
    if (value === null) building.vocab = undefined;
    else if (typeof value !== 'string') outside('a @vocab that is not a string');
    else {
      const vocab = expandIri(building, value, { vocab: true, base: true });
      if (vocab === null || !isAbsoluteIri(vocab)) outside('a relative @vocab');
      building.vocab = vocab;
    }
    defined.set('@vocab', true);
  }
  if ('@protected' in context && context['@protected'] !== true) outside('@protected other than true');
  defined.set('@protected', context['@protected'] === true);
  for (const term in context) {
    createTermDefinition(building, context, term, defined, flags.overrideProtected);
    const value = context[term];
    if (isPlainObject(value) && '@context' in value) {
      const scoped = value['@context'];
      if (typeof scoped === 'string') outside('a scoped context by URL');
      // jsonld.js validates each scoped context as it defines the term, in the context built so
      // far; an invalid one fails the whole context, used or not.
      const snapshot = new ActiveContext(new Map(building.mappings), building.vocab, active.previous, building.hasProtectedTerms);
      processContext(snapshot, scoped, { propagate: true, overrideProtected: true });
    }
  }
  return new ActiveContext(building.mappings, building.vocab, active.previous, building.hasProtectedTerms);
}

/** §4.2.2 Create Term Definition (jsonld.js context.js createTermDefinition), supported subset. */
function createTermDefinition(
  building: ContextUnderConstruction,
  local: JsonObjectLike,
  term: string,
  defined: Map<string, boolean>,
  overrideProtected: boolean,
): void {
  if (defined.has(term)) {
    if (defined.get(term)) return;
    outside('a cyclic IRI mapping');
  }
  defined.set(term, false);
  let value = hasOwn(local, term) ? local[term] : undefined;
  if (isKeyword(term)) outside(`a redefinition of ${term}`);
  if (KEYWORD_FORM.test(term)) outside('a reserved term');
  if (term === '') outside('an empty term');

  const previous = building.mappings.get(term);
  building.mappings.delete(term);
  let simpleTerm = false;
  if (typeof value === 'string' || value === null) {
    simpleTerm = true;
    value = { '@id': value };
  }
  if (!isPlainObject(value)) outside('a term definition that is neither a string nor an object');
  const definition: TermDefinition = { reverse: false, _termHasColon: false };
  building.mappings.set(term, definition);
  for (const key in value) {
    if (!TERM_DEFINITION_KEYS.has(key)) outside(`a term definition with ${key}`);
    if (!SUPPORTED_TERM_DEFINITION_KEYS.has(key)) outside(`a term definition with ${key}`);
  }
  const colon = term.indexOf(':');
  definition._termHasColon = colon > 0;

  if ('@id' in value) {
    const id = value['@id'];
    if (id && typeof id !== 'string') outside('an @id that is not a string');
    if (id === null) {
      definition['@id'] = null;
    } else if (typeof id === 'string' && !isKeyword(id) && KEYWORD_FORM.test(id)) {
      outside('a reserved @id');
    } else if (id !== term) {
      const iri = expandIri(building, String(id), { vocab: true, base: false }, local, defined, building);
      if (iri === null || (!isAbsoluteIri(iri) && !isKeyword(iri))) outside('an @id that is not an absolute IRI');
      if (/(?::[^:])|\//.test(term)) {
        const termDefined = new Map(defined).set(term, true);
        const termIri = expandIri(building, term, { vocab: true, base: false }, local, termDefined, building);
        if (termIri !== iri) outside('a term in the form of an IRI that maps elsewhere');
      }
      definition['@id'] = iri;
      definition._prefix = simpleTerm && !definition._termHasColon && /[:/?#[\]@]$/.test(iri);
    }
  }
  if (!('@id' in definition)) {
    if (definition._termHasColon) {
      const prefix = term.slice(0, colon);
      if (hasOwn(local, prefix)) createTermDefinition(building, local, prefix, defined, false);
      const prefixDefinition = building.mappings.get(prefix);
      if (prefixDefinition) {
        if (typeof prefixDefinition['@id'] !== 'string') outside('a compact IRI on a null prefix');
        definition['@id'] = prefixDefinition['@id'] + term.slice(colon + 1);
      } else {
        definition['@id'] = term;
      }
    } else {
      if (building.vocab === undefined) outside('a term without @id and no @vocab');
      definition['@id'] = building.vocab + term;
    }
  }
  if (value['@protected'] === true || (defined.get('@protected') === true && value['@protected'] !== false)) {
    definition.protected = true;
    building.hasProtectedTerms = true;
  }
  defined.set(term, true);

  if ('@type' in value) {
    const raw = value['@type'];
    if (typeof raw !== 'string') outside('an @type mapping that is not a string');
    let type: string = raw;
    if (type !== '@json' && type !== '@none' && type !== '@id' && type !== '@vocab') {
      const iri = expandIri(building, type, { vocab: true, base: false }, local, defined, building);
      if (iri === null || !isAbsoluteIri(iri)) outside('an @type mapping that is not an absolute IRI');
      if (iri.startsWith('_:')) outside('an @type mapping to a blank node');
      type = iri;
    }
    definition['@type'] = type;
  }
  if ('@container' in value) {
    const raw = value['@container'];
    const container = typeof raw === 'string' ? [raw] : raw;
    if (!Array.isArray(container) || !container.every((item) => typeof item === 'string')) outside('an @container that is not a string or an array of strings');
    const items = container as string[];
    const hasSet = items.includes('@set');
    let valid = true;
    if (items.includes('@list')) {
      if (items.length !== 1) outside('@list with other containers');
    } else if (items.includes('@graph')) {
      if (items.some((item) => item !== '@graph' && item !== '@id' && item !== '@index' && item !== '@set')) outside('@graph with other containers');
    } else {
      valid &&= items.length <= (hasSet ? 2 : 1);
    }
    if (items.includes('@type')) {
      definition['@type'] ??= '@id';
      if (definition['@type'] !== '@id' && definition['@type'] !== '@vocab') outside('an @type container without @id or @vocab');
    }
    valid &&= items.every((item) => CONTAINERS.has(item));
    valid &&= !(hasSet && items.includes('@list'));
    if (!valid) outside('an invalid @container');
    definition['@container'] = items;
  }
  if ('@context' in value) definition['@context'] = value['@context'];
  if (definition['@id'] === '@context' || definition['@id'] === '@preserve') outside('an alias of @context or @preserve');

  // §4.2.2 step 27: a protected term may be redefined only to the same definition.
  if (previous?.protected && !overrideProtected) {
    definition.protected = true;
    building.hasProtectedTerms = true;
    if (!deepEqual(previous, definition)) outside(`a redefinition of the protected term "${term}"`);
  }
}

/** jsonld.js context.js _deepCompare: structural equality, containers in any order. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (!(a && typeof a === 'object') || !(b && typeof b === 'object')) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  if (Object.keys(left).length !== Object.keys(right).length) return false;
  for (const key in left) {
    let x = left[key];
    let y = right[key];
    if (key === '@container' && Array.isArray(x) && Array.isArray(y)) {
      x = [...(x as string[])].sort();
      y = [...(y as string[])].sort();
    }
    if (!deepEqual(x, y)) return false;
  }
  return true;
}
