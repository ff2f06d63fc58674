/** 关于页面（中文；英文见 src/i18n/en/pages/about.ts，键完全相同）。 */
import type { Messages } from '../../core.ts';

export default {
  'about.title': '关于这个模拟',
  'about.intro': 'IO Lab 运行的是一台 Linux 机器的小型确定性模型：同样的场景和种子，永远得到同样的跟踪记录。',
  'about.intro2':
    '这台机器上运行着一个 CPython 3.11 服务器程序（就是代码面板里的某段 Python 代码），并与按脚本行动的客户端主机通信。一个用 TypeScript 写成、在你的浏览器里运行的离散事件内核，以纳秒为单位推进虚拟时间，把发生的每件事都记下来：你逐步观察的就是这份跟踪记录。本页说明这个模型哪些地方是准确的，省略了什么、为什么省略，以及它是怎样验证的。',
  'about.toc': '本页内容',

  'about.faithful.title': '哪些地方忠实于真实系统',
  'about.faithful.intro': '下面这些是学生能看到的行为，它们与 Linux 和 CPython 的真实表现一致：',
  'about.faithful.syscalls':
    '每个服务器发出的系统调用，连同参数、返回值和错误，顺序与真实程序完全相同（select 在 strace 里显示为 pselect6，setblocking(False) 是 ioctl(FIONBIO)，CPython 每次 accept 之后都会调用 getsockname……）。',
  'about.faithful.accept':
    '在 Linux 上，accept() 不会把 O_NONBLOCK（或 O_ASYNC）传给新套接字。所以原文那个“非阻塞”服务器只把监听套接字设成非阻塞，结果还是会阻塞在 recv 上。',
  'about.faithful.backlog':
    'listen(n) 允许 n + 1 个连接在没人调用 accept 的情况下完成握手；之后的 SYN 会被丢弃并重发。这个内核（Linux 6.7 及以后，net.ipv4.tcp_syn_linear_timeouts = 4）先五次各等 1 秒，之后加倍：SYN 在第 0、1、2、3、4、5、7、11 秒发出；6.7 之前的内核从第一次重试起就退避（1、2、4 秒……）。',
  'about.faithful.tcp':
    "TCP 是字节流：两次快速的 send 可能被一次 recv 读到，recv(n) 最多返回 n 个字节。正常关闭（FIN）会让 recv 一次又一次地返回 b''；向这样的客户端第一次 send 仍然成功，对方内核回一个 RST，下一次 send 就以 EPIPE（BrokenPipeError）失败。异常关闭只会报告一次 ECONNRESET。",
  'about.faithful.select':
    'select 每次调用都把 fd 位图一次一个 64 位字地走到 nfds，只轮询集合里的 fd（也只在它们上挂等待队列项）：开销按被监视的 fd 计，外加每个字一小步的遍历；只要有 fd ≥ 1024（FD_SETSIZE），CPython 在调用内核之前就会拒绝。select 按传入列表的顺序返回 fd，poll 按注册顺序，epoll 按变为就绪的先后：正因如此，聊天室换成 epoll 后回复顺序就不一样了。',
  'about.faithful.epoll':
    'epoll：每个套接字只登记一次；数据到达时由回调填充就绪列表；水平触发的条目只要还可读就回到列表上，边缘触发的只在下一次变化时才回来；EPOLLONESHOT；一个 fd 最后一次被关闭时，会离开所有兴趣列表。',
  'about.faithful.signals':
    '信号驱动 I/O：F_SETOWN 和 O_ASYNC；SIGIO 不说明是哪个 fd；一个 SIGIO 尚未处理时又来一个，两者会合并。内核运行的是 CPython 的 C 处理函数，它只设置一个标志（若设置了 wakeup fd，还会往里写一个字节）；pause() 返回 -1 EINTR 之后，Python 的处理函数才在主线程里运行。',
  'about.faithful.asyncio':
    'asyncio 基于 selectors 模块的事件循环（SelectorEventLoop）：sock_recv 先试一次 recv，遇到 EAGAIN 就把 fd 登记到 epoll 并挂起协程，读成功后再把它移除；有回调待执行时，epoll_wait 的超时是 0。',
  'about.faithful.errors':
    '错误以完全相同的 Python 异常送到程序面前（BlockingIOError: [Errno 11] Resource temporarily unavailable、ConnectionResetError、BrokenPipeError、OSError: [Errno 24] Too many open files）。未捕获的异常会打印回溯并结束进程，内核关闭它的所有套接字。',
  'about.faithful.fds':
    '文件描述符取最小的空闲编号，0–2 被标准输入、标准输出和标准错误占用；打开文件数达到上限时，accept 以 EMFILE 失败，连接留在队列里。',

  'about.checked.title': '是怎样验证的',
  'about.checked.strace':
    '真实的跟踪记录。每段 Python 代码都在本项目的机器上（Linux 6.18、CPython 3.11.7、ulimit -n 1024）用 strace -f 跑过，客户端脚本与对应场景相同：共 {recordings} 份记录，保存在 fixtures/strace/，从中得出的结论写在 fixtures/strace/FINDINGS.md。有一个测试把模拟器输出的 strace 与它们逐条比较：同样的系统调用、同样的顺序、同样的 fd、长度、数据、返回值和错误，按线程比较，而且每个客户端收到的字节也相同。时间、端口和指针值不做比较。',
  'about.checked.kernel':
    '内核的各项行为都有单元测试，每项用一个小场景验证（src/fidelity/kernel-facts.test.ts）。',
  'about.checked.properties':
    '不变式用属性测试检验，对每种模型生成随机的客户端时间表：每个字节都恰好被转成大写返回一次，没有 fd 泄漏，时间从不倒退，同样的种子得到同样的跟踪记录，select、poll 和 epoll 从不报告一个并未就绪的 fd（这一点根据跟踪记录检查，而不是根据内核自己的状态）。',
  'about.checked.costs':
    '各项开销由一些小的 C 和 Python 程序在同一台机器上测得（bench/calibrate/、docs/calibration.md）：例如一次普通系统调用 219 纳秒，一次上下文切换 640 纳秒，select 每监视一个 fd 77 纳秒，而无论登记了 1 个还是 1000 个 fd，epoll_wait 都约为 450 纳秒。',
  'about.checked.view':
    '你看到的机器完全由跟踪记录重建；有测试检查每个内置场景结束时它与内核自身的状态一致，并且直接跳到某一步与从头回放到这一步得到的画面相同。',

  'about.simplified.title': '哪些地方做了简化，为什么',
  'about.simplified.intro':
    '模型是有意省略一些东西的。下面这些都不会改变内置场景里发生的事，最多让时间差几微秒，或者是课程用不到的部分：',
  'about.simplified.costs':
    '时间开销取的是平均值。每个调用花费一个在这台机器上测得的固定时间，再加上按字节和按 fd 计算的部分；真实的调用会随缓存、竞争和 CPU 频率而变化。',
  'about.simplified.scheduling':
    '调度是先来先服务，时间片 3 毫秒，在系统调用的边界上检查。Linux 的调度器会考虑每个线程过去用了多少 CPU；对于大部分时间都在阻塞的服务器来说，看不出区别。',
  'about.simplified.gil':
    'GIL：CPython 只在它用 Py_BEGIN_ALLOW_THREADS 包起来的阻塞调用（accept、recv、send、connect、select、poll、epoll_wait、sleep……）前后释放它；线程的启动（pthread_create 里的 clone3）、每次 accept4 之后的 getsockname、os.getpid 和 signal.signal 都是持着它执行的。释放 GIL 并不等于直接交给等待者：释放的线程解锁并发出信号，常常在一个很快的调用之后又把它拿回来；等待的线程要过了 5 毫秒的切换间隔才会强制切换。没有哪个自带程序会连续计算那么久。',
  'about.simplified.tcp':
    'TCP 按服务器看到的样子建模：握手、按序送达（固定延迟加一点由种子决定的抖动）、FIN、RST 和接收缓冲区。没有丢包，没有拥塞控制和流量控制，没有窗口，没有 Nagle 算法，没有延迟确认；发送缓冲区永远不会满（消息都很小）。只有一块网卡，默认像回环接口一样快。',
  'about.simplified.clients':
    '客户端主机不是被模拟的进程：它按脚本在指定时间发送，并在几微秒后读走所有到达的数据，所以一起到达的回复会被一起读到。',
  'about.simplified.wakeups':
    '套接字唤醒一个在 select 或 poll 里睡眠的线程时，本实验立刻把它从全部等待队列上摘下来。Linux 则让它留在这些队列上，等它运行起来、把各个 fd 再扫描一遍之后，才由 poll_freewait 把它摘下来。程序看到的结果一样：重新扫描会找到每个就绪的 fd。',
  'about.simplified.irq': '中断处理（内核处理到达的数据包）不计入任何 CPU 核。',
  'about.simplified.futex':
    'futex（线程池的队列、GIL）被建模为等待，但不作为 strace 行打印出来；真实的跟踪记录里那里会有 futex() 调用，比较时忽略它们。',
  'about.simplified.memory':
    '内存数字是近似值：只统计随模型增长的部分（CPython 进程启动时的内存、每个线程实际占用的栈、fork 出的子进程的私有页、内核为每个套接字和每个 epoll 条目分配的对象），不算页缓存、共享库和分配器的空闲部分。线程预留的 8 MiB 栈单独显示，不计入已用内存。',
  'about.simplified.uring':
    'Python 标准库没有 io_uring 的绑定，所以它的代码只是示意，它的 strace 也没有与真实记录比较（唯一没有记录的模型）。内核这一侧没有 recv 调用：io_uring 在套接字上挂一个 poll，数据到达时，完成处理作为 task_work，在提交请求的线程的上下文里以内核态拷贝数据（若设置了 IORING_SETUP_DEFER_TASKRUN，则要等线程调用 io_uring_enter(GETEVENTS)；只有 SQPOLL 或 io-wq 才用另一个内核线程）。开销由一个 C 程序测得。',
  'about.simplified.console':
    '聊天室的管理员是一个在设定延迟后写入数据的管道：CPython 用 read(0, …, 8192) 读取它，这正是标准输入不是终端时的做法。',

  'about.article.title': '原文不够严谨的地方',
  'about.article.intro':
    'IO Lab 讲授的是文章《Python并发编程之IO模型》的内容。原文不严谨或有误的地方，IO Lab 都会指出：',
  'about.article.five': '它说有五种 I/O 模型，却只列了四种；第五种信号驱动 I/O 在第 12 课。',
  'about.article.signal':
    'select 是在它监视的 fd 就绪时返回的，并不是被什么“信号”叫醒。只有信号驱动 I/O 和异步 I/O 才会通知进程。',
  'about.article.chat':
    '它的聊天室用 input() 回复，管理员一慢，所有客户端都得等；而且一个客户端离开，服务器就会崩溃（BrokenPipeError）：第 16 课演示了这两点和修正方法。',
  'about.article.nonblocking':
    '它的非阻塞服务器只把监听套接字设成了非阻塞，所以在 Linux 上它仍然会阻塞在 recv 上（见 nonblocking-pitfall 场景）。',

  'about.linux.title': '在 Linux 源码里对应哪里',
  'about.linux.intro':
    '模拟内核按 Linux 的方式组织：每个子系统一个文件，文件开头注明它参照的 Linux 源文件，方便你接着去读真正的内核（elixir.bootlin.com 可以在线带链接阅读）。',
  'about.linux.col.part': '部分',
  'about.linux.col.file': 'IO Lab 中',
  'about.linux.col.linux': 'Linux 中',
  'about.linux.core': '整台机器：虚拟时间、事件队列，以及套接字就绪时唤醒所有等待者',
  'about.linux.sched': '调度器、运行队列、时间片、等待队列，以及 CPython 的 GIL',
  'about.linux.process': '进程和线程：clone、clone3、exit',
  'about.linux.entry': '进入和离开系统调用；两次调用之间运行的程序',
  'about.linux.syscalls': '系统调用表：每个调用是什么、由谁实现',
  'about.linux.fdtable': '文件描述符表、close、fcntl、ioctl(FIONBIO)',
  'about.linux.tcp': 'TCP 套接字：listen、全连接队列、接收缓冲区、FIN 和 RST',
  'about.linux.hosts': '客户端主机和网络线路：延迟、SYN 重传',
  'about.linux.select': 'select 和 poll',
  'about.linux.eventpoll': 'epoll：兴趣列表、就绪列表、水平触发和边缘触发',
  'about.linux.signal': '信号：SIGIO、F_SETOWN 和 O_ASYNC、pause',
  'about.linux.uring': 'io_uring：提交队列和完成队列',
  'about.linux.stdio': '控制台：标准输入和标准输出',
  'about.linux.time': '定时器：clock_nanosleep 和调用超时',

  'about.sources.title': '参考资料',
  'about.sources.article':
    '原文：https://www.cnblogs.com/sunlong88/p/9485926.html（IO Lab 的文字和程序都是自己写的）。',
  'about.sources.stevens':
    'W. Richard Stevens 等，《UNIX 网络编程 卷 1》第 6 章：五种 I/O 模型和读操作的两个阶段。',
  'about.sources.man':
    'Linux 手册页：select(2)、poll(2)、epoll(7)、epoll_ctl(2)、accept(2)、listen(2)、tcp(7)、fcntl(2)（F_SETOWN、O_ASYNC）、signal(7)、io_uring(7)。',
  'about.sources.python':
    'Python 文档：socket、select、selectors 和 asyncio；以及 CPython 3.11 的源码，用来确认每个调用在内核里做了什么。',
  'about.sources.c10k': 'Dan Kegel，《The C10K problem》（1999）。',
  'about.sources.repo':
    '本项目中的文档：docs/simulation.md（本页更详细的版本）、docs/calibration.md（每项开销及其测量方法）、fixtures/strace/FINDINGS.md（跟踪记录揭示了什么）、docs/scenario-format.md（编写你自己的场景）。',
  'about.glossary': '遇到不懂的词？请查看术语表。',
} satisfies Messages;
