/**
 * A code-splitting group for Rolldown: every module the entry imports statically (directly or
 * through other modules), so the first screen arrives as one chunk next to the entry instead of
 * a dozen small ones (pages share these modules, which otherwise splits them apart). Modules
 * reached only through import() stay in their lazy chunks.
 */
import { resolve } from 'node:path';

interface ModuleInfo {
  importedIds: readonly string[];
}
interface ChunkingContext {
  getModuleInfo(id: string): ModuleInfo | null;
}

export function firstDownloadChunk(entry: string, name = 'app') {
  const entryId = resolve(entry);
  let reached: Set<string> | undefined;
  return {
    name: (id: string, ctx: ChunkingContext): string | null => {
      if (!reached) {
        reached = new Set();
        const queue = [entryId];
        while (queue.length > 0) {
          const next = queue.pop()!;
          if (reached.has(next)) continue;
          reached.add(next);
          for (const dep of ctx.getModuleInfo(next)?.importedIds ?? []) queue.push(dep);
        }
      }
      return id !== entryId && reached.has(id) ? name : null;
    },
  };
}
