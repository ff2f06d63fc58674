/** 第 7 课文字（中文）。 */
import type { Messages } from '../../core.ts';

export default {
  'lesson.07.title': '非阻塞 I/O：一遍又一遍地问',
  'lesson.07.summary':
    '把每个套接字都设成非阻塞，然后轮流去问：一个线程服务所有人，但要么烧掉整个 CPU，要么回复得晚。而原文自己的版本还藏着一个陷阱。',
  'lesson.07.idea.title': '永远不在某一个套接字上睡',
  'lesson.07.idea.b1':
    '调用 `sock.setblocking(False)` 之后，不能立即完成的调用会立即失败：没有客户端排队时的 `accept()`，缓冲区为空时的 `recv()`。内核回答 `EAGAIN`；Python 抛出 `BlockingIOError`。',
  'lesson.07.idea.b2':
    '于是一个线程可以挨个照看所有套接字：在监听套接字上试一下 `accept()`，再在每个连接上试一下 `recv()`，捕获 `BlockingIOError` 就接着往下，一轮完了再来一轮。没有哪个调用会睡，所以谁也卡不住这个线程。',
  'lesson.07.idea.b3': '先看两轮之间什么都不做的循环：两个客户端，模拟时间 8 毫秒。',
  'lesson.07.eagain.title': 'BlockingIOError，一次又一次',
  'lesson.07.eagain.b1':
    '服务器在 ann 的连接上试了一下 `recv()`：什么都没有，`EAGAIN`，异常被捕获，循环继续。向前单步（→），看同样的调用一轮接一轮地失败；折叠标签会统计重复了多少轮。',
  'lesson.07.eagain.b2': '阶段一不再在睡眠中度过，而是在询问中度过。',
  'lesson.07.cpu.title': '账单',
  'lesson.07.cpu.b1': '这是运行的终点。看看仪表：系统调用次数、`EAGAIN` 次数、CPU 时间。',
  'lesson.07.cpu.b2': '两个客户端一共只发了两条消息。',
  'lesson.07.cpu.q': '在这 {ms} 毫秒里，CPU 有多忙？',
  'lesson.07.cpu.q.low': '几乎空闲（约 1%）',
  'lesson.07.cpu.q.half': '大约一半时间在忙',
  'lesson.07.cpu.q.full': '几乎一直在忙',
  'lesson.07.cpu.q.explain':
    '几乎一直在忙（仪表显示 {pct}%）：循环从不睡觉，给它多少 CPU 周期它就用多少，这里换来的是 {eagain} 次失败的调用和 {replies} 条回复。线程一次也没有主动让出 CPU。在真实机器上，这就是一个核跑满 100%，白白发热耗电。',
  'lesson.07.reset.title': '处理 ConnectionResetError',
  'lesson.07.reset.b1':
    'ben 异常中止了连接（发来 RST）。之后在他套接字上的 `recv()` 以 `ECONNRESET` 失败，Python 抛出 `ConnectionResetError`。服务器捕获它，关闭套接字，并把它从列表里删掉。',
  'lesson.07.reset.b2': "如果是正常关闭，`recv()` 则会返回 `b''`：两种情况服务器都得处理。",
  'lesson.07.sleep.title': '每轮之间睡一会儿：CPU 省了，延迟多了',
  'lesson.07.sleep.b1': '同一个服务器，每轮末尾加上 `time.sleep(0.1)`：每 100 毫秒问一次，中间睡觉。',
  'lesson.07.sleep.b2': 'ann 的 `hello` 刚刚到达内核。服务器正睡在 `clock_nanosleep` 里。',
  'lesson.07.sleep.q': '服务器要过多久才会读到 ann 的 `hello`？',
  'lesson.07.sleep.q.now': '立刻（远不到 1 毫秒）',
  'lesson.07.sleep.q.round': '最多一轮：几十毫秒',
  'lesson.07.sleep.q.second': '超过一秒',
  'lesson.07.sleep.q.explain':
    '{delay} 毫秒：数据要等睡眠结束、下一轮开始。作为交换，CPU 只有 {pct}% 的时间在忙。睡得短浪费 CPU，睡得长增加延迟；没有一个值适合所有负载。',
  'lesson.07.trap.title': '原文的版本：一个陷阱',
  'lesson.07.trap.b1':
    '原文的服务器只对监听套接字调用了 `setblocking(False)`。在 Linux 上，`accept()` 返回的套接字**不会**继承 `O_NONBLOCK`：ann 的连接是个阻塞套接字。',
  'lesson.07.trap.b2':
    '于是在它上面的第一次 `recv()` 就睡着了，整个“非阻塞”循环都停在里面，正如舞台所示：线程睡在 ann 套接字的 `recvfrom` 里。',
  'lesson.07.trap.b3': 'ben 连了上来，会在 300 毫秒时发送 `me first`；ann 要到 600 毫秒才开口。',
  'lesson.07.trap.q': '谁先收到回复？',
  'lesson.07.trap.q.explain':
    '是 ann：循环卡在 ann 的 `recv()` 里，直到她开口。然后循环往下走，又在下一个套接字上阻塞，如此往复：客户端被步调一致地轮流服务，循环每转一圈，每人只处理一条消息。ben 的 `me first` 等了 {waited} 毫秒。',
  'lesson.07.fix.title': '一行代码的修复',
  'lesson.07.fix.b1':
    '在 `accept()` 之后，马上把每个新套接字也设成非阻塞：`conn.setblocking(False)`。这样 strace 里每个 `accept4` 后面都会有 `ioctl(4, FIONBIO, [1])`，而 `recvfrom` 再也不会睡着。',
  'lesson.07.fix.b2':
    '就算修好了，轮询依然不划算：忙循环烧掉一个核，带睡眠的循环回复得晚，而两者每一轮都要挨个问每个套接字有没有人说话。',
  'lesson.07.fix.b3':
    '我们真正想要的是：睡到我们的任何一个套接字有动静为止，并且被告知是哪一个。这就是 `select`，下一课。',
} satisfies Messages;
