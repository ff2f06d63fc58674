/** 第 12 课（中文；英文见 src/i18n/en/pages/lesson-12.ts，键完全相同）。 */
import type { Messages } from '../../core.ts';

export default {
  'lesson.12.title': '信号驱动 I/O：第五种模型',
  'lesson.12.summary':
    '套接字就绪时内核发来 SIGIO，但拷贝数据仍要程序自己做。原文说了有五种模型，却只讲了四种，缺的就是它。',
  'lesson.12.fifth.title': '原文跳过的那一种',
  'lesson.12.fifth.b1':
    '经典的分类（Stevens《UNIX 网络编程》）有五种 I/O 模型：阻塞、非阻塞、多路复用、信号驱动和异步。原文说有五种，却只讲了四种，这就是缺掉的那一种。',
  'lesson.12.fifth.b2':
    '程序不再主动去问，而是请内核通知它：它的某个套接字就绪时，内核给它发 SIGIO 信号。程序不再在读调用里等数据：它睡在 pause() 里（或者去做别的事），等信号来了再调用 recv。',
  'lesson.12.setup.title': '申请 SIGIO',
  'lesson.12.setup.b1':
    '每个套接字两次 fcntl：F_SETOWN 指定由哪个进程接收信号，F_SETFL 设置 O_ASYNC（给我发信号）和 O_NONBLOCK。在此之前，程序先用 signal.signal 安装了 SIGIO 的处理函数。内核运行的是 CPython 的 C 层处理函数，它只设置一个标志；Python 函数要等被打断的调用返回之后（pause() → -1 EINTR），才在主线程里运行。',
  'lesson.12.pause.title': '可以随便做别的事，这里选择什么都不做',
  'lesson.12.pause.b1':
    '这个程序没有别的活可干，于是调用 signal.pause()，睡到任意一个信号到来。它并没有在等某个套接字：真实的程序完全可以在这里做计算，再被信号打断。',
  'lesson.12.copy.title': '第二阶段还是程序自己的',
  'lesson.12.copy.b1':
    '收到信号后，程序自己调用 recv，数据从内核拷贝到它的缓冲区，就发生在这次调用里。信号驱动 I/O 省掉的是等待，而不是拷贝。',
  'lesson.12.sigio.title': '第二个客户端开口了',
  'lesson.12.sigio.b1':
    '现在连着两个客户端，刚刚又发出了一个 SIGIO。这个信号不带 fd，也不带原因，只说“有东西就绪了”。',
  'lesson.12.sigio.q': '收到这个 SIGIO 之后，程序会去试哪些套接字？',
  'lesson.12.c.one': '只试那个变为就绪的套接字',
  'lesson.12.c.every': '它手上的每一个套接字，因为它无从知道是哪一个',
  'lesson.12.sigio.explain':
    '在再次 pause 之前，它在 {fds} 个套接字上发出了 {calls} 次调用，其中 {eagain} 次以 BlockingIOError 结束，因为那个套接字上什么都没有。而且 SIGIO 会合并：一个信号还没处理时又有别的套接字就绪，只会收到一个信号。',
  'lesson.12.rare.title': '为什么 TCP 几乎没人用它',
  'lesson.12.rare.b1':
    '对 TCP 套接字来说，SIGIO 的触发原因很多（数据到达、新连接、关闭、出错），却不说是哪个套接字、什么原因。信号还会合并，所以程序每次都得把所有套接字查一遍，而这正是 epoll 要避免的扫描。',
  'lesson.12.rare.b2':
    '信号处理函数会在任意位置打断程序，里面能安全做的事又很少。它在 UDP 和终端上还有用武之地；服务器用的都是 epoll。',
  'lesson.12.link.compare': '把所有模型放在一起比较',
} satisfies Messages;
