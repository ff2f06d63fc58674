/** 第 17 课（中文；英文见 src/i18n/en/pages/lesson-17.ts，键完全相同）。 */
import type { Messages } from '../../core.ts';

export default {
  'lesson.17.title': '总对比：线程睡在哪里，谁来拷贝',
  'lesson.17.summary':
    '按读操作的两个阶段把所有模型摆在一起：线程睡在哪里、之后还要不要读、由谁拷贝；每一格都来自该模型自己的运行结果。',
  'lesson.17.phases.title': '两个阶段',
  'lesson.17.phases.b1':
    '每次读操作都分两个阶段。第一阶段：等待数据进入内核的接收缓冲区。第二阶段：把数据从内核拷贝到程序的缓冲区。',
  'lesson.17.phases.b2':
    'IO Lab 处处用同样的两个词：线程“睡眠”，指它不在 CPU 上、挂在等待队列上；线程“在调用里”，指调用返回之前程序无法继续。各种 I/O 模型的区别在于：第一阶段线程睡在哪个调用里，之后还需不需要一次读调用，以及第二阶段由谁来做。',
  'lesson.17.wait.title': '阻塞 I/O：在 recv 里睡眠（第一阶段）',
  'lesson.17.wait.b1':
    '阻塞服务器在没有数据可读时调用 recv：它在 recv 里，并且睡在套接字的等待队列上。这就是第一阶段，这期间程序什么别的事也做不了。',
  'lesson.17.copy.title': '第二阶段：拷贝仍在 recv 里',
  'lesson.17.copy.b1':
    '数据到了；线程醒了，但仍在同一次 recv 调用里：它以内核态运行，把数据拷贝到程序的缓冲区，然后 recv 才返回。两个阶段都在调用里，只有第一阶段在睡眠。除了一种模型以外，第二阶段都发生在程序自己发出的读调用里。',
  'lesson.17.table.title': '所有模型',
  'lesson.17.table.b1':
    '每一行都来自该模型对应场景的运行：IO Lab 在跟踪记录里查看线程睡在哪个调用里，以及拷贝发生在哪个调用里（如果有的话）。',
  'lesson.17.quiz.title': '自测一下',
  'lesson.17.quiz.b1':
    '睡在 select、poll、epoll_wait、pause() 或 io_uring_enter 里也仍然是睡眠：线程离开 CPU，直到内核把它唤醒。',
  'lesson.17.quiz.q': '在哪些模型里，线程从不为等待数据而睡眠？',
  'lesson.17.quiz.explain':
    '只有非阻塞轮询：它去问，得到 EAGAIN，再去问，一直占着 CPU。信号驱动 I/O 睡在 pause() 里直到 SIGIO，之后仍要调用 recv，由线程在里面拷贝。异步 I/O 睡在 io_uring_enter(GETEVENTS) 里直到完成事件，不需要读调用：io_uring 的完成处理已经以内核态、在这个线程自己的上下文里拷贝了数据。不发读调用的只有 {kernel} 种：异步 I/O。',
  'lesson.17.sum.title': '每种一句话',
  'lesson.17.sum.b1':
    '阻塞和多线程：在 recv 里睡，再在 recv 里拷贝。非阻塞：从不睡，一遍又一遍地问。select、poll、epoll、selectors、asyncio：同时为许多个睡，再 recv。信号驱动：睡在 pause() 里等通知，再 recv。异步：睡在 io_uring_enter 里等“已完成”的通知，不用 recv。',
  'lesson.17.sum.b2':
    '同步 I/O 的意思是程序发出读调用，拷贝发生在调用里；按这个标准，除了最后一种，所有模型都是同步的，不管名字里带不带“异步”。',
  'lesson.17.model.blocking': '阻塞 I/O',
  'lesson.17.model.threads': '每个连接一个线程',
  'lesson.17.model.nonblocking': '非阻塞轮询',
  'lesson.17.model.select': 'select',
  'lesson.17.model.poll': 'poll',
  'lesson.17.model.epoll': 'epoll',
  'lesson.17.model.signal': '信号驱动（SIGIO）',
  'lesson.17.model.asyncio': 'asyncio（协程）',
  'lesson.17.model.async-io': '异步 I/O（io_uring）',
  'lesson.17.fig.caption': '等待时线程睡在哪里、由谁拷贝（根据每个模型的运行结果测得）',
  'lesson.17.fig.model': '模型',
  'lesson.17.fig.phase1': '第一阶段：等待数据',
  'lesson.17.fig.phase2': '第二阶段：拷贝数据',
  'lesson.17.fig.wait.read': '睡眠，在 recv 里',
  'lesson.17.fig.wait.multiplexer': '睡在 select / poll / epoll_wait 里，同时等许多套接字',
  'lesson.17.fig.wait.no.asks': '从不睡眠：去问，得到 EAGAIN',
  'lesson.17.link.compare': '把各个模型并排运行',
  'lesson.17.fig.wait.pause': '睡在 pause() 里，等 SIGIO',
  'lesson.17.fig.wait.uring': '睡在 io_uring_enter(GETEVENTS) 里，等完成事件',
  'lesson.17.fig.copy.in-read': '之后调用 recv：线程在里面拷贝（内核态）',
  'lesson.17.fig.copy.completion': '没有读调用：完成处理在线程的上下文里拷贝',
} satisfies Messages;
