import { upperBytes } from '../kernel/bytes.ts';
import type { Program, UringCqe, UringSqe } from '../kernel/types.ts';
import { openServer, pyLine, uringEnter, uringSetup, type Gen } from './runtime.ts';
import { lineMap, serverLines } from './lines.ts';
import type { ServerParams } from './params.ts';

const L = {
  ...serverLines('async_io'),
  ...lineMap('async_io', {
    ring: 'ring = uring.Ring(',
    prepAccept: ['ring.prep_accept(server.fileno()', 1],
    submit: 'ring.submit()  # the kernel',
    wait: 'cqe = ring.wait_cqe()',
    acceptDone: 'conn_fd = cqe.res',
    prepRecv: ['ring.prep_recv(conn_fd', 1],
    prepAcceptAgain: ['ring.prep_accept(server.fileno()', 2],
    recvClosed: 'if cqe.res <= 0:',
    prepClose: 'ring.prep_close(',
    reply: 'reply = bytes(',
    prepSend: 'ring.prep_send(',
    prepRecvAgain: 'ring.prep_recv(fd, buffers[fd]',
    submitAgain: ['ring.submit()', 3],
  }),
};

/**
 * Asynchronous I/O on io_uring: the program hands the kernel whole operations (accept, recv,
 * send). The kernel waits for the data AND copies it into the program's buffer, then posts a
 * completion: the program never sleeps on a socket and never calls recv itself.
 */
export const asyncIoServer = (p: ServerParams): Program =>
  function* () {
    const server = yield* openServer(p.port, p.options.backlog, L);
    const ring = yield* uringSetup(64, L.ring);
    let sq: UringSqe[] = [];
    const completions: UringCqe[] = [];
    const tags = new Map<number, { kind: 'accept' | 'recv' | 'send' | 'close'; fd: number }>();
    let nextTag = 1;
    type SqeInput = UringSqe extends infer S ? (S extends UringSqe ? Omit<S, 'userData'> : never) : never;
    const prep = (sqe: SqeInput, kind: 'accept' | 'recv' | 'send' | 'close'): void => {
      const userData = nextTag++;
      tags.set(userData, { kind, fd: sqe.fd });
      sq.push({ ...sqe, userData } as UringSqe);
    };
    // ring.submit(): io_uring_enter hands over the prepared entries; completions ready by then come back too.
    const submit = function* (line: number): Gen<void> {
      const entries = sq;
      sq = [];
      completions.push(...(yield* uringEnter(ring, entries, 0, line)));
    };

    prep({ op: 'accept', fd: server.fd }, 'accept');
    yield* pyLine(L.prepAccept);
    yield* submit(L.submit);
    for (;;) {
      // wait_cqe(): reads the completion queue in shared memory; enters the kernel only if it is empty.
      if (completions.length === 0) completions.push(...(yield* uringEnter(ring, [], 1, L.wait)));
      else yield* pyLine(L.wait, 'narr.note.cqeReady');
      const cqe = completions.shift()!;
      const tag = tags.get(cqe.userData)!;
      tags.delete(cqe.userData);
      if (tag.kind === 'accept') {
        yield* pyLine(L.acceptDone, 'narr.note.accepted', { fd: cqe.res });
        if (cqe.res >= 0) prep({ op: 'recv', fd: cqe.res, size: p.options.recvSize }, 'recv');
        prep({ op: 'accept', fd: server.fd }, 'accept');
      } else if (tag.kind === 'recv') {
        if (cqe.res <= 0) {
          yield* pyLine(
            L.recvClosed,
            cqe.res === 0 ? 'narr.note.closed' : 'narr.note.error',
            cqe.res === 0 ? undefined : { err: cqe.errno ?? cqe.res },
          );
          prep({ op: 'close', fd: tag.fd }, 'close');
        } else {
          yield* pyLine(L.reply, 'narr.note.inBuffer');
          prep({ op: 'send', fd: tag.fd, data: upperBytes(cqe.data ?? '') }, 'send');
          prep({ op: 'recv', fd: tag.fd, size: p.options.recvSize }, 'recv');
        }
      }
      if (sq.length > 0) yield* submit(L.submitAgain);
    }
  };
