/**
 * The listings with their comments in Chinese, for a page in Chinese: each English comment of
 * python/*.py is replaced by its translation, so the code and its line numbers are the English
 * file's by construction (a step highlights the same line in both languages). The files on disk
 * stay English: the CLI, the narration and the recordings read those. Loaded only by a Chinese page.
 * A new or reworded English comment needs its line here (src/i18n/listings-zh.test.ts says which).
 */
import { LISTINGS, type ListingName } from './listings.generated.ts';
import type { Listings } from './lines.ts';

/** Where a line's comment starts (a `#` outside a string literal), or -1. */
export function commentStart(line: string): number {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#') return i;
  }
  return -1;
}

/** A line's code (without trailing blanks) and its comment's text, or null when it has none. */
export function splitComment(line: string): { code: string; comment: string | null } {
  const at = commentStart(line);
  return at < 0
    ? { code: line.trimEnd(), comment: null }
    : { code: line.slice(0, at).trimEnd(), comment: line.slice(at + 1).trim() };
}

/** English comment (as written after `# `) -> its Chinese. One line each: a long comment is translated line by line. */
export const COMMENTS_ZH: Readonly<Record<string, string>> = {
  "Asynchronous I/O with io_uring. ILLUSTRATIVE ONLY: Python's stdlib has no io_uring,":
    '用 io_uring 实现异步 I/O。仅作示意：Python 标准库没有 io_uring，',
  'so `uring` is an imagined minimal binding. ring.submit() stands for io_uring_enter(2)':
    '`uring` 是一个设想的最小绑定。ring.submit() 代表 io_uring_enter(2)',
  '(submit), ring.wait_cqe() for io_uring_enter(2) with IORING_ENTER_GETEVENTS, and':
    '（提交），ring.wait_cqe() 代表带 IORING_ENTER_GETEVENTS 的 io_uring_enter(2)，',
  'uring.Ring() for io_uring_setup(2) plus the mmap of its two queues.':
    'uring.Ring() 代表 io_uring_setup(2) 以及对两个队列的 mmap。',
  imagined: '设想的模块',
  'fd -> the buffer the kernel fills for us': 'fd -> 内核替我们填充的缓冲区',
  'the kernel now does the work; we do not wait on any socket': '从此由内核干活；我们不在任何套接字上等待',
  'a completion: the operation is already done': '一个完成事件：操作已经做完了',
  "the new connection's fd": '新连接的文件描述符',
  '0: the client closed; < 0: -errno': '0：客户端已关闭；< 0：-errno',
  'the data is already in our buffer: no recv() call to make': '数据已经在我们的缓冲区里：不必再调用 recv()',
  'asyncio: coroutines on one event loop; each await parks a coroutine, not the thread.':
    'asyncio：协程跑在同一个事件循环上；每个 await 挂起的是协程，而不是线程。',
  'the client left mid-conversation': '客户端在对话中途离开',
  "the loop's sock_* methods need non-blocking sockets": '事件循环的 sock_* 方法要求非阻塞套接字',
  'returns conn already non-blocking': '返回的 conn 已经是非阻塞的',
  'Blocking I/O: one thread serves one connection at a time.': '阻塞 I/O：一个线程一次只服务一个连接。',
  'sleeps until a client connects': '睡眠，直到有客户端连上来',
  'sleeps until data (or FIN) arrives': '睡眠，直到数据（或 FIN）到达',
  "b'': the client closed its end": "b''：客户端关闭了它那一端",
  "What every scripted client in a scenario does (IO Lab's client hosts behave like this program).":
    '场景中每个脚本化客户端所做的事（IO Lab 的客户端主机就像这个程序一样工作）。',
  '(seconds from the start, action, data)': '（距开始的秒数，动作，数据）',
  'a read is always pending: each recv that returns is one reply':
    '始终有一个读操作在等待：每次 recv 返回就是一条回复',
  'the server closed its end': '服务器关闭了它那一端',
  "returns when the server's kernel completes the handshake": '服务器的内核完成三次握手后返回',
  'at its time, or right after the action before': '到点执行，或紧接在上一个动作之后',
  'never waits for the reply': '从不等待回复',
  "FIN: the server's recv returns b''": "FIN：服务器的 recv 返回 b''",
  "linger 0: RST, the server's recv raises ConnectionResetError":
    'linger 0：发送 RST，服务器的 recv 抛出 ConnectionResetError',
  'I/O multiplexing with epoll (level-triggered): the kernel keeps the interest list.':
    '用 epoll 实现 I/O 多路复用（水平触发）：兴趣列表由内核保存。',
  'registered once, not on every wait': '只注册一次，而不是每次等待都注册',
  'reset, or gone while we answered': '连接被重置，或在我们回复时对方已离开',
  "b'' or an error: this client has left": "b'' 或出错：这个客户端已经离开",
  'epoll, edge-triggered: told once per change, so drain each socket until it is empty.':
    'epoll 边缘触发：每次变化只通知一次，所以要把每个套接字读空。',
  'accept everyone who is waiting': '把所有在等待的连接都接受下来',
  'draining must end in EAGAIN, not block': '读空时必须以 EAGAIN 结束，而不是阻塞',
  'read until the buffer is empty': '一直读，直到内核缓冲区为空',
  'drained: wait for the next edge': '已读空：等待下一次边缘触发',
  'the client is gone': '客户端已离开',
  'epoll, edge-triggered, the mistake: one recv per event strands the rest of the data.':
    'epoll 边缘触发的错误用法：每个事件只 recv 一次，剩下的数据就被搁置了。',
  'bug: whatever is left waits for the next edge': '缺陷：剩下的数据要等到下一次边缘触发',
  'Non-blocking I/O: one thread polls every socket in turn.': '非阻塞 I/O：一个线程轮流轮询每个套接字。',
  'accept() does not pass O_NONBLOCK on': 'accept() 不会把 O_NONBLOCK 传给新套接字',
  'nobody is waiting to connect': '没有人在等待连接',
  'a copy: we may remove while looping': '用副本遍历：循环中可能删除元素',
  'no data yet: ask the next one': '还没有数据：去问下一个',
  "b'' or an error: drop this client": "b'' 或出错：丢掉这个客户端",
  'Non-blocking I/O, the classic mistake: only the listening socket is non-blocking.':
    '非阻塞 I/O 的典型错误：只有监听套接字是非阻塞的。',
  'still a blocking socket': '仍然是阻塞套接字',
  'blocks the whole loop until this client speaks': '整个循环都阻塞在这里，直到这个客户端发来数据',
  'I/O multiplexing with poll(): like select(), without the 1024-fd limit.':
    '用 poll() 实现 I/O 多路复用：与 select() 类似，但没有 1024 个 fd 的上限。',
  'poll() answers with fds': 'poll() 返回的是文件描述符',
  'Pre-threaded: POOL_SIZE threads, started up front, all call accept() on one listening socket.':
    '预先创建线程：POOL_SIZE 个线程一开始就启动，都在同一个监听套接字上调用 accept()。',
  'every idle worker sleeps here; a connection wakes one':
    '每个空闲的工作线程都睡在这里；一个连接只唤醒其中一个',
  'the main thread is a worker too': '主线程也是一个工作线程',
  'One process per connection: fork() copies the server, fds included.':
    '每个连接一个进程：fork() 复制整个服务器，包括文件描述符。',
  'the kernel reaps exited children: no zombies': '由内核回收退出的子进程：不会产生僵尸进程',
  child: '子进程',
  'the child never accepts': '子进程从不调用 accept',
  'parent: the child has its own copy of this fd': '父进程：子进程有这个 fd 的独立副本',
  'Chat room over select(): the operator answers each message by hand.':
    '基于 select() 的聊天室：由操作员手动回复每条消息。',
  'in the order of inputs, not the order messages came in': '按 inputs 中的顺序，而不是消息到达的顺序',
  "b'': the client has left": "b''：客户端已经离开",
  'everyone waits for the operator': '所有人都在等操作员',
  'it left while we typed': '我们打字时它离开了',
  'Chat room over epoll (level-triggered): ready sockets come back in the order they became ready.':
    '基于 epoll 的聊天室（水平触发）：就绪的套接字按变为就绪的先后顺序返回。',
  'numbers the clients, as in the select() version': '给客户端编号，与 select() 版本相同',
  'Chat room over select(), the mistake: a client that leaves is never removed.':
    '基于 select() 的聊天室的错误用法：离开的客户端从未被移除。',
  "after the client closes: b'', again and again": "客户端关闭之后：一次又一次地返回 b''",
  'the second answer to a closed client: BrokenPipeError': '第二次回复已关闭的客户端：BrokenPipeError',
  'Chat room over poll(): the same room, the same operator.':
    '基于 poll() 的聊天室：同样的聊天室，同样的操作员。',
  'I/O multiplexing with select(): one call waits on every socket.':
    '用 select() 实现 I/O 多路复用：一次调用等待所有套接字。',
  'readable listening socket: a connection is waiting': '监听套接字可读：有一个连接在等待',
  'will not block: select said it is ready': '不会阻塞：select 已经说它就绪了',
  'selectors: the stdlib picks the best multiplexer (epoll on Linux) and calls you back.':
    'selectors：标准库选用最好的多路复用器（Linux 上是 epoll），再回调你的函数。',
  "b'' or an error: forget this client": "b'' 或出错：忘掉这个客户端",
  'data = the callback': 'data 就是回调函数',
  'Signal-driven I/O: the kernel sends SIGIO when a socket becomes ready.':
    '信号驱动 I/O：套接字就绪时，内核发送 SIGIO。',
  'SIGIO does not say which fd, and pending SIGIOs merge into one':
    'SIGIO 不说明是哪个 fd，多个待处理的 SIGIO 会合并成一个',
  'send SIGIO to this process': '把 SIGIO 发给本进程',
  'a SIGIO landing between this test and pause() waits for the next one':
    '若 SIGIO 恰好落在这次判断与 pause() 之间，就要等下一个信号',
  'sleep until a signal arrives': '睡眠，直到有信号到达',
  'no fd was named: try every socket until each says EAGAIN':
    '没有指明是哪个 fd：逐个尝试每个套接字，直到都返回 EAGAIN',
  drained: '已读空',
  'One thread per connection: a blocked recv only stops its own thread.':
    '每个连接一个线程：阻塞的 recv 只会挡住它自己的线程。',
  'A fixed pool of threads: connection POOL_SIZE + 1 waits for a free worker.':
    '固定大小的线程池：第 POOL_SIZE + 1 个连接要等有空闲的工作线程。',
  'queued until a worker is free': '排队，直到有工作线程空闲',
};

/** A listing with every comment that has a translation in Chinese; the code untouched. */
export function withChineseComments(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const at = commentStart(line);
      const zh = at < 0 ? undefined : COMMENTS_ZH[line.slice(at + 1).trim()];
      return zh === undefined ? line : `${line.slice(0, at)}# ${zh}`;
    })
    .join('\n');
}

export const LISTINGS_ZH: Listings = Object.fromEntries(
  Object.entries(LISTINGS).map(([name, text]) => [name, withChineseComments(text)]),
) as Record<ListingName, string>;
