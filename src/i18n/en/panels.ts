/** Strings of the panels concern (English; src/i18n/zh/panels.ts has the same keys in Chinese): code, clients, strace log, meters, narration frame. */
import type { Messages } from '../core.ts';

export default {
  'panels.narr.step': 'Step {k} of {n}',
  'panels.narr.time': 't = {ms} ms',
  'panels.where.start': 'Start',
  'panels.where.python': 'Python (user space)',
  'panels.where.syscall': 'System call',
  'panels.where.kernel': 'Kernel',
  'panels.where.network': 'Network',
  'panels.where.client': 'Client',
  'panels.where.operator': 'Operator',
  'panels.where.error': 'Uncaught exception',
  'panels.where.end': 'End',
} satisfies Messages;
