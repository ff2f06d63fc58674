/** The runs made when the site was built (tools/build/precomputed-runs.ts; first-run.ts gives them their type). */
declare module 'virtual:iolab/precomputed-runs' {
  const runs: unknown;
  export default runs;
}
