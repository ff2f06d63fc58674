/** 第 3 课文字（中文）。 */
import type { Messages } from '../../core.ts';

export default {
  'lesson.03.title': '读操作的两个阶段',
  'lesson.03.summary':
    '从网络读数据都分两个阶段：先等数据到达，再把它从内核拷进进程。每一种 I/O 模型，都是对“谁来等、谁来拷”的不同回答。',
  'lesson.03.phases.title': '阶段一：等数据。阶段二：拷数据。',
  'lesson.03.phases.b1':
    '服务器调用 `recv()` 时，要发生两件不同的事。首先数据得存在：一个数据包要穿过网络，落进内核里这个套接字的缓冲区。这可能只要几微秒，也可能要几个小时。然后内核把这些字节拷进进程的内存，这只要几微秒。',
  'lesson.03.phases.b2':
    '请在脑子里把这两个阶段分开：本课程后面的各种模型，恰恰就区别在进程如何度过阶段一（睡觉、反复询问，还是去做别的事），以及阶段二由谁来完成。',
  'lesson.03.waiting.title': '阶段一：等待',
  'lesson.03.waiting.b1':
    '服务器接受了 ann 的连接，并调用了 `recv(1024)`。ann 还什么都没发，内核发现缓冲区是空的，就让线程睡下：这就是阶段一。',
  'lesson.03.waiting.b2':
    '舞台上的阶段指示写着“等待数据”和“在 recvfrom 里 · 睡眠”。在阻塞模型里，进程在 `recv()` 里睡过整个阶段一：不占 CPU，没有进展，也服务不了别的客户端。',
  'lesson.03.arrives.title': '数据到了：阶段一结束',
  'lesson.03.arrives.b1':
    'ann 的 `hello` 到了。内核把这 5 个字节放进套接字的接收缓冲区，正准备唤醒睡着的线程。',
  'lesson.03.arrives.b2': '注意是谁干的活：内核自己，在进程睡觉的时候。进程到现在一个字节也还没看到。',
  'lesson.03.copy.title': '阶段二：拷贝',
  'lesson.03.copy.b1':
    '数据把线程唤醒了。它仍在 `recv()` 里面，接下来要以内核态运行，把字节从套接字的缓冲区拷进 Python 的缓冲区。这就是阶段二：线程没有睡眠，但仍在调用里。拷完之后 `recv()` 才返回。',
  'lesson.03.copy.b2': '这次调用最多要 1024 个字节。',
  'lesson.03.copy.q': '这次 `recv(1024)` 会返回多少个字节？',
  'lesson.03.copy.q.explain':
    '`recv(n)` 返回缓冲区里现有的数据，最多 n 个字节：这里是 `hello` 的 5 个字节。1024 是上限，不是承诺；返回 0 则表示客户端关闭了它那一端。',
  'lesson.03.nowait.title': '如果数据早就到了',
  'lesson.03.nowait.b1':
    '过了很久，服务器才在 ben 的连接上调用 `recv()`。ben 早在服务器忙着应付 ann 的时候就发来了 `anyone?`：这些字节一直待在 ben 的套接字缓冲区里。',
  'lesson.03.nowait.b2': '看看这次调用会做什么。',
  'lesson.03.nowait.q': '这次 `recv()` 会经历哪些阶段？',
  'lesson.03.nowait.q.both': '两个都有：先等数据，再拷贝',
  'lesson.03.nowait.q.copy': '只有拷贝：阶段一早已结束',
  'lesson.03.nowait.q.wait': '只有等待',
  'lesson.03.nowait.q.explain':
    '只有拷贝：数据已经在那儿了，内核立刻拷贝，线程根本不用睡。不过数据本身在内核里等了 {waited} 毫秒，因为服务器被另一个客户端缠住了。阶段一并没有省掉，只是由 ben 替服务器付了这笔时间。',
  'lesson.03.models.title': '贯穿整个课程的主线',
  'lesson.03.models.b1':
    '下表是各个模型在两个阶段分别怎么做。阻塞 I/O 两个阶段都在 `recv()` 里，只在第一阶段睡眠。非阻塞 I/O 在阶段一反复询问、从不睡眠，拷贝时在 `recv()` 里。多路复用（select、poll、epoll）在阶段一同时守着许多套接字睡眠，再在第二个调用里拷贝。信号驱动 I/O 睡在 `pause()` 里，直到 SIGIO 告诉它阶段一结束，再在 `recv()` 里拷贝。异步 I/O（io_uring）睡在 `io_uring_enter` 里，不发读调用：由完成处理来拷贝。',
  'lesson.03.models.b2': '每学完一课，都回来看看这张表。',
} satisfies Messages;
