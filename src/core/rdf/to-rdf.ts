/**
 * Expanded JSON-LD to an RDF dataset (JSON-LD 1.1 Processing Algorithms and API §7.2 Node Map
 * Generation, §8.1 Deserialize JSON-LD to RDF, §8.4 Object to RDF, §8.5 List to RDF), ported
 * from jsonld.js 9 (lib/nodeMap.js, lib/toRdf.js) for the expanded forms ./expand.ts produces: one
 * default graph, node objects, value objects, references and lists.
 *
 * The dataset is jsonld.js's, quad for quad and in the same order, with the same blank node
 * labels: nodes with the same @id merge, a value repeated in one property counts once (jsonld.js
 * compareValues), and two values that differ in JSON but not in RDF (1 and "1" typed as
 * xsd:integer) stay two quads, as there. The order matters beyond the set of quads: rdf-canonize
 * caps its work (RDFC-1.0 §4.4 "deep iterations") and how much of it a hard dataset takes
 * depends on the order and labels of its blank nodes, so only the same dataset fails the same way.
 * The quads are in the form rdf-canonize takes.
 */
import { outside } from './active-context.ts';
import type { ExpandedObject } from './expand.ts';

export interface NamedNode {
  readonly termType: 'NamedNode';
  readonly value: string;
}
export interface BlankNode {
  readonly termType: 'BlankNode';
  /** The label without its `_:`. */
  readonly value: string;
}
export interface Literal {
  readonly termType: 'Literal';
  readonly value: string;
  readonly datatype: NamedNode;
}
export interface DefaultGraph {
  readonly termType: 'DefaultGraph';
  readonly value: '';
}
export interface Quad {
  readonly subject: NamedNode | BlankNode;
  readonly predicate: NamedNode;
  readonly object: NamedNode | BlankNode | Literal;
  readonly graph: DefaultGraph;
}

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDF_FIRST = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#first';
const RDF_REST = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#rest';
const RDF_NIL = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#nil';
const XSD_BOOLEAN = 'http://www.w3.org/2001/XMLSchema#boolean';
const XSD_DOUBLE = 'http://www.w3.org/2001/XMLSchema#double';
const XSD_INTEGER = 'http://www.w3.org/2001/XMLSchema#integer';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const DEFAULT_GRAPH: DefaultGraph = { termType: 'DefaultGraph', value: '' };

type Item = ExpandedObject;

interface PropertyValues {
  readonly items: Item[];
  /** Keys of the values and references already there (jsonld.js compareValues), for dedup. */
  readonly seen: Set<string>;
}

interface NodeEntry {
  readonly types: string[];
  readonly properties: Map<string, PropertyValues>;
}

/** jsonld.js IdentifierIssuer('_:b'): blank node labels, the document's own ones renamed. */
class BlankNodeLabels {
  private counter = 0;
  private readonly issued = new Map<string, string>();

  label(old?: string): string {
    const existing = old === undefined ? undefined : this.issued.get(old);
    if (existing) return existing;
    const label = `_:b${this.counter++}`;
    if (old !== undefined) this.issued.set(old, label);
    return label;
  }
}

function isValue(item: Item): boolean {
  return '@value' in item;
}

function isList(item: Item): boolean {
  return '@list' in item;
}

/** jsonld.js graphTypes.isBlankNode for a node object. */
function isBlankNode(item: Item): boolean {
  if ('@id' in item) {
    const id = item['@id'];
    return typeof id !== 'string' || id.startsWith('_:');
  }
  return Object.keys(item).length === 0 || !(isValue(item) || isList(item) || '@set' in item);
}

/**
 * What jsonld.js util.compareValues compares, as a key: a value object by its @value (a string,
 * number or boolean: JavaScript equality tells 1 from "1") and @type, a reference by its @id.
 * The value objects here have no @language and no @index.
 */
function identity(item: Item): string {
  return isValue(item) ? JSON.stringify([typeof item['@value'], item['@value'], item['@type'] ?? null]) : `@id ${String(item['@id'])}`;
}

function addUnique(values: PropertyValues, item: Item): void {
  const key = identity(item);
  if (values.seen.has(key)) return;
  values.seen.add(key);
  values.items.push(item);
}

class NodeMap {
  readonly nodes = new Map<string, NodeEntry>();
  readonly labels = new BlankNodeLabels();

  /** §7.2.2 for a node object (jsonld.js createNodeMap), with the name it was given, if any. */
  add(element: Item, name?: string, list?: Item[]): void {
    if (isValue(element)) {
      list?.push(element);
      return;
    }
    if (isList(element)) outside('a list inside a list');
    // jsonld.js names a node's blank node types before the node itself.
    for (const type of (element['@type'] as string[] | undefined) ?? []) {
      if (type.startsWith('_:')) this.labels.label(type);
    }
    const id = element['@id'];
    const subject = name ?? (isBlankNode(element) ? this.labels.label(id as string | undefined) : (id as string));
    list?.push({ '@id': subject });
    let node = this.nodes.get(subject);
    if (!node) this.nodes.set(subject, (node = { types: [], properties: new Map() }));
    for (const property of Object.keys(element).sort()) {
      if (property === '@id') continue;
      const objects = element[property] as unknown[];
      if (property === '@type') {
        for (const type of objects as string[]) {
          const iri = type.startsWith('_:') ? this.labels.label(type) : type;
          if (!node.types.includes(iri)) node.types.push(iri);
        }
        continue;
      }
      let values = node.properties.get(property);
      if (!values) node.properties.set(property, (values = { items: [], seen: new Set() }));
      for (const object of objects as Item[]) {
        if (isValue(object)) {
          addUnique(values, object);
        } else if (isList(object)) {
          const items: Item[] = [];
          this.addAll(object['@list'] as Item[], items);
          values.items.push({ '@list': items });
        } else {
          // A node object or a reference: referenced by its (relabelled) @id, then merged in.
          if ('@id' in object && !object['@id']) continue;
          const objectId = isBlankNode(object) ? this.labels.label(object['@id'] as string | undefined) : (object['@id'] as string);
          addUnique(values, { '@id': objectId });
          this.add(object, objectId);
        }
      }
    }
  }

  addAll(elements: readonly Item[], list?: Item[]): void {
    for (const element of elements) this.add(element, undefined, list);
  }
}

function namedOrBlank(id: string): NamedNode | BlankNode {
  return id.startsWith('_:') ? { termType: 'BlankNode', value: id.slice(2) } : { termType: 'NamedNode', value: id };
}

/** §8.4 Object to RDF (jsonld.js _objectToRDF), for the values this path produces. */
function objectToRdf(item: Item, labels: BlankNodeLabels, dataset: Quad[]): NamedNode | BlankNode | Literal {
  if (isValue(item)) {
    let value = item['@value'];
    const datatype = (item['@type'] as string | undefined) ?? null;
    let lexical: string;
    let type: string;
    if (typeof value === 'boolean') {
      lexical = value.toString();
      type = datatype ?? XSD_BOOLEAN;
    } else if (isDouble(value) || datatype === XSD_DOUBLE) {
      if (!isDouble(value)) value = Number.parseFloat(String(value));
      // The canonical xsd:double form jsonld.js writes, e.g. 1.5E0.
      lexical = (value as number).toExponential(15).replace(/(\d)0*e\+?/, '$1E');
      type = datatype ?? XSD_DOUBLE;
    } else if (typeof value === 'number') {
      lexical = value.toFixed(0);
      type = datatype ?? XSD_INTEGER;
    } else {
      lexical = value as string;
      type = datatype ?? XSD_STRING;
    }
    return { termType: 'Literal', value: lexical, datatype: { termType: 'NamedNode', value: type } };
  }
  if (isList(item)) return listToRdf(item['@list'] as Item[], labels, dataset);
  return namedOrBlank(item['@id'] as string);
}

/** jsonld.js types.isDouble: a number written with a point, or too large for an integer. */
function isDouble(value: unknown): value is number {
  return typeof value === 'number' && (String(value).includes('.') || Math.abs(value) >= 1e21);
}

/** §8.5 List to RDF: rdf:first / rdf:rest cells ending in rdf:nil. */
function listToRdf(items: readonly Item[], labels: BlankNodeLabels, dataset: Quad[]): NamedNode | BlankNode {
  if (items.length === 0) return { termType: 'NamedNode', value: RDF_NIL };
  const head: BlankNode = { termType: 'BlankNode', value: labels.label().slice(2) };
  let subject = head;
  items.forEach((item, index) => {
    const object = objectToRdf(item, labels, dataset);
    const last = index === items.length - 1;
    const rest: NamedNode | BlankNode = last ? { termType: 'NamedNode', value: RDF_NIL } : { termType: 'BlankNode', value: labels.label().slice(2) };
    dataset.push({ subject, predicate: { termType: 'NamedNode', value: RDF_FIRST }, object, graph: DEFAULT_GRAPH });
    dataset.push({ subject, predicate: { termType: 'NamedNode', value: RDF_REST }, object: rest, graph: DEFAULT_GRAPH });
    if (rest.termType === 'BlankNode') subject = rest;
  });
  return head;
}

/** §8.1 Deserialize JSON-LD to RDF, for expanded top-level node objects in the default graph. */
export function toRdf(expanded: readonly ExpandedObject[]): Quad[] {
  const map = new NodeMap();
  map.addAll(expanded);
  const dataset: Quad[] = [];
  // jsonld.js _graphToRDF: subjects, then their properties, in code unit order (@type first).
  for (const id of [...map.nodes.keys()].sort()) {
    const node = map.nodes.get(id)!;
    const subject = namedOrBlank(id);
    for (const type of node.types) {
      dataset.push({ subject, predicate: { termType: 'NamedNode', value: RDF_TYPE }, object: namedOrBlank(type), graph: DEFAULT_GRAPH });
    }
    for (const property of [...node.properties.keys()].sort()) {
      const predicate: NamedNode = { termType: 'NamedNode', value: property };
      for (const value of node.properties.get(property)!.items) {
        // A list's cells come before the quad that points at the list, as there.
        const object = objectToRdf(value, map.labels, dataset);
        dataset.push({ subject, predicate, object, graph: DEFAULT_GRAPH });
      }
    }
  }
  return dataset;
}
