import type { ResolvedOptions } from './models.ts';

/** What every server program is built from: the run's options and the port it listens on. */
export interface ServerParams {
  options: ResolvedOptions;
  port: number;
}
