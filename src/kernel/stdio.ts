/**
 * The server's console — Linux's drivers/tty (n_tty_read, tty_write) as far as IO Lab needs it:
 * `write` to stdout and stderr, and `read` of stdin, where an operator types an answer a while
 * after the program prints its prompt (the chat room's `input()`).
 */
import { USER_PTR, quoted } from './strace-format.ts';
import type { Bytes } from './bytes.ts';
import { done, fail, type Attempt, type KernelContext, type Process } from './state.ts';
import { fileOf } from './fdtable.ts';
import { wakeAll } from './sched.ts';

export function sysWrite(k: KernelContext, fd: number, data: Bytes): Attempt {
  const c = k.costs;
  if (fd === 1) {
    k.stdout += data;
    k.lastStdoutWrite = data;
  }
  return done(
    { ret: data.length },
    c.syscallNs + Math.round(data.length * c.copyNsPerByte),
    `write(${fd}, ${quoted(data)}, ${data.length})`,
    ` = ${data.length}`,
  );
}

export function sysReadStdin(k: KernelContext, proc: Process, fd: number, size: number): Attempt {
  const c = k.costs;
  const head = `read(${fd}, `;
  if (fd !== 0 || !fileOf(k, proc, fd)) return fail('EBADF', c.syscallNs, head, `${USER_PTR}, ${size})`);
  if (k.stdinBuffer.length > 0) {
    const data = k.stdinBuffer.slice(0, size);
    k.stdinBuffer = k.stdinBuffer.slice(data.length);
    return done(
      { ret: data.length, data },
      c.syscallNs + Math.round(data.length * c.copyNsPerByte),
      head,
      `${quoted(data)}, ${size}) = ${data.length}`,
      { fd, dir: 'to-user', data },
    );
  }
  if (!k.config.stdin) return done({ ret: 0, data: '' }, c.syscallNs, head, `"", ${size}) = 0`);
  // The operator starts typing when the prompt appears (the program wrote it just before).
  if (!k.stdinAnswerPending) {
    k.stdinAnswerPending = true;
    const prompt = k.lastStdoutWrite;
    const answer = k.config.stdin.answer(prompt, k.stdinPrompts++);
    k.schedule(k.now + k.config.stdin.answerDelayNs, { e: 'stdin', data: `${answer}\n` });
  }
  return { block: { kind: 'stdin' }, targets: [{ kind: 'stdin' }], head };
}

/** The operator pressed Enter: the line is in the terminal's buffer, and readers wake. */
export function stdinArrived(k: KernelContext, data: Bytes): void {
  k.stdinAnswerPending = false;
  k.stdinBuffer += data;
  if (k.tracing) k.emit({ t: k.now, type: 'stdin.line', data });
  else k.events++;
  wakeAll(k, k.stdinWaiters, 'stdin');
}
