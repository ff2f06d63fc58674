/**
 * Strings of the narration concern (Chinese; the same keys as src/i18n/en/narration.ts). Templates for src/narration:
 * `{placeholders}` are filled there; text between backticks is shown as code.
 */
import type { Messages } from '../core.ts';

export default {
  'narr.empty': '这次运行没有任何步骤。',
  'narr.generic': '发生了一件事：{what}。',

  'narr.bytes.one': '1 字节',
  'narr.bytes.many': '{n} 字节',

  'narr.who.main': '主线程',
  'narr.who.thread': '线程 {name}',
  'narr.who.child': '子进程 {pid}',

  'narr.client.you': '你的客户端',
  'narr.client.youN': '你的第 {n} 个客户端',
  'narr.fd.conn': '{client} 的连接',
  'narr.fd.pending': '{client} 的连接（尚未被 accept）',
  'narr.fd.listen': '监听套接字',
  'narr.fd.epoll': 'epoll 实例',
  'narr.fd.uring': 'io_uring',
  'narr.fd.socket': '一个套接字',
  'narr.fd.stdin': '标准输入（管理员的键盘）',
  'narr.fd.stdout': '标准输出（管理员的屏幕）',
  'narr.fd.stderr': '标准错误',
  'narr.fd.unknown': 'fd {fd}',
  'narr.fd.sock': '套接字 #{sock}',
  'narr.fd.full': '{what}（fd {fd}）',
  'narr.ready.fd': 'fd {fd}（{who}）',
  'narr.fds.one': 'fd {fd}',
  'narr.fds.many': 'fd {list}',
  'narr.ready.fdExtra': 'fd {fd}（{extra}）',
  'narr.ready.listen': '监听套接字：有新连接',

  'narr.at.line': '{Who}，第 {line} 行：`{code}`',
  'narr.at.interp': '这个调用来自 Python 解释器本身（{who}），不对应程序清单里的任何一行。',

  'narr.cons.gil': '{Who} 现在得等 GIL：同一时刻只有一个线程能执行 Python 代码。',
  'narr.cons.pool': '{Who} 在线程池的任务队列上等活干：它在内核里睡眠，不占用 CPU。',
  'narr.cons.preempt': '{Who} 被抢占：它的时间片用完了，CPU 让给了别的线程。',

  'narr.start.one':
    '服务器启动：内核创建了进程 {pid}（python3），标准输入、标准输出和标准错误已经作为 fd 0、1、2 打开。这台机器有 1 个 CPU 核。',
  'narr.start.many':
    '服务器启动：内核创建了进程 {pid}（python3），标准输入、标准输出和标准错误已经作为 fd 0、1、2 打开。这台机器有 {cores} 个 CPU 核。',
  'narr.start.detail': '一步步往下看：程序发出的每个系统调用，以及内核自己默默做的每件事。',

  'narr.py': '执行 Python 代码第 {line} 行：`{code}`',
  'narr.py.wait': '第 {line} 行：`{code}`',
  'narr.py.userspace': '这是用户空间里的普通 Python 代码：没有系统调用，内核不参与。',
  'narr.py.prep': '它只是往提交队列里写一个请求，而提交队列是共享内存：此时还没有系统调用。',
  'narr.py.beforeCall': '第 {line} 行：`{code}` 马上要发出系统调用 `{name}`。',
  'narr.py.gilDrop':
    '这个调用包在 `Py_BEGIN_ALLOW_THREADS` 里：Python 先释放 GIL，这样当这个线程在内核里时，别的线程可以执行 Python 代码。',
  'narr.py.poolwait':
    '{Who}还没有活干：在第 {line} 行（`{code}`）它在线程池的队列上等待，在内核里睡眠（futex），不占用 CPU。',
  'narr.py.interp': 'Python 解释器在执行它自己的代码（{who}），不对应程序清单里的任何一行。',

  'narr.note.accepted': 'accept 已经由内核完成：新连接是 fd {fd}。',
  'narr.note.error': '这个请求失败了，错误是 {err}。',
  'narr.note.pool': '线程池最多 {n} 个工作线程，每个线程在第一次有任务时才启动。',
  'narr.note.inBuffer': '数据已经在我们的缓冲区里了：内核替我们拷贝好了，不需要再调用 recv()。',
  'narr.note.cqeReady': '完成队列里已经有一个完成事件在等着：取它不需要系统调用。',
  'narr.note.closed': "客户端关闭了它那一端（b''）：我们也该关闭自己的套接字了。",
  'narr.note.left': "b''：这个客户端已经离开，服务器把它移除。",
  'narr.note.drop': "收到 b'' 或连接被重置：服务器移除这个客户端。",
  'narr.note.coroutine': '为这个客户端新建一个协程：它和其他协程在同一个线程上轮流执行。',
  'narr.note.cbAccept': 'selectors 调用为这个 fd 注册的回调函数：accept()。',
  'narr.note.cbRead': 'selectors 调用为这个 fd 注册的回调函数：read()。',
  'narr.note.leftWhileTyping': '管理员打字的时候客户端已经走了：服务器把它移除。',
  'narr.note.pyHandler':
    '现在，在主线程里、两条字节码之间，Python 的处理函数 `on_sigio` 运行，把 `ready` 设为 True。信号没有说是哪个套接字就绪，所以程序会逐个尝试每一个。',
  'narr.note.startWait':
    '`Thread.start()` 现在等着 {thread} 发出“已启动”的信号：这是一次 futex 等待，期间释放 GIL，新线程才能执行 Python 代码。',
  'narr.note.started':
    '新线程的启动代码通知 `Thread.start()` 它已经启动（`_started.set()`）：对在 `start()` 里等着的线程做一次 futex 唤醒。',
  'narr.note.sigioBusy': '程序忙的时候来过一个 SIGIO，所以这次不用睡眠。',
  'narr.note.gone': '客户端已经走了（连接被重置，或在我们回复时离开）：服务器把它移除。',
  'narr.note.jobTaken': '有个工作线程正在线程池的任务队列（`{queue}`）上等待：这个任务立刻把它唤醒。',
  'narr.note.jobQueued':
    '所有工作线程都在忙：任务在线程池的任务队列（`{queue}`）里排队，直到有线程空出来（客户端已经连上，但还没人为它服务）。',
  'narr.note.other': '（{note}）',

  'narr.call.socket':
    '`socket()` 向内核申请一个新的 TCP 套接字。内核返回一个文件描述符：一个小整数，之后就用它来指代这个套接字。',
  'narr.call.socketpair': '`socketpair()` 创建一对相互连通的套接字。asyncio 用它们来唤醒自己的事件循环。',
  'narr.call.setsockopt': '`setsockopt(fd {fd}, SO_REUSEADDR)` 让服务器重启后能立刻再次绑定 {port} 端口。',
  'narr.call.bind': '`bind(fd {fd})` 给套接字分配地址：127.0.0.1，端口 {port}。',
  'narr.call.listen':
    '`listen(fd {fd}, {backlog})` 把它变成监听套接字。从现在起，客户端的握手由内核自己应答，最多可以排队 backlog + 1 = {queue} 个已完成的连接。',
  'narr.queue.empty': '队列是空的，所以这次调用只能等待。',
  'narr.queue.emptyNb': '队列是空的。',
  'narr.queue.n': '队列里有 {n} 个连接在等待。',
  'narr.call.accept': '`accept(fd {fd})` 从监听套接字的 accept 队列里取下一个已完成握手的连接。{queued}',
  'narr.call.accept.nb':
    '在非阻塞的监听套接字上调用 `accept(fd {fd})`：有已完成的连接就取走；没有的话，内核立即返回 EAGAIN，而不是等待。{queued}',
  'narr.buf.n': '它的接收缓冲区里有 {bytes} 在等着。',
  'narr.buf.empty': '它的接收缓冲区是空的。',
  'narr.buf.emptyNb': '它的接收缓冲区是空的，而这个套接字是非阻塞的。',
  'narr.buf.fin': '客户端已经关闭了它那一端。',
  'narr.buf.err': '这个连接已经被重置。',
  'narr.call.recv': '`recv({fd}, {size})`：从{owner}最多读取 {size} 字节。{buffer}',
  'narr.call.recv.nb':
    '在非阻塞套接字上调用 `recv({fd}, {size})`：从{owner}最多读取 {size} 字节，但绝不等待。{buffer}',
  'narr.call.send':
    '`send({fd}, {data})`：把 {bytes} 交给内核发给 {client}。内核把数据拷贝进套接字的发送缓冲区，剩下的交给 TCP。',
  'narr.call.close.conn': '`close({fd})`：程序不再使用 {client} 的连接。内核会给 {client} 发一个 FIN。',
  'narr.call.close': '`close({fd})`：程序释放{what}。',
  'narr.call.close.shared':
    '`close({fd})`：这个进程释放它手里那份{what}。另一个进程还持有它，所以套接字仍然开着（不会发 FIN）。',
  'narr.call.ioctl':
    '`setblocking(False)` → `ioctl(fd {fd}, FIONBIO)`：把{what}设为非阻塞。从此，凡是需要等待的调用都会立即失败，返回 EAGAIN（BlockingIOError）。',
  'narr.call.fcntl.setown':
    '`fcntl(fd {fd}, F_SETOWN, {pid})` 告诉内核：这个套接字就绪时，把 SIGIO 发给哪个进程。',
  'narr.call.fcntl.async':
    '`fcntl(fd {fd}, F_SETFL, O_ASYNC | O_NONBLOCK)` 为{what}打开信号驱动 I/O（一旦就绪就发 SIGIO），同时设为非阻塞。',
  'narr.call.fcntl': '`fcntl(fd {fd})` 修改{what}的标志位。',
  'narr.call.getpeername':
    '`getpeername(fd {fd})`：Python 询问这个套接字连着谁（打印一个 socket 时显示为 `raddr`）。这个调用很快，从不等待；监听套接字没有对端（ENOTCONN）。',
  'narr.call.getsockname':
    '`getsockname(fd {fd})`：Python 的 socket 对象查询自己的本地地址。这个调用很快，从不等待。',
  'narr.call.getpid': '`getpid()`：程序查询自己的进程号。',
  'narr.call.clone3':
    '启动线程：`clone3()` 请内核在这个进程里新建一个线程。它和进程共享内存和打开的 fd，但有自己独立的栈。',
  'narr.call.clone':
    '`os.fork()` → `clone()`：内核把整个进程复制一份。子进程拿到每个打开的 fd 的副本，包括刚接受的这个连接。',
  'narr.call.exit': '线程函数已经返回：`exit()` 结束这个线程，进程继续运行。',
  'narr.call.exit_group': '程序执行到了末尾：`exit_group({code})` 结束整个进程。',
  'narr.call.exit_group.child':
    '子进程 {pid} 服务完了它的客户端：`os._exit({code})` → `exit_group` 结束这个进程。',
  'narr.call.exit_group.err':
    '`exit_group({code})`：出现未捕获的异常后，解释器以状态码 {code} 退出。所有客户端都失去了服务器。',
  'narr.call.sleep': '`time.sleep()` → `clock_nanosleep`：线程请求睡眠 {ms} 毫秒。睡眠期间不占用 CPU。',
  'narr.call.select':
    '`select()` 把一组 fd（{fds}）交给内核，问哪些可以不等待就读。每次调用，内核都把位图一次一个 64 位字地走到 nfds = {nfds}，只检查集合里的 fd。',
  'narr.call.poll':
    '`poll()` 把一个列表（{fds}）交给内核，问哪些可以读。它不像 select 那样受 fd 编号上限的限制，但每次调用内核仍要把整个列表走一遍。',
  'narr.call.epoll_create1':
    '`select.epoll()` → `epoll_create1()` 在内核里创建一个 epoll 实例：一个兴趣列表（要监视什么）和一个就绪列表（现在什么已就绪）。',
  'narr.call.epoll_ctl.add':
    '`epoll_ctl(ADD)` 把{what}登记到兴趣列表里，只需登记一次（EPOLLIN，水平触发）。从此内核会自己记下它何时可读。',
  'narr.call.epoll_ctl.addEt':
    '`epoll_ctl(ADD)` 把{what}登记到兴趣列表里，只需登记一次，采用边缘触发（EPOLLIN | EPOLLET）：只有新数据到来时才会通知。',
  'narr.call.epoll_ctl.del': '`epoll_ctl(DEL)` 把{what}从兴趣列表中移除。',
  'narr.call.epoll_ctl.mod': '`epoll_ctl(MOD)` 修改{what}上监视的事件。',
  'narr.call.epoll_wait':
    '`epoll_wait()` 取出就绪列表上的内容。内核不用扫描已登记的 fd（共 {count} 个），只需看一眼这个列表（现在上面有 {ready} 个）。',
  'narr.call.epoll_wait.poll':
    '`epoll_wait(timeout 0)`：不等待，只是快速看一眼就绪列表（上面有 {ready} 个）。',
  'narr.call.read.stdin':
    '`input()` → `read(0)`：Python 从标准输入读取管理员的回答。在有人敲完一行之前，没有任何东西可读。',
  'narr.call.read': '`read(fd {fd})`：从{what}读取。',
  'narr.call.write.stdout':
    '`input()` 先打印提示符：`write(1, {data})` 把它送到标准输出，也就是管理员的终端。',
  'narr.call.write.stderr': 'Python 把异常回溯（traceback）写到标准错误（fd 2）。',
  'narr.call.write': '`write(fd {fd})`：写入{what}。',
  'narr.call.sigaction':
    '`signal.signal({signal}, handler)` → `rt_sigaction`：为 {signal} 安装 CPython 的 C 层处理函数。内核调用的是它，它只记下“信号来过”；Python 自己的函数要稍后在主线程里才运行。',
  'narr.call.sigaction.sigchld':
    '`signal.signal(SIGCHLD, SIG_IGN)`：子进程一退出就由内核回收，不会留下僵尸进程。',
  'narr.call.pause': '`signal.pause()`：睡眠，直到有信号到来。程序并不在等待某一个特定的套接字。',
  'narr.call.rt_sigreturn':
    'CPython 的 C 处理函数设好标志后，经由 `rt_sigreturn()` 返回：内核恢复线程在信号到来时的状态。',
  'narr.call.io_uring_setup':
    '`uring.Ring(entries={entries})` → `io_uring_setup()` 创建一个 io_uring：提交队列和完成队列，放在程序与内核共享的内存里。',
  'narr.call.uring.submit':
    '`ring.submit()` → `io_uring_enter()`：一次调用就把 {n} 个请求交给内核：{ops}。套接字还没就绪的请求挂在一个内部 poll 上；它一触发，活儿就作为 task_work 在这个线程的上下文里、以内核态完成。',
  'narr.call.uring.submit.one':
    '`ring.submit()` → `io_uring_enter()`：把 {n} 个请求交给内核：{ops}。套接字还没就绪的话，它挂在一个内部 poll 上；一触发，活儿就作为 task_work 在这个线程的上下文里、以内核态完成。',
  'narr.call.uring.wait':
    '`ring.wait_cqe()` → `io_uring_enter(GETEVENTS)`：等待，直到完成队列里至少有一个完成事件。',
  'narr.call.generic': '`{name}()`：一个进入内核的系统调用。',

  'narr.uring.op.accept': 'fd {fd} 上的 accept',
  'narr.uring.op.recv': 'fd {fd} 上的 recv',
  'narr.uring.op.recv.client': 'fd {fd}（{client}）上的 recv',
  'narr.uring.op.send': 'fd {fd} 上的 send',
  'narr.uring.op.send.client': 'fd {fd}（{client}）上的 send',
  'narr.uring.op.close': 'fd {fd} 的 close',
  'narr.uring.op.other': 'fd {fd} 上的 {op}',
  'narr.uring.op.request': '请求 {id}',

  'narr.block.recv':
    '还没有数据：内核让{who}在{owner}（fd {fd}）的等待队列上睡眠。这是读操作的第一阶段——等待数据。睡眠中的线程不占用 CPU。',
  'narr.block.accept':
    'accept 队列里没有连接：内核让{who}在监听套接字（fd {fd}）的等待队列上睡眠，直到有客户端完成握手。睡眠中的线程不占用 CPU。',
  'narr.block.select':
    '没有一个可读：内核把{who}挂到它所监视的每个套接字（{fds}）的等待队列上，然后让它睡眠。哪个套接字先就绪，就由哪个把它唤醒。',
  'narr.block.poll':
    '没有一个可读：内核把{who}挂到它所监视的每个套接字（{fds}）的等待队列上，然后让它睡眠。哪个套接字先就绪，就由哪个把它唤醒。',
  'narr.block.epoll':
    '就绪列表是空的：内核让{who}在 epoll 实例唯一的等待队列上睡眠。登记了多少个套接字（现在是 {count} 个）都没关系。',
  'narr.block.epoll.recheck':
    '报告一个条目之前，内核会再检查它一遍：{fds} 已经不可读了，于是被移出就绪列表（水平触发的条目每次报告后会放回列表，只有复查时仍然可读才留下）。就绪列表现在是空的：内核让{who}在 epoll 实例唯一的等待队列上睡眠。登记了多少个套接字（现在是 {count} 个）都没关系。',
  'narr.block.stdin':
    '`input()` 在等管理员：内核让{who}睡眠，直到有人敲完一行。服务器只有这一个线程，所以现在所有客户端也都在等管理员。',
  'narr.block.sleep': '{Who}睡眠 {ms} 毫秒。这期间到达的数据都先留在内核的缓冲区里，等下一轮再处理。',
  'narr.block.signal':
    '`pause()`：{who}睡眠，等待任意一个信号。任何设置了 O_ASYNC 的套接字就绪时，内核都会发出 SIGIO。',
  'narr.block.uring':
    '还没有任何操作完成：{who}在 `io_uring_enter` 里睡眠，直到有完成事件放进来。这些请求（{ops}）挂在各自套接字的内部 poll 上；哪个一触发，它的活儿就成为{who}的 task_work，以内核态执行。',
  'narr.block.uring.none': '还没有任何操作完成：{who}睡眠，直到内核放入一个完成事件。',
  'narr.block.other': '内核让{who}睡眠。',

  'narr.wake.data': '{client} 的数据唤醒了{who}：内核把它从套接字的等待队列上摘下来，让它重新变为可运行。',
  'narr.wake.data.many':
    '{client} 的数据唤醒了{who}：内核让它重新变为可运行，本实验在这一刻就把它从全部 {count} 个等待队列上摘下来。Linux 要晚一点：线程先留在这些队列上，等它运行起来、把各个 fd 再扫描一遍之后，才自己从每个队列上摘下来（poll_freewait）。',
  'narr.wake.connection': 'accept 队列里有了一个已完成的连接，于是内核唤醒{who}。',
  'narr.wake.connection.many':
    'accept 队列里有了一个已完成的连接，于是内核唤醒{who}，本实验在这一刻就把它从全部 {count} 个等待队列上摘下来。Linux 要晚一点：线程先留在这些队列上，等它运行起来、把各个 fd 再扫描一遍之后，才自己从每个队列上摘下来（poll_freewait）。',
  'narr.wake.fin': "{client} 关闭了它那一端（FIN），于是内核唤醒{who}：接下来的读操作会返回 b''。",
  'narr.wake.rst': '{client} 重置了连接（RST），于是内核唤醒{who}：接下来的读操作会以 ECONNRESET 失败。',
  'narr.wake.stdin': '管理员按下了回车：内核唤醒{who}。',
  'narr.wake.sleep': '睡眠时间到：内核唤醒{who}。',
  'narr.wake.timeout': '时间到：内核唤醒{who}，是因为 `{name}` 超时了，而不是因为发生了什么事。',
  'narr.wake.epoll': 'fd {fd} 上了就绪列表，于是内核唤醒在 `epoll_wait` 里睡眠的{who}。',
  'narr.wake.epoll.any': '就绪列表上有了内容，于是内核唤醒在 `epoll_wait` 里睡眠的{who}。',
  'narr.wake.sigio': 'SIGIO 打断了 `pause()`：内核唤醒{who}，好在它返回用户态的路上递送这个信号。',
  'narr.wake.completion': '内核放入了一个完成事件，于是把{who}从 `wait_cqe()` 中唤醒。',
  'narr.wake.gil': '{Who}拿到了 GIL，可以继续执行 Python 代码了。',
  'narr.wake.queue': '线程池队列里有了任务：内核唤醒{who}。',
  'narr.wake.other': '内核唤醒{who}（{reason}）。',
  'narr.wake.runs': '正好有空闲的 CPU 核，它马上就能运行。',
  'narr.wake.readyOnly': '它现在可以运行了，但还得排队等一个 CPU 核。',

  'narr.copy.in': '第二阶段：内核把 {bytes}（{data}）从{owner}的接收缓冲区拷贝到程序的缓冲区里。',
  'narr.copy.in.detail': '直到这时，数据才进入用户空间，Python 才能使用它。',
  'narr.copy.out': '内核把 {bytes}（{data}）从程序的缓冲区拷贝到{owner}的发送缓冲区，之后由 TCP 负责送达。',
  'narr.copy.stdin': '内核把管理员输入的那一行（{bytes}，{data}）拷贝到 Python 的缓冲区里。',
  'narr.copy.uring.in':
    '{who}的 task_work，以内核态执行：io_uring 把 {bytes}（{data}）从 {client} 的接收缓冲区拷贝到程序随 recv 请求一起交来的缓冲区里，CPU 时间记在{who}名下。没有 `recv` 调用，也没有“就绪”这一步：一个请求，一个完成事件。',
  'narr.copy.uring.out':
    '{who}的 task_work，以内核态执行：io_uring 执行排队中的 send，替 {client} 拷贝 {bytes}（{data}），程序没有调用 `send`。',

  'narr.exit.eagain.recv': 'BlockingIOError：{owner}上还没有数据，所以这次调用立即返回 EAGAIN，而不是等待。',
  'narr.exit.eagain.accept':
    'BlockingIOError：accept 队列是空的，所以 `accept` 立即返回 EAGAIN，而不是等待。',
  'narr.exit.eagain.recv.drained':
    'BlockingIOError：{owner}上已经没有可读的数据了，所以这次调用立即返回 EAGAIN。',
  'narr.exit.eagain.detail': '程序只好过一会儿再来问。每问一次都是一次系统调用，都要花 CPU。',
  'narr.exit.eagain.drained': '在这里 EAGAIN 是好消息：套接字已经读空了，于是循环结束，程序回去继续等待。',
  'narr.exit.eagain.asyncio':
    'asyncio 总是先直接试一次；遇到 EAGAIN，就把套接字登记到 epoll，并让这个协程挂起，直到套接字就绪。',
  'narr.exit.eagain': '`{name}` 返回 EAGAIN（BlockingIOError）：它本来需要等待，而这个 fd 是非阻塞的。',
  'narr.exit.econnreset':
    'ConnectionResetError：{client} 重置了连接（RST），所以 `recv` 以 ECONNRESET 失败。',
  'narr.exit.epipe':
    'BrokenPipeError：{client} 已经不在了（它的内核回了一个 RST），所以 `send` 以 EPIPE 失败，这些字节无处可去。',
  'narr.exit.eintr.pause':
    '`pause()` 被打断（strace 显示 ERESTARTNOHAND：因为装了处理函数，它不会被重新启动）。在返回用户态的路上，内核递送 SIGIO。',
  'narr.exit.eintr.sigreturn':
    '`rt_sigreturn` 让被打断的 `pause()` 以 -1 EINTR 结束。CPython 的 `signal.pause()` 看到 EINTR，检查自己的标志：Python 处理函数此刻才运行，然后 `signal.pause()` 才返回。',
  'narr.exit.emfile': 'OSError：打开的文件太多。这个进程的文件描述符已经用到上限了。',
  'narr.exit.errno': '`{name}` 失败，错误是 {errno}（{text}）：Python 抛出 {exc}。',
  'narr.exit.read.stdin': '`input()` 返回 {data}：这是管理员的回答。',
  'narr.exit.recv.eof': "`recv` 返回 b''（0 字节）：{client} 已经关闭了它那一端。",
  'narr.exit.recv.eof.detail': '这个连接上不会再有数据了：程序应当关闭自己的套接字。',
  'narr.exit.recv': '`recv` 返回了来自 {client} 的 {bytes}：{data}。',
  'narr.exit.send': '`send` 返回：内核已经收下全部 {bytes}，正在发往 {client}。',
  'narr.exit.accept':
    '`accept` 返回 fd {fd}：一个专门服务于 {client} 这个连接的新套接字，取自 accept 队列（队列里还剩 {left} 个）。监听套接字（fd {lfd}）继续开着，等下一个客户端。',
  'narr.exit.accept.last':
    '`accept` 返回 fd {fd}：一个专门服务于 {client} 这个连接的新套接字，取自 accept 队列，队列又空了。监听套接字（fd {lfd}）继续开着，等下一个客户端。',
  'narr.exit.select':
    '`select` 返回 {n}：{ready} 现在可读。为了知道这一点，内核把位图走到 fd {max}，检查了集合里的每个 fd。',
  'narr.exit.select.detail': '接下来程序还得遍历自己的套接字，看看哪些在返回的集合里。',
  'narr.exit.select.timeout': '`select` 返回 0：超时了，什么都没有就绪。程序重新拿回控制权。',
  'narr.exit.poll': '`poll` 返回 {n}：{ready}。为了找到它们，内核检查了列表中的每个 fd（共 {count} 个）。',
  'narr.exit.poll.timeout': '`poll` 返回 0：超时了，什么都没有就绪。程序重新拿回控制权。',
  'narr.exit.epoll':
    '`epoll_wait` 返回 {n}：{ready}，直接从就绪列表中取出，不用扫描已登记的 fd（共 {count} 个）。',
  'narr.exit.epoll.detail': '开销只取决于有多少 fd 就绪，而不是监视了多少 fd。',
  'narr.exit.epoll.timeout': '`epoll_wait` 返回 0：超时了，就绪列表依然是空的。',
  'narr.exit.epoll.empty': '`epoll_wait` 返回 0：就绪列表是空的（调用时超时设为 0，所以没有等待）。',
  'narr.exit.socket':
    '`socket` 返回 fd {fd}：当前最小的空闲编号（0、1、2 已经是标准输入、标准输出和标准错误）。',
  'narr.exit.listen':
    '服务器开始在 {port} 端口监听。从此，即使还没人调用 accept，客户端也能连上：内核替它们完成握手并排队，最多 backlog + 1 = {queue} 个。',
  'narr.exit.close': '`close` 返回 0：fd {fd} 空出来了，下一个新套接字可能会拿到同一个编号。',
  'narr.exit.epoll_create1':
    '`epoll_create1` 返回 fd {fd}：这就是 epoll 实例。套接字只需向它登记一次，而不必在每次等待时都传进去。',
  'narr.exit.epoll_ctl.add': 'fd {fd} 已经在兴趣列表里了：它何时就绪，内核会自己记下来。',
  'narr.exit.epoll_ctl.del': 'fd {fd} 不再被监视。',
  'narr.exit.ok': '`{name}` 返回 {ret}：完成，没有等待。',
  'narr.exit.generic': '`{name}` 返回 {ret}。',
  'narr.exit.clone3':
    '内核创建了线程 {tid}（{name}）。它已经可以运行，但要执行 Python 代码，它需要一个 CPU 核，还需要 GIL，而 GIL 仍在主线程手里：CPython 启动线程时并不释放它。',
  'narr.exit.clone':
    '`fork` 在父进程中返回 {pid}：子进程 {pid} 诞生了，它是服务器的一份副本，拥有自己的一套 fd（包括这个连接）。',
  'narr.exit.write.stdout': '提示符 {data} 出现在管理员的终端上。',
  'narr.exit.write.stderr': '异常回溯已经输出到标准错误。',
  'narr.exit.uring.wait': '`wait_cqe()` 返回：完成队列里有了完成事件，程序直接从共享内存中读取它。',
  'narr.exit.uring.submit':
    '`io_uring_enter` 返回 {n}：内核收下了这些请求。程序不用等它们完成，继续往下执行。',
  'narr.exit.uring.setup': '`io_uring_setup` 返回 fd {fd}：这就是环。程序把它的两个队列映射到自己的内存里。',
  'narr.exit.sleep': '睡眠结束，循环开始新的一轮。',
  'narr.exit.getpid': '`getpid` 返回 {ret}。',
  'narr.exit.exit_group': '进程以状态码 {code} 结束。内核关闭它仍然打开着的所有 fd。',
  'narr.exit.exit': '这个线程结束了。',

  'narr.pkt.syn': '{client} 的内核发出一个 SYN：{client} 请求连接 {port} 端口。',
  'narr.pkt.syn.again': '{client} 再次发送 SYN（第 {attempt} 次重试）。',
  'narr.pkt.synack': '服务器的内核自己就用 SYN-ACK 回应了 {client}：TCP 握手不需要执行任何 Python 代码。',
  'narr.pkt.ack': '{client} 发出 ACK，三次握手完成。',
  'narr.pkt.data.in': '{client} 发送了 {bytes}：{data}。',
  'narr.pkt.data.out': '回复 {data}（{bytes}）从服务器发往 {client}。',
  'narr.pkt.fin.in': '{client} 关闭了套接字：一个 FIN（表示不会再发数据）正在发往服务器。',
  'narr.pkt.fin.out': '服务器关闭了连接：它的内核给 {client} 发送 FIN。',
  'narr.pkt.rst.in': '{client} 强行中止连接：一个 RST 正在路上（这不是正常的关闭）。',
  'narr.pkt.rst.in.closed':
    '{client} 早就关闭了套接字，所以它的内核用 RST 回应服务器发来的数据：那边已经没人在读了。',
  'narr.pkt.rst.out': '服务器的内核给 {client} 发送 RST：连接被立即拆除。',
  'narr.pkt.rst.out.unread':
    '套接字关闭时里面还有没读的数据，所以服务器的内核给 {client} 发的是 RST 而不是 FIN：连接被立即拆除。',

  'narr.syn.queued':
    '{client} 的 SYN 到达监听套接字。内核自己处理握手，并会把这个连接放进队列——哪怕还没有人调用 accept。',
  'narr.syn.queued.detail': '建立连接是内核的事，程序看到的永远是已经建好的连接。',
  'narr.syn.dropped':
    'accept 队列满了（已有 {queued} 个，上限 backlog + 1 = {max}）：内核悄悄丢掉了 {client} 的 SYN。',
  'narr.syn.dropped.detail':
    '{client} 收不到任何回应，超时后会重发 SYN：在这个内核上（Linux 6.7 及以后，`tcp_syn_linear_timeouts` = 4），先五次各等 1 秒，之后每次加倍（2 秒、4 秒……）。',

  'narr.aq.push': '握手完成：{client} 的连接进入了监听套接字的 accept 队列（现有 {n} 个在等待）。',
  'narr.aq.nobody': '还没有人调用 accept：它就在队列里等着。',
  'narr.aq.wakes': '这会唤醒在监听套接字上睡眠的{who}。',
  'narr.aq.uring':
    'io_uring 里有一个待处理的 accept，把它取走（提交它的线程的 task_work）：连接成为 fd {fd}，程序没有调用 `accept`。',

  'narr.rx': '来自 {client} 的 {bytes}（{data}）进入了{owner}的接收缓冲区：现在里面共有 {total}。',
  'narr.rx.nobody': '这是内核自己完成的，程序还没有来要这些数据。',
  'narr.rx.wakes': '内核唤醒在这个套接字上睡眠的{who}。',
  'narr.rx.uring':
    'io_uring 里有一个等着的 recv 请求：它的内部 poll 触发，这些字节由提交它的线程的 task_work 取走。',

  'narr.fin':
    "{client} 的 FIN 到达：内核在{owner}上标记数据流结束。缓冲区里的字节读完之后，recv 就会返回 b''。",
  'narr.rst.reset':
    '{client} 的 RST 到达：这个连接已经断了。之后在{owner}上的 recv 会以 ECONNRESET（ConnectionResetError）失败。',
  'narr.rst.epipe':
    '{client} 的 RST 到达：对面已经没有人在读了。之后在{owner}上的 send 会以 EPIPE（BrokenPipeError）失败。',

  'narr.epoll.callback': '套接字等待队列上的回调函数把{what}放上了 epoll 的就绪列表（现在上面有 {n} 个）。',
  'narr.epoll.callback.detail': '内核在数据到达的那一刻就记好了账，所以 `epoll_wait` 从来不用扫描套接字。',
  'narr.epoll.level':
    '水平触发：{what}仍然可读，所以 `epoll_wait` 立刻把它放回就绪列表。在数据被读完之前，它会被一次又一次地报告。',
  'narr.epoll.ctl': '{what}已经可读，所以一登记就被放上了就绪列表。',

  'narr.signal.sigio': '内核向进程 {pid} 发送 SIGIO。',
  'narr.signal.sigio.detail': '这个信号只说明“有东西就绪了”，并不说明是哪个套接字、发生了什么。',
  'narr.signal.sigio.merged':
    '上一个 SIGIO 还没处理，又来了一个：普通信号不会排队，两个合并成一个。程序必须检查每一个套接字，才能找全所有要做的事。',
  'narr.signal.sigpipe':
    '向已断开的连接写数据，内核还会发出 SIGPIPE。Python 忽略了 SIGPIPE，所以进程不会被杀死，而是收到 BrokenPipeError 异常。',
  'narr.signal.other': '内核向进程 {pid} 发送 {signal}。',
  'narr.signal.handle.sigio':
    '内核向{who}递送 SIGIO：它运行的是 CPython 的 C 层处理函数，这个函数只设一个标志，记下 SIGIO 来过。Python 的 `on_sigio` 还没有运行：它稍后在主线程里、两条字节码之间才运行。',
  'narr.signal.handle': '{signal} 的处理函数开始运行（{who}）。',

  'narr.cqe': '内核放入一个完成事件：{op}已经完成，{result}。',
  'narr.cqe.detail': '它出现在完成队列里——这是一块共享内存，程序读取它不需要系统调用。',
  'narr.cqe.accept': '新连接是 fd {res}（{client}）',
  'narr.cqe.recv': '{bytes} 已经在程序的缓冲区里了',
  'narr.cqe.recv.eof': '读到 0 字节：客户端已经关闭',
  'narr.cqe.send': '已发送 {bytes}',
  'narr.cqe.err': '出错，结果为 {res}',
  'narr.cqe.res': '结果为 {res}',

  'narr.client.reply': '{client} 收到了 {data}。到目前为止共收到 {n} 条回复。',
  'narr.client.connected':
    '对 {client} 来说，连接已经建立：它的 connect() 返回了。但在服务器这边，还得等程序来 accept。',
  'narr.client.retry':
    '{client} 的 SYN 没有得到回应：它的内核计时器到点了，准备再试一次（第 {attempt} 次重试）。',

  'narr.stdin': '管理员输入 {data} 并按下回车。',
  'narr.stdin.waited': '管理员输入 {data} 并按下回车，距离提示符出现已经过去了 {ms} 毫秒。',
  'narr.stdin.detail': '这段时间里服务器什么别的事都没做：期间到达的消息都在内核里等着。',

  'narr.error.fatal':
    '未捕获的异常：{python}。没有代码捕获它，于是 Python 打印异常回溯，整个服务器退出：所有客户端都失去了服务。',
  'narr.error.thread': '{who}中出现未捕获的异常：{python}。这个线程结束了，其他线程继续运行。',
  'narr.error.detail': '这正是学生在终端里看到的异常回溯的最后一行。',

  'narr.scan.select.none': '`select` 把位图走到 fd {max}，检查集合里的每个 fd（{watched}）：还没有一个可读。',
  'narr.scan.select.cost': '每次调用都要重新扫描一遍，不管忙碌的套接字有多少：fd 一多到成千上万，就会变慢。',
  'narr.scan.select.again':
    '内核在把线程挂上等待队列的同时再检查一遍，以免漏掉这期间到达的数据：仍然什么都没有。',
  'narr.scan.select.ready': '`select` 把位图走到 fd {max}，检查集合里的每个 fd：{ready} 可读。',
  'narr.scan.poll.none': '`poll` 逐个检查列表里的每个 fd（{watched}）：还没有一个可读。',
  'narr.scan.poll.cost': '每次调用都要把整个列表重新走一遍，不管忙碌的套接字有多少。',
  'narr.scan.poll.again':
    '内核在把线程挂上等待队列的同时再检查一遍，以免漏掉这期间到达的数据：仍然什么都没有。',
  'narr.scan.poll.ready': '`poll` 逐个检查列表里的每个 fd（{watched}）：{ready} 可读。',

  'narr.stop.until': '场景设定的时间到了（{ms} 毫秒）：运行在此停止。',
  'narr.stop.idle': '不会再有任何事情发生：客户端都结束了，服务器在睡眠。运行在 {ms} 毫秒处结束。',
  'narr.stop.exited': '服务器进程已经退出：运行在 {ms} 毫秒处结束。',
  'narr.stop.maxEvents': '运行在 {ms} 毫秒处达到了事件数上限，在此停止。',
  'narr.stop.budget': '运行在 {ms} 毫秒处用完了工作预算，在此停止：实验台会说明是哪一项预算，以及怎样调高。',
  'narr.stop.detail': '客户端一共收到 {replies} 条回复。',
} satisfies Messages;
