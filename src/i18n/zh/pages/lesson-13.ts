/** 第 13 课（中文；英文见 src/i18n/en/pages/lesson-13.ts，键完全相同）。 */
import type { Messages } from '../../core.ts';

export default {
  'lesson.13.title': '异步 I/O：两个阶段都由内核完成',
  'lesson.13.summary':
    '用 io_uring，程序只提出“读”的请求，等它收到通知时，数据已经在它的缓冲区里了。nginx、Tornado 所说的“异步”，其实是多路复用。',
  'lesson.13.idea.title': '把整个读操作都交出去',
  'lesson.13.idea.b1':
    '到目前为止的每种模型里，至少第二阶段都要由程序自己调用 recv 来拷贝数据。异步 I/O 则是把一个请求交给内核（从这个套接字读到这块缓冲区），然后继续做自己的事。内核去等数据、去拷贝，全部做完才告诉程序：好了。',
  'lesson.13.idea.b2':
    '在 Linux 上，这就是 io_uring：两个放在与内核共享的内存里的队列，提交队列放请求，完成队列放结果。',
  'lesson.13.submit.title': '请求放进去',
  'lesson.13.submit.b1':
    '程序把请求（accept、recv）写进提交队列，一次 io_uring_enter 调用就把它们全部交给内核。程序并不等它们完成。',
  'lesson.13.copy.title': '数据到了',
  'lesson.13.copy.b1':
    '一个客户端刚刚发出数据，它们马上就要落进套接字的接收缓冲区，而这个套接字上正好有一个待处理的 recv 请求。',
  'lesson.13.copy.q': '谁把这些字节拷贝到程序的缓冲区里？',
  'lesson.13.c.program': '程序自己，通过一次 recv 调用',
  'lesson.13.c.kernel': '没有 recv 调用：io_uring 的完成处理以内核态、在程序自己的线程里拷贝',
  'lesson.13.copy.explain':
    '程序根本没有调用 recv。字节一到，io_uring 的完成处理就作为 task_work，在提交请求的那个线程的上下文里以内核态拷贝它们：如果该线程正在用户态运行，就打断它；若设置了 IORING_SETUP_DEFER_TASKRUN，则等到线程调用 io_uring_enter(GETEVENTS) 时才做（这里它正睡在 {call} 里）。只有 IORING_SETUP_SQPOLL 或 io-wq 后备机制才会在另一个内核线程里完成它。',
  'lesson.13.cqe.title': '通知在最后才来',
  'lesson.13.cqe.b1':
    '完成队列里来了一个完成事件：读已经结束，数据已经在缓冲区里了。这正是它和信号驱动 I/O 的区别：信号驱动收到的是“现在可以读了”，这里收到的是“已经读好了”。',
  'lesson.13.industry.title': '业界所说的“异步”',
  'lesson.13.industry.b1':
    'nginx、Node.js、Tornado 和 Python 的 asyncio 都被称为异步，但按这个定义它们并不是：它们用 epoll 等待，然后自己去读。这是 I/O 多路复用加上非阻塞套接字。',
  'lesson.13.industry.b2':
    '从运行结果里数一数：这个 io_uring 服务器调用了 {recvs} 次 recv；面对同样的客户端，asyncio 服务器调用了 {asyncioRecvs} 次 recv 和 {asyncioWaits} 次 epoll_wait。',
  'lesson.13.industry.b3':
    '对写程序的人来说，两者用起来都像异步；但只有一种在内核里是真正异步的。读磁盘文件时差别就出来了：epoll 帮不上忙，io_uring 可以。',
  'lesson.13.fig.title': '一次读操作里，谁做什么',
  'lesson.13.fig.phase1': '第一阶段：等待数据',
  'lesson.13.fig.phase2': '第二阶段：拷贝给程序',
  'lesson.13.fig.tells': '程序收到的通知',
  'lesson.13.fig.mux': 'epoll + 非阻塞（nginx、asyncio）',
  'lesson.13.fig.aio': '异步 I/O（io_uring）',
  'lesson.13.fig.mux.p1': '睡在 epoll_wait 里等',
  'lesson.13.fig.mux.p2': '程序调用 recv',
  'lesson.13.fig.mux.tells': '“现在可以读了”',
  'lesson.13.fig.aio.p1': '内核去等',
  'lesson.13.fig.aio.p2': '内核来拷贝',
  'lesson.13.fig.aio.tells': '“已经读好了”',
  'lesson.13.link.compare': '把所有模型放在一起比较',
} satisfies Messages;
