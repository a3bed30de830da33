/** Made at build time from test/fixtures (modules/practice/replicas.ts). */
declare module 'virtual:practice-replicas' {
  const bundle: import('./replica-types').ReplicaBundle;
  export default bundle;
}
