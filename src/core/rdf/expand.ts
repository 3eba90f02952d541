/**
 * JSON-LD 1.1 Expansion (JSON-LD 1.1 Processing Algorithms and API §5.1.2, and §5.3.2 Value
 * Expansion) over immutable active contexts, ported from jsonld.js 9 (lib/expand.js) step for
 * step for the subset the fast path supports, with its safe mode: whatever jsonld.js would drop
 * with a warning, reject, or expand with a feature outside the subset (embedded contexts, @graph,
 * @reverse, @nest, @included, language, index, id and type maps, @json) throws OutsideFastPath.
 * The output has the shape jsonld.js expansion produces, so the two can be compared.
 */
import {
  ActiveContext,
  expandIri,
  isAbsoluteIri,
  isKeyword,
  isPlainObject,
  outside,
  processContext,
  type JsonObjectLike,
} from './active-context.ts';

export type ExpandedObject = Record<string, unknown>;
type Expanded = ExpandedObject | ExpandedObject[] | null;

/** Property-scoped contexts propagate and may override protected terms (§4.1.2, §5.1.2 step 8). */
const PROPERTY_SCOPED = { propagate: true, overrideProtected: true } as const;
/** Type-scoped contexts do not propagate into nested node objects (§5.1.2 step 11). */
const TYPE_SCOPED = { propagate: false, overrideProtected: false } as const;
/** The document's own @context (§5.1.2 step 9). */
const EMBEDDED = { propagate: true, overrideProtected: false } as const;

/** Containers whose maps and graphs this path does not expand. */
const UNSUPPORTED_CONTAINERS = ['@language', '@index', '@id', '@type', '@graph'];

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * The expanded form of a top-level JSON object whose @context, if any, the caller has already
 * dereferenced into `documentContexts` (context objects, in order).
 */
export function expandDocument(document: JsonObjectLike, documentContexts: readonly object[]): ExpandedObject[] {
  const expanded = expandObject(ActiveContext.initial, null, document, false, documentContexts);
  return [expanded];
}

function expandElement(active: ActiveContext, activeProperty: string | null, element: unknown, insideList: boolean): Expanded {
  if (element === null || element === undefined) return null;
  if (Array.isArray(element)) return expandArray(active, activeProperty, element, insideList);
  if (isPlainObject(element)) return expandObject(active, activeProperty, element, insideList, undefined);
  if (!isScalar(element)) outside('a value that is not JSON');
  // §5.1.2 step 4.1: a scalar outside any property is dropped, a safe-mode warning.
  if (!insideList && (activeProperty === null || active.expandKey(activeProperty) === '@graph')) outside('a free-floating scalar');
  return expandValue(active, activeProperty, element);
}

/** §5.1.2 step 5. */
function expandArray(active: ActiveContext, activeProperty: string | null, element: readonly unknown[], insideList: boolean): ExpandedObject[] {
  const inList = insideList || active.containers(activeProperty).includes('@list');
  const result: ExpandedObject[] = [];
  for (const item of element) {
    if (inList && Array.isArray(item)) outside('a list of lists');
    const expanded = expandElement(active, activeProperty, item, false);
    if (expanded === null) continue;
    if (Array.isArray(expanded)) result.push(...expanded);
    else result.push(expanded);
  }
  return result;
}

/** §5.1.2 steps 6–20 for a map. */
function expandObject(
  context: ActiveContext,
  activeProperty: string | null,
  element: JsonObjectLike,
  insideList: boolean,
  documentContexts: readonly object[] | undefined,
): ExpandedObject {
  let active = context;
  const expandedActiveProperty = activeProperty === null ? null : active.expandKey(activeProperty);
  const propertyScoped = active.scopedContext(activeProperty);
  const keys = Object.keys(element).sort();

  // Step 7: a type-scoped context does not reach a new node object, but it does reach a value
  // object and a lone node reference (jsonld.js tests at most two keys, as here).
  const typeScoped = active.previous ? active : undefined;
  let mustRevert = true;
  if (typeScoped && keys.length <= 2 && !keys.includes('@context')) {
    for (const key of keys) {
      const expanded = typeScoped.expandKey(key);
      if (expanded === '@value') {
        mustRevert = false;
        active = typeScoped;
        break;
      }
      if (expanded === '@id' && keys.length === 1) {
        mustRevert = false;
        break;
      }
    }
  }
  if (mustRevert) active = active.reverted();
  if (propertyScoped !== undefined) active = processContext(active, propertyScoped, PROPERTY_SCOPED);
  if ('@context' in element) {
    if (!documentContexts) outside('an embedded @context');
    active = processContext(active, documentContexts, EMBEDDED);
  }

  // Step 11: the type-scoped contexts of the node's types, in lexicographical order.
  const typeScopedContext = active;
  let typeKey: string | null = null;
  for (const key of keys) {
    if (active.expandKey(key) !== '@type') continue;
    typeKey ??= key;
    const value = element[key];
    const types = Array.isArray(value) ? (value.length > 1 ? [...value].sort() : value) : [value];
    for (const type of types) {
      const scoped = typeScopedContext.scopedContext(type);
      if (scoped !== undefined) active = processContext(active, scoped, TYPE_SCOPED);
    }
  }

  const result: ExpandedObject = {};
  expandEntries(active, expandedActiveProperty, element, keys, result, typeKey, typeScopedContext);
  const count = Object.keys(result).length;

  if ('@value' in result) {
    // Steps 15.1–15.5: a value object has @value and at most an absolute IRI @type here.
    if (Object.keys(result).some((key) => key !== '@value' && key !== '@type')) outside('an invalid value object');
    const type = result['@type'];
    if (type !== undefined && (typeof type !== 'string' || !isAbsoluteIri(type) || type.startsWith('_:'))) outside('an invalid typed value');
  } else if ('@type' in result && !Array.isArray(result['@type'])) {
    result['@type'] = [result['@type']];
  }

  // Step 19: at the top, an empty object, a value or an object with only @id is dropped, a
  // safe-mode warning.
  if (!insideList && (activeProperty === null || expandedActiveProperty === '@graph' || active.containers(activeProperty).includes('@graph'))) {
    if (count === 0 || '@value' in result || '@list' in result || (count === 1 && '@id' in result)) outside('a free-floating object');
  }
  return result;
}

/** Step 13 (jsonld.js _expandObject): each entry of the map, in lexicographical order. */
function expandEntries(
  active: ActiveContext,
  expandedActiveProperty: string | null,
  element: JsonObjectLike,
  keys: readonly string[],
  result: ExpandedObject,
  typeKey: string | null,
  typeScopedContext: ActiveContext,
): void {
  // jsonld.js reads element[typeKey] even when no key expands to @type (then the key "null").
  const typeValue = element[String(typeKey)];
  if (typeValue) {
    const first: unknown = Array.isArray(typeValue) ? typeValue[0] : typeValue;
    if (typeof first === 'string' && active.expandKey(first) === '@json') outside('a JSON literal');
  }

  for (const key of keys) {
    if (key === '@context') continue;
    const value = element[key];
    const property = active.expandKey(key);
    // Step 13.3: a key that is not a term, a compact IRI, an absolute IRI or a keyword.
    if (property === null || !(isAbsoluteIri(property) || isKeyword(property))) outside(`the term "${key}" is not defined`);

    if (isKeyword(property)) {
      if (expandedActiveProperty === '@reverse') outside('a keyword in a reverse map');
      if (property in result && property !== '@type') outside('colliding keywords');
      if (property === '@id') {
        // Step 13.4.3.
        if (typeof value !== 'string') outside('an @id that is not a string');
        const id = expandIri(active, value, { vocab: false, base: true });
        if (id === null || !isAbsoluteIri(id)) outside('a reserved or relative @id');
        result['@id'] = id;
      } else if (property === '@type') {
        // Step 13.4.4: types expand in the context before the types' own scoped contexts.
        if (!(typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string')))) outside('an invalid @type value');
        for (const type of typeof value === 'string' ? [value] : (value as string[])) {
          const iri = expandIri(typeScopedContext, type, { vocab: true, base: true });
          if (iri === null || !isAbsoluteIri(iri)) outside('a relative @type');
          addType(result, iri);
        }
      } else if (property === '@value') {
        // Step 13.4.7.
        if (!isScalar(value)) outside('an @value that is not a string, number or boolean');
        result['@value'] = value;
      } else {
        outside(`the keyword ${property}`);
      }
      continue;
    }

    if (property.startsWith('_:')) outside('a blank node property');
    const scoped = active.scopedContext(key);
    const termContext = scoped === undefined ? active : processContext(active, scoped, PROPERTY_SCOPED);
    const containers = active.containers(key);
    if (containers.some((container) => UNSUPPORTED_CONTAINERS.includes(container))) outside(`an ${containers.join(' ')} container`);
    if (active.typeMapping(key) === '@json') outside('a JSON literal');
    let expanded = expandElement(termContext, key, value, false);
    if (expanded === null) continue;
    // Step 13.11: a list container wraps the values in a list object.
    if (containers.includes('@list')) expanded = { '@list': Array.isArray(expanded) ? expanded : [expanded] };
    const values = (result[property] ??= []) as unknown[];
    if (Array.isArray(expanded)) values.push(...expanded);
    else values.push(expanded);
  }
}

/** jsonld.js addValue for @type: one type as a string, more as an array, duplicates kept. */
function addType(result: ExpandedObject, iri: string): void {
  const existing = result['@type'];
  if (existing === undefined) result['@type'] = iri;
  else if (Array.isArray(existing)) existing.push(iri);
  else result['@type'] = [existing, iri];
}

/** §5.3.2 Value Expansion (jsonld.js _expandValue), without language or direction. */
function expandValue(active: ActiveContext, activeProperty: string | null, value: string | number | boolean): ExpandedObject {
  const property = activeProperty === null ? null : active.expandKey(activeProperty);
  if (isKeyword(property)) outside(`a value of ${property}`);
  const type = active.typeMapping(activeProperty);
  if (type === '@id' && typeof value === 'string') {
    const id = expandIri(active, value, { vocab: false, base: true });
    if (id === null || !isAbsoluteIri(id)) outside('a reserved or relative IRI value');
    return { '@id': id };
  }
  if (type === '@vocab' && typeof value === 'string') {
    const id = expandIri(active, value, { vocab: true, base: true });
    if (id === null || !isAbsoluteIri(id)) outside('a reserved or relative vocabulary value');
    return { '@id': id };
  }
  if (type === '@json') outside('a JSON literal');
  const result: ExpandedObject = {};
  if (type !== null && type !== '@id' && type !== '@vocab' && type !== '@none') result['@type'] = type;
  result['@value'] = value;
  return result;
}
