/** The stage in words, for screen readers: threads, sockets, clients and the readiness machinery. */
import type { T } from '../hooks.ts';
import type { StageScene } from './scene.ts';
import {
  bytesText,
  callText,
  clientStateText,
  eventsText,
  refsText,
  sockStatus,
  sockTitle,
  stateText,
  threadName,
} from './describe.ts';
import { pyRepr } from './text.ts';

/** The most items a cell lists. */
const LIST_MAX = 64;

export function StateTable({ scene, t }: { scene: StageScene; t: T }) {
  const name = (tid: number): string => {
    const th = scene.threads[tid];
    return th ? threadName(th) : String(tid);
  };
  // A long list (an epoll set of 10,000 fds) says how many it leaves out, as the picture does:
  // a text of that size would be laid out again at every step.
  const list = (items: readonly (string | number)[]): string =>
    items.length === 0
      ? t('stage.none')
      : items.length <= LIST_MAX
        ? items.join(', ')
        : `${items.slice(0, LIST_MAX).join(', ')}, ${t('stage.more.items', { n: items.length - LIST_MAX })}`;
  const threads = [...scene.procs, ...scene.exitedProcs].flatMap((p) =>
    [...p.threads, ...p.exitedThreads].map((th) => ({ p, th })),
  );
  const machinery: string[] = [
    ...(scene.scan
      ? [
          t('stage.table.scan', {
            kind: scene.scan.kind,
            watched: list(scene.scan.watched),
            ready: list(scene.scan.ready),
          }),
        ]
      : []),
    ...scene.epolls.map((ep) =>
      t('stage.table.epoll', {
        id: refsText(ep.refs, t, scene.procs.length > 1),
        interest: list(ep.interest.map((i) => `fd ${i.fd} ${eventsText(i.events)}`)),
        ready: list(ep.ready.map((r) => `fd ${r.fd}`)),
      }),
    ),
    ...scene.signals.map((s) => t('stage.table.signals', { pid: s.pid, pending: list(s.pending) })),
    ...scene.urings.map((u) =>
      t('stage.table.uring', {
        sq: list(u.sq.map((e) => t('stage.uring.sqe', { op: e.op, fd: e.fd, ud: e.userData }))),
        cq: list(u.cq.slice(-6).map((e) => t('stage.uring.cqe', { ud: e.userData, res: e.res }))),
      }),
    ),
    ...(scene.terminal
      ? [
          t('stage.table.terminal', {
            prompt: scene.terminal.prompt !== null ? pyRepr(scene.terminal.prompt) : t('stage.none'),
            typed: list(scene.terminal.typed.map((l) => pyRepr(l))),
          }),
        ]
      : []),
    ...scene.pools.map((p) => `${t('stage.pool.title')}: ${list(p.waiters.map(name))}`),
  ];
  return (
    <div className="visually-hidden">
      <table>
        <caption>{t('stage.table.threads')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stage.table.thread')}</th>
            <th scope="col">{t('stage.table.process')}</th>
            <th scope="col">{t('stage.table.state')}</th>
            <th scope="col">{t('stage.table.call')}</th>
            <th scope="col">{t('stage.table.buffer')}</th>
          </tr>
        </thead>
        <tbody>
          {threads.map(({ p, th }) => (
            <tr key={th.tid}>
              <th scope="row">{threadName(th)}</th>
              <td>{t('stage.proc.title', { name: p.name, pid: p.pid })}</td>
              <td>{stateText(th, t, scene.t)}</td>
              <td>{callText(th, t) ?? (th.call ? `${th.call.name}()` : t('stage.none'))}</td>
              <td>{th.userBuffer ? pyRepr(th.userBuffer.data, 200) : t('stage.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{t('stage.table.sockets')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stage.table.socket')}</th>
            <th scope="col">{t('stage.table.rx')}</th>
            <th scope="col">{t('stage.table.status')}</th>
            <th scope="col">{t('stage.table.waiting')}</th>
          </tr>
        </thead>
        <tbody>
          {scene.sockets.map((s) => (
            <tr key={s.id}>
              <th scope="row">{sockTitle(s, t, scene.procs.length > 1)}</th>
              <td>
                {s.kind === 'listen'
                  ? t('stage.table.queue', { list: list(s.queue.map((q) => q.client ?? '?')) })
                  : bytesText(s.rx, t, 200)}
              </td>
              <td>{list(sockStatus(s, t).map((m) => m.text))}</td>
              <td>{list(s.waiters.map(name))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {machinery.length > 0 ? (
        <>
          <p>{t('stage.table.machinery')}</p>
          <ul>
            {machinery.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </>
      ) : null}
      <table>
        <caption>{t('stage.table.clients')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stage.table.client')}</th>
            <th scope="col">{t('stage.table.state')}</th>
            <th scope="col">{t('stage.table.replies')}</th>
          </tr>
        </thead>
        <tbody>
          {scene.clients.map((c) => (
            <tr key={c.name}>
              <th scope="row">{c.name}</th>
              <td>{clientStateText(c, t)}</td>
              <td>{list(c.replies.map((r) => pyRepr(r, 60)))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('stage.table.packets', {
          list: list(
            scene.packets.map((p) =>
              t('stage.packet.title', {
                kind: p.kind,
                from: p.toServer ? p.client : t('stage.packet.server'),
                to: p.toServer ? t('stage.packet.server') : p.client,
                n: p.bytes,
              }),
            ),
          ),
        })}
      </p>
    </div>
  );
}
