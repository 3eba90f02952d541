/** The entry point Laurel uses from rdf-canonize, which ships no types. */
declare module 'rdf-canonize' {
  const rdfCanonize: {
    /** RDF Dataset Canonicalization: the dataset's canonical N-Quads. */
    canonize(dataset: readonly object[], options: { algorithm: 'RDFC-1.0' }): Promise<string>;
  };
  export default rdfCanonize;
}
