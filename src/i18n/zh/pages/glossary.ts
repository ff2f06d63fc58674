/** 术语表（中文；英文见 src/i18n/en/pages/glossary.ts，键完全相同）。术语列表：src/i18n/glossary-terms.ts。 */
import type { Messages } from '../../core.ts';

export default {
  'glossary.title': '术语表',
  'glossary.intro': 'IO Lab 用到的术语，每个用几句话说明。旁白里的术语会链接到这里。',
  'glossary.filter': '查找术语',
  'glossary.count': '共 {total} 个术语，显示 {n} 个',
  'glossary.none': '没有与“{q}”匹配的术语。',
  'glossary.notice.unknown': '术语表里没有“{term}”这个术语，下面是完整列表。',
  'glossary.group.files': '文件、套接字与连接',
  'glossary.group.kernel': '内核：调用、等待与调度',
  'glossary.group.errors': '服务器会遇到的错误',
  'glossary.group.readiness': '就绪与完成',
  'glossary.group.python': 'Python 与服务器',
  'glossary.link': '指向这个术语的链接',

  'glossary.term.fd': '文件描述符（fd）',
  'glossary.def.fd':
    '一个小的非负整数，在一个进程内部代表一个打开的文件、套接字、管道或 epoll 实例。内核总是分配最小的空闲编号；0、1、2 分别是标准输入、标准输出和标准错误。每个 I/O 系统调用都要用到它。',
  'glossary.term.file-description': '打开文件描述',
  'glossary.def.file-description':
    'fd 所指向的内核对象：套接字或文件本身，连同它的标志（O_NONBLOCK、O_ASYNC）和读写位置。fork() 复制的是 fd，两个进程指向的仍是同一个打开文件描述，所以要等指向它的最后一个 fd 关闭，套接字才真正关闭。',
  'glossary.term.socket': '套接字',
  'glossary.def.socket':
    '网络连接的一端，是程序通过 fd 访问的内核对象。TCP 套接字有一个接收缓冲区和一个发送缓冲区；协议由内核来跑，程序只管读写字节。',
  'glossary.term.listening-socket': '监听套接字',
  'glossary.def.listening-socket':
    '调用过 listen() 的套接字：它从不传输数据。内核在它上面完成客户端的握手，并把建好的连接排进队列；accept() 取出一个，返回一个专门服务该客户端的新套接字。',
  'glossary.term.handshake': '三次握手',
  'glossary.def.handshake':
    'TCP 建立连接的方式：客户端发 SYN，服务器的内核回 SYN-ACK，客户端再回 ACK。服务器程序并不参与，它看到的永远是已经建好的连接。',
  'glossary.term.accept-queue': 'accept 队列',
  'glossary.def.accept-queue':
    '在监听套接字上排队、等程序调用 accept() 的已完成连接。只要这个队列不空，监听套接字就是可读的（对 select、poll 和 epoll 而言）。',
  'glossary.term.backlog': 'backlog',
  'glossary.def.backlog':
    'listen(n) 的参数：accept 队列里最多能排多少个已完成的连接。Linux 实际允许 n + 1 个；再来的 SYN 会被丢弃，客户端会重发它。Linux 6.7 及以后（net.ipv4.tcp_syn_linear_timeouts = 4）先五次各等 1 秒，之后加倍：SYN 在第 0、1、2、3、4、5、7、11 秒……发出；更早的内核从第一次重试起就加倍（0、1、3、7 秒……）。',
  'glossary.term.receive-buffer': '接收缓冲区',
  'glossary.def.receive-buffer':
    '套接字在内核里的一块内存，到达的字节在这里等着，直到程序调用 recv()。缓冲区里有数据（或对方已关闭）时，套接字就是可读的。TCP 在这里不保留消息边界。',
  'glossary.term.send-buffer': '发送缓冲区',
  'glossary.def.send-buffer':
    '套接字在内核里的另一块内存，存放程序发出、但 TCP 还没送达的字节。send() 在字节拷贝进来后就返回，而不是等客户端收到。',
  'glossary.term.fin-rst': 'FIN 与 RST',
  'glossary.def.fin-rst':
    "FIN 是礼貌地关闭一个方向：“我不会再发数据了”；缓冲的字节读完后，recv 返回 b''。RST 则是立即中止连接：recv 以 ECONNRESET 失败。打开着的（ESTABLISHED）连接收到 RST 之后，第一次 send 以 ECONNRESET（[Errno 104]）失败，之后的 send 才以 EPIPE 失败。",
  'glossary.term.syscall': '系统调用',
  'glossary.def.syscall':
    '程序向内核提出的请求（recv、accept、select、epoll_wait……）：CPU 切换到内核态，内核完成工作或让线程睡眠，然后返回结果或错误号。strace 会把每一次都打印出来。',
  'glossary.term.user-kernel-space': '用户空间与内核空间',
  'glossary.def.user-kernel-space':
    '同一台机器上的两个保护级别。程序的代码和缓冲区在用户空间；套接字、缓冲区、队列和调度器在内核空间。数据在两者之间只能靠内核态的拷贝来移动：要么在系统调用里，要么（io_uring）在程序自己的线程里运行的完成处理中。',
  'glossary.term.two-phases': '读操作的两个阶段',
  'glossary.def.two-phases':
    '第一阶段：等待数据进入内核（接收缓冲区）。第二阶段：把数据从内核拷贝到程序的缓冲区。各种 I/O 模型的区别，就在于第一阶段由谁来等、第二阶段由谁来做。',
  'glossary.term.blocking': '阻塞',
  'glossary.def.blocking':
    '一个调用暂时无法完成时，内核让调用它的线程在某个等待队列上睡眠，直到可以完成为止，这就是阻塞。IO Lab 把两个说法分开：“睡眠”（不在 CPU 上，挂在等待队列上）和“在调用里”（调用返回之前程序无法继续）。阻塞的 recv 在两个阶段都在调用里，只在等数据时睡眠；拷贝时线程以内核态运行。',
  'glossary.term.nonblocking': '非阻塞',
  'glossary.def.nonblocking':
    '设置了 O_NONBLOCK 的套接字（Python 里是 setblocking(False)）：本该等待的调用会立即以 EAGAIN 失败。在 Linux 上，accept 得到的套接字不会从监听套接字继承这个标志。',
  'glossary.term.wait-queue': '等待队列',
  'glossary.def.wait-queue':
    '每个套接字（以及每个 epoll 实例）都有的一张表，记着在等它发生变化而睡眠的线程。数据到达时，内核唤醒它们；对 epoll 来说，则是执行一个回调，把套接字放到就绪列表上。select 和 poll 会把一个线程同时挂到许多等待队列上。',
  'glossary.term.run-queue': '运行队列',
  'glossary.def.run-queue':
    '已经可以运行、但在等 CPU 核的线程。被唤醒的线程进入这里；一有空闲的核，调度器就从中挑一个来运行。',
  'glossary.term.context-switch': '上下文切换',
  'glossary.def.context-switch':
    '内核保存一个线程的寄存器、载入另一个线程的寄存器，让 CPU 核转去运行另一个线程。在这台机器上一次大约一微秒，外加缓存变冷；线程成千上万时，切换次数也会非常多。',
  'glossary.term.time-slice': '时间片与抢占',
  'glossary.def.time-slice':
    '在有其他线程等着的情况下，一个线程能占用 CPU 核多久。时间片用完，调度器就抢占它：它回到运行队列，换别的线程来运行。',
  'glossary.term.futex': 'futex',
  'glossary.def.futex':
    '“快速用户空间互斥锁”：锁和队列在内存里处理，只有需要让线程睡眠或唤醒线程时才求助内核。Python 的锁、队列和 GIL 都建立在 futex 之上。',
  'glossary.term.eagain': 'EAGAIN / EWOULDBLOCK',
  'glossary.def.eagain':
    '非阻塞调用在本该等待时返回的错误号（Linux 上是 11，两个名字是同一个值），意思是“过会儿再试”。并没有出错，只是现在还没事可做。',
  'glossary.term.blockingioerror': 'BlockingIOError',
  'glossary.def.blockingioerror':
    'EAGAIN 在 Python 里对应的异常，Python 打印为 `[Errno 11] Resource temporarily unavailable`（资源暂时不可用）。非阻塞循环要捕获它；边缘触发的 epoll 服务器要一直读到它出现为止。',
  'glossary.term.econnreset': 'ECONNRESET / ConnectionResetError',
  'glossary.def.econnreset': '对方用 RST 中止了连接。recv 只报告一次；程序应当关闭这个套接字。',
  'glossary.term.epipe': 'EPIPE / BrokenPipeError',
  'glossary.def.epipe':
    '向已经不能再发送的连接写数据：对方关闭（FIN）后，我们的第一次 send 被对方内核以 RST 回应，下一次 send 就以 EPIPE 失败；打开着的连接收到 RST 之后，第一次 send 以 ECONNRESET（[Errno 104]）失败，之后的才以 EPIPE 失败。内核还会发出 SIGPIPE；Python 忽略这个信号，所以程序得到的是 BrokenPipeError，如果没人捕获，程序就此退出。',
  'glossary.term.select': 'select、fd_set、FD_SETSIZE',
  'glossary.def.select':
    'select() 接收若干组 fd 编号（fd_set 位图），返回其中已就绪的那些，若一个都没有就睡眠，直到有一个就绪或超时。每次调用，内核都把位图一次一个 64 位字地走到 nfds（最大 fd + 1），跳过全零的字，只轮询集合里的 fd：开销按被监视的 fd 计，外加每 64 个编号一小步的遍历；一个 fd_set 只能放 FD_SETSIZE = 1024 个编号，更大的 fd 没法监视。',
  'glossary.term.poll': 'poll',
  'glossary.def.poll':
    '和 select 类似，但用的是由 `(fd, events)` 组成的数组，结果写在每一项的 `revents` 里：没有 1024 的上限。每次调用，内核仍要走遍整个数组。',
  'glossary.term.epoll': 'epoll',
  'glossary.def.epoll':
    'Linux 上可扩展的就绪通知接口：epoll 实例（epoll_create1）保存一张兴趣列表（epoll_ctl）和一张由回调填充的就绪列表；epoll_wait 直接返回就绪的，不用扫描其余的。',
  'glossary.term.epoll-interest-list': '兴趣列表（epoll）',
  'glossary.def.epoll-interest-list':
    'epoll 实例要监视的 fd，以及想要的事件和标志（EPOLLET、EPOLLONESHOT）。它保存在内核里：用 epoll_ctl 登记一次即可，不用每次等待都传进去。',
  'glossary.term.epoll-ready-list': '就绪列表（epoll）',
  'glossary.def.epoll-ready-list':
    'epoll 实例中此刻已就绪的 fd。数据、新连接、FIN 或错误到达时，套接字等待队列上的回调会把它加进来；epoll_wait 按加入的先后从中取出。',
  'glossary.term.level-triggered': '水平触发',
  'glossary.def.level-triggered':
    'epoll 的默认方式：只要 fd 处于就绪状态，每次 epoll_wait 都会报告它（缓冲区里还有数据，就立即回到就绪列表）。比较宽容：只读一部分也没关系。',
  'glossary.term.edge-triggered': '边缘触发（EPOLLET）',
  'glossary.def.edge-triggered':
    '每发生一次变化（新数据、FIN）只报告一次，而不是在就绪期间一直报告。程序必须一直读到 EAGAIN，否则剩下的字节就会无人理睬，直到有新东西到来。',
  'glossary.term.epolloneshot': 'EPOLLONESHOT',
  'glossary.def.epolloneshot':
    'epoll 的一个标志：报告一次之后，这个 fd 就被停用，直到程序用 EPOLL_CTL_MOD 重新启用它，这样同一时间只会有一个线程处理它。',
  'glossary.term.sigio': 'SIGIO 与信号驱动 I/O',
  'glossary.def.sigio':
    '对套接字设置 F_SETOWN 和 O_ASYNC 后，它一就绪，内核就给进程发 SIGIO。信号不说是哪个 fd，而且在一个信号待处理期间到来的信号会合并，所以程序必须检查每一个套接字。',
  'glossary.term.io-uring': 'io_uring：提交队列与完成队列',
  'glossary.def.io-uring':
    'Linux 的异步 I/O 接口：程序把请求写进与内核共享的提交队列（SQ），再从完成队列（CQ）读取结果。这里没有读调用：对套接字，io_uring 先挂一个 poll，数据到达时，完成处理作为 task_work，在提交请求的线程的上下文里以内核态拷贝数据（若设置了 IORING_SETUP_DEFER_TASKRUN，则在线程调用 io_uring_enter(GETEVENTS) 时进行）；只有 SQPOLL 或 io-wq 才用另一个内核线程。io_uring_enter 负责提交，也可以等待完成事件。',
  'glossary.term.async-io': '异步 I/O',
  'glossary.def.async-io':
    '由内核完成读操作的两个阶段、等数据已经在程序缓冲区里再通知程序的模型。按这个严格的定义，io_uring 是异步的；基于 epoll 的“异步”框架则不是。',
  'glossary.term.gil': 'GIL（全局解释器锁）',
  'glossary.def.gil':
    'CPython 的一把锁：只有持有它的线程才能运行 Python 代码。CPython 只在它用 Py_BEGIN_ALLOW_THREADS 包起来的阻塞调用（accept、recv、send、select、epoll_wait、sleep……）前后释放它，所以大部分时间在等 I/O 的线程仍能交替进行；其他调用，比如 getsockname 或新线程的 clone3，都是持着它执行的。等待它的线程要过了 5 毫秒的切换间隔才会强制切换。',
  'glossary.term.event-loop': '事件循环',
  'glossary.def.event-loop':
    '一个循环：等待事件（select、poll 或 epoll_wait），为每个事件执行回调或恢复在等它的协程，然后再等。所有事都在一个线程上做；一个慢回调会拖住其他所有回调。',
  'glossary.term.coroutine': '协程',
  'glossary.def.coroutine':
    '可以暂停（await）、之后再恢复的函数。套接字上没有数据时，asyncio 暂停协程，把套接字登记到 epoll；epoll 报告它就绪时，再恢复协程。',
  'glossary.term.selectors': 'selectors',
  'glossary.def.selectors':
    'Python 的一个模块，把 select、poll、epoll 和 kqueue 包装成同一套接口；DefaultSelector 会为当前平台挑最好的一种（Linux 上是 epoll），并在每次注册时存下一份数据，比如一个回调函数。',
  'glossary.term.c10k': 'C10K',
  'glossary.def.c10k':
    '在一台机器上同时服务一万个连接的问题（Dan Kegel，1999 年）。每连接一线程和 select/poll 的扫描到这个规模就撑不住了；答案是 epoll 这类就绪列表。',
} satisfies Messages;
