// The module the laurel() integration provides to pages and routes (src/site/integration.ts).
declare module 'virtual:laurel/site' {
  const snapshot: import('./snapshot.ts').SiteSnapshot;
  export default snapshot;
}
