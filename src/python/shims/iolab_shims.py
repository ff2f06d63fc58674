# IO Lab: the modules of CPython that reach the operating system, replaced by shims whose every
# call is the system call CPython 3.11 makes on Linux, executed by IO Lab's simulated kernel
# (src/python/bridge.ts). The standard library's own socket.py, selectors.py, asyncio... run on
# top of these, unchanged. Installed once per interpreter by install(); each run calls begin().
#
# What the JS bridge offers (module `_iolab_js`):
#   call(name, line, ns, a, b, c, d) -> int (>= 0 result, or -errno), str (data), or None (the
#                                       run is over); `ns` is the user CPU spent since the last call
#   now() -> virtual time in ns;  peer(fd) -> the client's port;  cpu() -> user+system ns
#   over(kind, line, ns) -> stops the run (kind: 'cpu' or 'output')
import builtins
import io
import sys

_js = None
USER_FILE = '<server>'
NS_PER_LINE = 25
CPU_BUDGET_LINES = 4_000_000
OUTPUT_CAP = 1 << 20
EPOCH_NS = 1_796_601_600 * 10**9  # time.time() at virtual time 0: 2026-12-07 00:00:00 UTC

_ERRNO = {
    2: 'No such file or directory', 4: 'Interrupted system call', 9: 'Bad file descriptor',
    11: 'Resource temporarily unavailable', 17: 'File exists', 22: 'Invalid argument',
    24: 'Too many open files', 32: 'Broken pipe', 104: 'Connection reset by peer',
    107: 'Transport endpoint is not connected',
}


class SimulationOver(BaseException):
    """The simulated run has ended (its time is up, or a safety budget stopped it)."""
    __module__ = 'builtins'


class NotSupportedInIOLab(NotImplementedError):
    """Something a Python program on Linux could do that IO Lab's kernel does not model."""
    __module__ = 'builtins'


def unsupported(what, instead=None):
    msg = f'{what} is not supported in IO Lab: the simulated machine runs one single-threaded server process'
    if instead:
        msg += f' ({instead})'
    raise NotSupportedInIOLab(msg)


# ── run state ──
_gen = 0          # run generation: objects of an earlier run never call the kernel
_live = False
_lines = 0        # LINE events of the user's code so far
_lines_at_call = 0
_stopped = False
_sig_pending = []
_sig_handlers = {}
_out_bytes = 0


def _user_line():
    f = sys._getframe(2)
    while f is not None:
        if f.f_code.co_filename == USER_FILE:
            return f.f_lineno or 0
        f = f.f_back
    return 0


def _sys(name, a=0, b=0, c=0, d=0):
    global _lines_at_call
    if not _live or _stopped:
        raise SimulationOver('the simulated run is over')
    n = _lines
    ns = (n - _lines_at_call) * NS_PER_LINE
    _lines_at_call = n
    r = _js.call(name, _user_line(), ns, a, b, c, d)
    if r is None:
        _stop()
    if _sig_pending:
        _run_signal_handlers()
    return r


def _stop():
    global _stopped
    _stopped = True
    raise SimulationOver('the simulated run is over')


# Pyodide's errno numbers are Emscripten's (EAGAIN is 6 there), so OSError(11, ...) would not
# pick its subclass by itself: the Linux numbers and classes are spelled out.
_ERRNO_CLASS = {2: FileNotFoundError, 4: InterruptedError, 11: BlockingIOError, 17: FileExistsError,
                32: BrokenPipeError, 104: ConnectionResetError, 111: ConnectionRefusedError, 110: TimeoutError}
_LINUX_ERRNO = dict(EPERM=1, ENOENT=2, EINTR=4, EBADF=9, EAGAIN=11, EWOULDBLOCK=11, ENOMEM=12, EACCES=13, EEXIST=17,
                    EINVAL=22, EMFILE=24, EPIPE=32, ENOSYS=38, ENOTSOCK=88, EOPNOTSUPP=95, EADDRINUSE=98,
                    ECONNABORTED=103, ECONNRESET=104, ENOBUFS=105, EISCONN=106, ENOTCONN=107, ESHUTDOWN=108,
                    ETIMEDOUT=110, ECONNREFUSED=111, EALREADY=114, EINPROGRESS=115)


def _err(r, filename=None):
    code = -r
    cls = _ERRNO_CLASS.get(code, OSError)
    return cls(code, _ERRNO.get(code, 'Unknown error'), *(() if filename is None else (filename,)))


def _check(r):
    if type(r) is int and r < 0:
        raise _err(r)
    return r


def _on_line(code, line):
    global _lines
    _lines += 1
    if _stopped:
        raise SimulationOver('the simulated run is over')
    if _lines - _lines_at_call > CPU_BUDGET_LINES:
        _over('cpu', line)


def _over(kind, line):
    global _stopped, _lines_at_call
    ns = (_lines - _lines_at_call) * NS_PER_LINE
    _lines_at_call = _lines
    _stopped = True
    _js.over(kind, line, ns)
    raise SimulationOver('the simulated run was stopped')


def _fd_of(obj):
    if isinstance(obj, int):
        fd = obj
    else:
        fileno = getattr(obj, 'fileno', None)
        if fileno is None:
            raise TypeError('argument must be an int, or have a fileno() method.')
        fd = fileno()
        if not isinstance(fd, int):
            raise TypeError('fileno() returned a non-integer')
    if fd < 0:
        raise ValueError(f'file descriptor cannot be a negative integer ({fd})')
    return fd


def _parse_pairs(s):
    if not s:
        return []
    out = []
    for p in s.split(','):
        fd, ev = p.split(':')
        out.append((int(fd), int(ev)))
    return out


# ───────────────────────── _socket ─────────────────────────
import _socket as _real_socket  # noqa: E402

AF_INET = 2
AF_UNIX = 1
AF_INET6 = 10
SOCK_STREAM = 1
SOCK_DGRAM = 2
SOCK_NONBLOCK = 0o4000
SOCK_CLOEXEC = 0o2000000
SOL_SOCKET = 1
SO_REUSEADDR = 2
SOMAXCONN = 4096
_LOCAL_HOSTS = ('', '0.0.0.0', '127.0.0.1', 'localhost', None)
_default_timeout = None
_addrs = {}  # fd -> {'l': (host, port), 'r': (host, port)}


def _timeout_arg(value):
    if value is None:
        return None
    value = float(value)
    if value != value or value < 0:
        raise ValueError('Timeout value out of range')
    return value


class socket:
    """_socket.socket, over IO Lab's kernel."""
    __slots__ = ('_fd', '_family', '_type', '_proto', '_timeout', '_gen')

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        self._fd = -1
        self._gen = _gen
        self._timeout = _default_timeout
        if fileno is None:
            family = AF_INET if family == -1 else int(family)
            type = SOCK_STREAM if type == -1 else int(type)
            proto = 0 if proto == -1 else int(proto)
            if family == AF_INET6:
                unsupported('IPv6 (AF_INET6)', 'use socket.AF_INET')
            if family != AF_INET:
                unsupported(f'address family {family}', 'use socket.AF_INET')
            if type & ~(SOCK_CLOEXEC) == SOCK_DGRAM:
                unsupported('UDP (SOCK_DGRAM)', 'every shipped scenario uses TCP: socket.SOCK_STREAM')
            if type & SOCK_NONBLOCK:
                unsupported('SOCK_NONBLOCK in socket()', 'call setblocking(False) after creating the socket, as the nonblocking scenario does')
            if type & ~SOCK_CLOEXEC != SOCK_STREAM:
                unsupported(f'socket type {type}', 'use socket.SOCK_STREAM')
            self._fd = _check(_sys('socket'))
            _addrs[self._fd] = {'l': ('0.0.0.0', 0), 'r': None}
        else:
            fd = _fd_of(fileno)
            # CPython asks a socket made from an fd for its address family (getsockname).
            _check(_sys('getsockname', fd))
            self._fd = fd
            family = AF_INET if family == -1 else int(family)
            type = SOCK_STREAM if type == -1 else int(type)
            proto = 0 if proto == -1 else int(proto)
        self._family = family
        self._type = type & ~SOCK_CLOEXEC
        self._proto = proto
        if self._timeout is not None:
            _check(_sys('ioctl', self._fd, 1))

    @property
    def family(self):
        return self._family

    @property
    def type(self):
        return self._type

    @property
    def proto(self):
        return self._proto

    @property
    def timeout(self):
        return self._timeout

    def fileno(self):
        return self._fd

    def detach(self):
        fd, self._fd = self._fd, -1
        return fd

    def close(self):
        fd = self._fd
        if fd >= 0:
            self._fd = -1
            if self._gen == _gen:
                _addrs.pop(fd, None)
                r = _sys('close', fd)
                if type(r) is int and r < 0 and r != -104:
                    raise _err(r)

    def __del__(self):
        fd = self._fd
        if fd >= 0 and self._gen == _gen and _live and not _stopped:
            self._fd = -1
            try:
                _sys('close', fd)
            except BaseException:
                pass

    def __repr__(self):
        return f'<socket object, fd={self._fd}, family={self._family}, type={self._type}, proto={self._proto}>'

    def _closed_check(self):
        if self._fd < 0:
            raise OSError(9, 'Bad file descriptor')

    def bind(self, address):
        self._closed_check()
        if not isinstance(address, tuple) or len(address) != 2:
            raise TypeError(f'AF_INET address must be tuple, not {builtins.type(address).__name__}')
        host, port = address
        if not isinstance(port, int):
            raise TypeError(f"'{builtins.type(port).__name__}' object cannot be interpreted as an integer")
        if not 0 <= port <= 65535:
            raise OverflowError('bind(): port must be 0-65535.')
        if host not in _LOCAL_HOSTS:
            unsupported(f'binding to {host!r} (another host or interface)', "use '127.0.0.1', 'localhost', '' or '0.0.0.0'")
        _check(_sys('bind', self._fd, port))
        _addrs.setdefault(self._fd, {'r': None})['l'] = ('127.0.0.1' if host in ('127.0.0.1', 'localhost') else '0.0.0.0', port)

    def listen(self, backlog=min(SOMAXCONN, 128)):
        self._closed_check()
        _check(_sys('listen', self._fd, max(int(backlog), 0)))

    def _wait(self, line_events=1):
        # CPython waits with poll() first when the socket has a timeout (sock_call_ex).
        if self._timeout is not None and self._timeout > 0:
            ms = -(-int(self._timeout * 1e9) // 1_000_000)
            r = _check(_sys('poll', f'{self._fd}:{line_events}', ms))
            if not r:
                raise TimeoutError('timed out')

    def _accept(self):
        self._closed_check()
        self._wait()
        fd = _check(_sys('accept4', self._fd))
        port = _js.peer(fd)
        laddr = _addrs.get(self._fd, {}).get('l', ('127.0.0.1', 0))
        _addrs[fd] = {'l': ('127.0.0.1', laddr[1]), 'r': ('127.0.0.1', port)}
        return fd, ('127.0.0.1', port)

    def getsockname(self):
        self._closed_check()
        # CPython passes the family's address size here (128 only when it asks a new socket its family).
        _check(_sys('getsockname', self._fd, 110 if self._family == AF_UNIX else 16))
        if self._family == AF_UNIX:
            return ''
        return _addrs.get(self._fd, {}).get('l') or ('0.0.0.0', 0)

    def getpeername(self):
        self._closed_check()
        _check(_sys('getpeername', self._fd, 110 if self._family == AF_UNIX else 16))
        if self._family == AF_UNIX:
            return ''
        return _addrs.get(self._fd, {}).get('r') or ('0.0.0.0', 0)

    def recv(self, bufsize, flags=0):
        self._closed_check()
        if bufsize < 0:
            raise ValueError('negative buffersize in recv')
        if flags:
            unsupported(f'recv() flags ({flags})', 'recv(n) with no flags')
        self._wait()
        r = _sys('recvfrom', self._fd, bufsize)
        if type(r) is int:
            raise _err(r)
        return r.encode('latin-1')

    def recv_into(self, buffer, nbytes=0, flags=0):
        view = memoryview(buffer).cast('B')
        n = nbytes or len(view)
        data = self.recv(n, flags)
        view[:len(data)] = data
        return len(data)

    def recvfrom(self, bufsize, flags=0):
        data = self.recv(bufsize, flags)
        return data, _addrs.get(self._fd, {}).get('r')

    def recvfrom_into(self, buffer, nbytes=0, flags=0):
        n = self.recv_into(buffer, nbytes, flags)
        return n, _addrs.get(self._fd, {}).get('r')

    def send(self, data, flags=0):
        self._closed_check()
        if flags:
            unsupported(f'send() flags ({flags})', 'send(data) with no flags')
        payload = bytes(memoryview(data).cast('B')).decode('latin-1')
        return _check(_sys('sendto', self._fd, payload))

    def sendall(self, data, flags=0):
        view = memoryview(data).cast('B')
        while len(view):
            n = self.send(view, flags)
            view = view[n:]

    def sendto(self, *args):
        unsupported('sendto() with an address (UDP)', 'use send() on a connected TCP socket')

    def connect(self, address):
        unsupported('connect() (a client socket, or another host)', 'the scenario\'s clients connect to your server')

    def connect_ex(self, address):
        self.connect(address)

    def shutdown(self, how):
        unsupported('shutdown()', 'close() the socket instead')

    def dup(self):
        unsupported('dup()')

    def setblocking(self, flag):
        self._closed_check()
        _check(_sys('ioctl', self._fd, 0 if flag else 1))
        self._timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0.0

    def settimeout(self, value):
        value = _timeout_arg(value)
        self._closed_check()
        _check(_sys('ioctl', self._fd, 0 if value is None else 1))
        self._timeout = value

    def gettimeout(self):
        return self._timeout

    def setsockopt(self, level, optname, value, optlen=None):
        self._closed_check()
        if level == SOL_SOCKET and optname == SO_REUSEADDR:
            _check(_sys('setsockopt', self._fd))
            return None
        names = {(1, 15): 'SO_REUSEPORT', (1, 9): 'SO_KEEPALIVE', (1, 13): 'SO_LINGER', (6, 1): 'TCP_NODELAY', (1, 7): 'SO_SNDBUF', (1, 8): 'SO_RCVBUF'}
        unsupported(f'socket option {names.get((level, optname), (level, optname))}', 'IO Lab models SO_REUSEADDR only')

    def getsockopt(self, level, optname, buflen=None):
        unsupported('getsockopt()')


SocketType = socket


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    r = _sys('socketpair')
    if type_(r) is int:
        raise _err(r)
    a, b = (int(x) for x in r.split(','))
    out = []
    for fd in (a, b):
        s = socket.__new__(socket)
        s._fd, s._gen, s._family, s._type, s._proto, s._timeout = fd, _gen, AF_UNIX, SOCK_STREAM, 0, _default_timeout
        _addrs[fd] = {'l': '', 'r': ''}
        out.append(s)
    return tuple(out)


type_ = builtins.type


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(timeout):
    global _default_timeout
    _default_timeout = _timeout_arg(timeout)


def close(fd):
    _check(_sys('close', _fd_of(fd)))


def dup(fd):
    unsupported('dup()')


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    if isinstance(host, bytes):
        host = host.decode()
    if host not in _LOCAL_HOSTS:
        unsupported(f'looking up {host!r} (another host)', 'the simulated machine knows only itself: 127.0.0.1')
    if family not in (0, AF_INET):
        unsupported(f'address family {family}', 'use socket.AF_INET')
    port = int(port or 0)
    addr = '127.0.0.1' if host in ('127.0.0.1', 'localhost', None) else '0.0.0.0'
    return [(AF_INET, SOCK_STREAM, 6, '', (addr, port))]


def gethostname():
    return 'iolab'


def gethostbyname(name):
    if name not in ('localhost', '127.0.0.1', 'iolab', ''):
        unsupported(f'looking up {name!r} (another host)', 'the simulated machine knows only itself: 127.0.0.1')
    return '127.0.0.1'


def getfqdn(name=''):
    return 'iolab'


def _make_socket_module():
    import types
    m = types.ModuleType('_socket')
    for k in dir(_real_socket):
        if k.isupper() or k in ('error', 'herror', 'gaierror', 'timeout', 'htons', 'ntohs', 'htonl', 'ntohl',
                                'inet_aton', 'inet_ntoa', 'inet_pton', 'inet_ntop', 'CAPI', 'has_ipv6', 'if_nameindex'):
            setattr(m, k, getattr(_real_socket, k))
    for k, v in dict(AF_INET=AF_INET, AF_UNIX=AF_UNIX, AF_INET6=AF_INET6, SOCK_STREAM=SOCK_STREAM, SOCK_DGRAM=SOCK_DGRAM,
                     SOCK_NONBLOCK=SOCK_NONBLOCK, SOCK_CLOEXEC=SOCK_CLOEXEC, SOL_SOCKET=SOL_SOCKET, SO_REUSEADDR=SO_REUSEADDR,
                     SO_REUSEPORT=15, SO_KEEPALIVE=9, SO_LINGER=13, SO_SNDBUF=7, SO_RCVBUF=8, SO_ERROR=4, SO_TYPE=3,
                     IPPROTO_TCP=6, IPPROTO_IP=0, TCP_NODELAY=1, SOMAXCONN=SOMAXCONN, SCM_RIGHTS=1,
                     MSG_PEEK=2, MSG_DONTWAIT=0x40, MSG_WAITALL=0x100, SHUT_RD=0, SHUT_WR=1, SHUT_RDWR=2).items():
        setattr(m, k, v)
    m.has_ipv6 = False
    m.timeout = TimeoutError
    m.error = OSError
    for name in ('socket', 'SocketType', 'socketpair', 'getdefaulttimeout', 'setdefaulttimeout', 'close', 'dup',
                 'getaddrinfo', 'gethostname', 'gethostbyname', 'getfqdn'):
        setattr(m, name, globals()[name])
    m.CMSG_LEN = lambda n: 16 + n
    m.CMSG_SPACE = lambda n: 16 + ((n + 7) & ~7)
    return m


# ───────────────────────── select ─────────────────────────
POLLIN, POLLPRI, POLLOUT, POLLERR, POLLHUP, POLLNVAL = 1, 2, 4, 8, 16, 32
POLLRDNORM, POLLRDBAND, POLLWRNORM, POLLWRBAND, POLLMSG, POLLRDHUP = 64, 128, 256, 512, 1024, 0x2000
EPOLLIN, EPOLLPRI, EPOLLOUT, EPOLLERR, EPOLLHUP = 1, 2, 4, 8, 16
EPOLLRDNORM, EPOLLRDBAND, EPOLLWRNORM, EPOLLWRBAND, EPOLLMSG, EPOLLRDHUP = 64, 128, 256, 512, 1024, 0x2000
EPOLLEXCLUSIVE, EPOLLONESHOT, EPOLLET = 1 << 28, 1 << 30, 1 << 31
EPOLL_CLOEXEC = 0o2000000
FD_SETSIZE = 1024
_WRITE_BITS = POLLOUT | POLLWRNORM | POLLWRBAND


def _no_write_readiness(mask, api):
    if mask & _WRITE_BITS:
        unsupported(f'waiting for a socket to become writable ({api} with POLLOUT/EPOLLOUT or EVENT_WRITE)',
                    'its send buffer never fills here: register for reading only (POLLIN, EPOLLIN, EVENT_READ)')


def select(rlist, wlist, xlist, timeout=None):
    rl, wl, xl = list(rlist), list(wlist), list(xlist)
    if wl or xl:
        unsupported('select() on writable or exceptional sockets (its 2nd and 3rd lists)',
                    'pass [] for them, as the select scenario does')
    if timeout is None:
        tns = -1
    else:
        t = float(timeout)
        if t < 0:
            raise ValueError('timeout must be non-negative')
        tns = round(t * 1e9)
    fds = []
    for obj in rl:
        fd = _fd_of(obj)
        if fd >= FD_SETSIZE:
            raise ValueError('filedescriptor out of range in select()')
        fds.append(fd)
    uniq = sorted(set(fds))
    nfds = uniq[-1] + 1 if uniq else 0
    r = _sys('pselect6', nfds, ','.join(map(str, uniq)), tns)
    if type(r) is int:
        raise _err(r)
    ready = set(int(x) for x in r.split(',')) if r else set()
    return [o for o, fd in zip(rl, fds) if fd in ready], [], []


class poll:
    __slots__ = ('_fds',)

    def __init__(self):
        self._fds = {}

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT):
        fd = _fd_of(fd)
        _no_write_readiness(eventmask, 'poll')
        self._fds[fd] = eventmask

    def modify(self, fd, eventmask):
        fd = _fd_of(fd)
        if fd not in self._fds:
            raise OSError(2, 'No such file or directory')
        _no_write_readiness(eventmask, 'poll')
        self._fds[fd] = eventmask

    def unregister(self, fd):
        fd = _fd_of(fd)
        del self._fds[fd]

    def poll(self, timeout=None):
        if timeout is None:
            ms = -1
        else:
            ms = float(timeout)
            ms = -1 if ms < 0 else -int(-ms // 1)
        r = _sys('poll', ','.join(f'{fd}:{ev}' for fd, ev in self._fds.items()), ms)
        if type(r) is int:
            raise _err(r)
        return _parse_pairs(r)


class epoll:
    __slots__ = ('_epfd', '_gen', '__weakref__')

    def __init__(self, sizehint=-1, flags=0):
        self._epfd = -1
        self._gen = _gen
        if sizehint == 0 or sizehint < -1:
            raise ValueError('negative sizehint')
        self._epfd = _check(_sys('epoll_create1'))

    @classmethod
    def fromfd(cls, fd):
        unsupported('epoll.fromfd()')

    @property
    def closed(self):
        return self._epfd < 0

    def fileno(self):
        if self._epfd < 0:
            raise ValueError('I/O operation on closed epoll object')
        return self._epfd

    def close(self):
        fd = self._epfd
        if fd >= 0:
            self._epfd = -1
            if self._gen == _gen:
                _check(_sys('close', fd))

    def __del__(self):
        fd = self._epfd
        if fd >= 0 and self._gen == _gen and _live and not _stopped:
            self._epfd = -1
            try:
                _sys('close', fd)
            except BaseException:
                pass

    def __enter__(self):
        if self._epfd < 0:
            raise ValueError('I/O operation on closed epoll object')
        return self

    def __exit__(self, *args):
        self.close()

    def _ctl(self, op, fd, mask):
        if self._epfd < 0:
            raise ValueError('I/O operation on closed epoll object')
        fd = _fd_of(fd)
        if op != 'EPOLL_CTL_DEL':
            _no_write_readiness(mask, 'epoll')
        if mask & EPOLLEXCLUSIVE:
            # Linux wakes one of the exclusive epoll waiters on a socket, not all: that needs several
            # threads or processes asleep in epoll_wait at once, which a program here cannot have.
            unsupported('EPOLLEXCLUSIVE (waking one of several epoll waiters)',
                        'it only matters when many threads or processes wait on one listening socket; '
                        'lesson 6 shows the herd it avoids, and accept() already wakes one sleeper')
        _check(_sys('epoll_ctl', self._epfd, op, fd, mask))

    def register(self, fd, eventmask=EPOLLIN | EPOLLPRI | EPOLLOUT):
        self._ctl('EPOLL_CTL_ADD', fd, eventmask)

    def modify(self, fd, eventmask):
        self._ctl('EPOLL_CTL_MOD', fd, eventmask)

    def unregister(self, fd):
        self._ctl('EPOLL_CTL_DEL', fd, 0)

    def poll(self, timeout=None, maxevents=-1):
        if self._epfd < 0:
            raise ValueError('I/O operation on closed epoll object')
        if timeout is None:
            ms = -1
        else:
            t = float(timeout)
            ms = -int(-(t * 1000) // 1)
            if ms < 0:
                ms = -1
        if maxevents == -1:
            maxevents = FD_SETSIZE - 1
        elif maxevents < 1:
            raise ValueError(f'maxevents must be greater than 0, got {maxevents}')
        r = _sys('epoll_wait', self._epfd, maxevents, ms)
        if type(r) is int:
            raise _err(r)
        return _parse_pairs(r)


def _make_select_module():
    import types
    m = types.ModuleType('select')
    m.error = OSError
    m.select = select
    m.poll = poll
    m.epoll = epoll
    for k, v in list(globals().items()):
        if (k.startswith('POLL') or k.startswith('EPOLL')) and isinstance(v, int):
            setattr(m, k, v)
    m.PIPE_BUF = 4096
    return m


# ───────────────────────── fcntl ─────────────────────────
F_DUPFD, F_GETFD, F_SETFD, F_GETFL, F_SETFL, F_SETOWN, F_GETOWN = 0, 1, 2, 3, 4, 8, 9
_FCNTL_CMDS = {F_GETFL: 'F_GETFL', F_SETFL: 'F_SETFL', F_SETOWN: 'F_SETOWN'}


def fcntl(fd, cmd, arg=0):
    fd = _fd_of(fd)
    name = _FCNTL_CMDS.get(cmd)
    if name is None:
        unsupported(f'fcntl command {cmd}', 'IO Lab models F_GETFL, F_SETFL and F_SETOWN')
    if not isinstance(arg, int):
        unsupported('fcntl() with a buffer argument')
    return _check(_sys('fcntl', fd, name, arg))


def _make_fcntl_module():
    import types
    m = types.ModuleType('fcntl')
    m.fcntl = fcntl
    for k, v in dict(F_DUPFD=0, F_GETFD=1, F_SETFD=2, F_GETFL=3, F_SETFL=4, F_SETOWN=8, F_GETOWN=9, FD_CLOEXEC=1,
                     F_DUPFD_CLOEXEC=1030, LOCK_SH=1, LOCK_EX=2, LOCK_NB=4, LOCK_UN=8, FASYNC=0o20000).items():
        setattr(m, k, v)

    def ioctl(*a, **k):
        unsupported('fcntl.ioctl()', 'use socket.setblocking(), which is ioctl(FIONBIO)')

    def flock(*a, **k):
        unsupported('file locks (flock)')
    m.ioctl = ioctl
    m.flock = flock
    m.lockf = flock
    return m


# ───────────────────────── _signal ─────────────────────────
SIG_DFL, SIG_IGN = 0, 1
SIGIO, SIGCHLD, SIGINT, SIGTERM, SIGPIPE, SIGALRM = 29, 17, 2, 15, 13, 14


def _default_int_handler(signum, frame):
    raise KeyboardInterrupt


def _check_signum(signalnum):
    if not 1 <= signalnum < 65:
        raise ValueError('signal number out of range')


def signal(signalnum, handler):
    signalnum = int(signalnum)
    _check_signum(signalnum)
    if handler not in (SIG_DFL, SIG_IGN) and not callable(handler):
        raise TypeError('signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object')
    old = _sig_handlers.get(signalnum, _default_int_handler if signalnum == SIGINT else SIG_DFL)
    if signalnum == SIGIO and callable(handler):
        _check(_sys('rt_sigaction', 'SIGIO', 'handler'))
    elif signalnum == SIGIO and handler == SIG_IGN:
        _check(_sys('rt_sigaction', 'SIGIO', 'SIG_IGN'))
    elif signalnum == SIGCHLD and handler == SIG_IGN:
        _check(_sys('rt_sigaction', 'SIGCHLD', 'SIG_IGN'))
    # Other signals never arrive in the simulation: the handler is kept, no call is shown.
    _sig_handlers[signalnum] = handler
    return old


def getsignal(signalnum):
    signalnum = int(signalnum)
    _check_signum(signalnum)
    return _sig_handlers.get(signalnum, _default_int_handler if signalnum == SIGINT else SIG_DFL)


def pause():
    r = _sys('pause')
    if r == -4:
        # Interrupted by a signal: the handler's frame returns through rt_sigreturn.
        _sys('rt_sigreturn')
    _run_signal_handlers()
    return None


def _sigio_arrived():
    _sig_pending.append(SIGIO)


def _run_signal_handlers():
    while _sig_pending:
        signum = _sig_pending.pop(0)
        h = _sig_handlers.get(signum)
        if callable(h):
            f = sys._getframe(1)
            while f is not None and f.f_code.co_filename != USER_FILE:
                f = f.f_back
            h(signum, f)


def _make_signal_module():
    import types
    import _signal as real
    m = types.ModuleType('_signal')
    for k in dir(real):
        v = getattr(real, k)
        if k.isupper() and isinstance(v, int):
            setattr(m, k, v)
    for k, v in dict(SIGIO=29, SIGPOLL=29, SIGCHLD=17, SIGINT=2, SIGTERM=15, SIGPIPE=13, SIGALRM=14, SIGUSR1=10,
                     SIGUSR2=12, SIGHUP=1, SIGKILL=9, SIGSTOP=19, SIG_DFL=0, SIG_IGN=1, NSIG=65).items():
        setattr(m, k, v)
    m.signal = signal
    m.getsignal = getsignal
    m.pause = pause
    m.default_int_handler = _default_int_handler
    m.set_wakeup_fd = lambda fd, *, warn_on_full_buffer=True: -1
    m.siginterrupt = lambda signalnum, flag: None
    m.strsignal = getattr(real, 'strsignal', lambda s: None)
    m.valid_signals = lambda: set(range(1, 65))

    def no(name):
        def f(*a, **k):
            unsupported(f'signal.{name}()', 'the simulation sends SIGIO only (see the signal-driven scenario)')
        f.__name__ = name
        return f
    for name in ('alarm', 'setitimer', 'getitimer', 'pthread_kill', 'raise_signal', 'sigwait', 'sigwaitinfo',
                 'sigtimedwait', 'pthread_sigmask', 'sigpending'):
        setattr(m, name, no(name))
    m.ITIMER_REAL, m.ITIMER_VIRTUAL, m.ITIMER_PROF = 0, 1, 2
    m.SIG_BLOCK, m.SIG_UNBLOCK, m.SIG_SETMASK = 0, 1, 2
    m.ItimerError = OSError
    return m


# ───────────────────────── time ─────────────────────────
def _now_ns():
    return _js.now() + (_lines - _lines_at_call) * NS_PER_LINE


def _make_time_module():
    import types
    import time as real
    m = types.ModuleType('time')
    for k in dir(real):
        if not k.startswith('__'):
            setattr(m, k, getattr(real, k))
    m.monotonic_ns = _now_ns
    m.perf_counter_ns = _now_ns
    m.monotonic = lambda: _now_ns() / 1e9
    m.perf_counter = m.monotonic
    m.time_ns = lambda: EPOCH_NS + _now_ns()
    m.time = lambda: (EPOCH_NS + _now_ns()) / 1e9
    m.process_time_ns = lambda: _js.cpu() + (_lines - _lines_at_call) * NS_PER_LINE
    m.process_time = lambda: m.process_time_ns() / 1e9
    m.thread_time_ns = m.process_time_ns
    m.thread_time = m.process_time

    def sleep(secs):
        secs = float(secs)
        if secs != secs:
            raise ValueError('Invalid value NaN (not a number)')
        if secs < 0:
            raise ValueError('sleep length must be non-negative')
        _sys('clock_nanosleep', round(secs * 1e9))
    m.sleep = sleep
    m.localtime = lambda secs=None: real.localtime(m.time() if secs is None else secs)
    m.gmtime = lambda secs=None: real.gmtime(m.time() if secs is None else secs)
    m.ctime = lambda secs=None: real.ctime(m.time() if secs is None else secs)
    m.asctime = lambda t=None: real.asctime(m.localtime() if t is None else t)
    m.strftime = lambda fmt, t=None: real.strftime(fmt, m.localtime() if t is None else t)
    return m


# ───────────────────────── os, threads, processes, files ─────────────────────────
import os as _os  # noqa: E402
_os_saved = {}


def _os_getpid():
    return _check(_sys('getpid'))


def _os_close(fd):
    _check(_sys('close', _fd_of(fd)))


def _os_write(fd, data):
    if fd not in (1, 2):
        unsupported(f'os.write() to fd {fd}', 'write to a socket with send(); print() goes to stdout')
    return _check(_sys('write', fd, bytes(data).decode('latin-1')))


def _os_read(fd, n):
    if fd != 0:
        unsupported(f'os.read() from fd {fd}', 'read a socket with recv()')
    r = _sys('read', 0, n)
    if type(r) is int:
        raise _err(r)
    return r.encode('latin-1')


def _os_set_blocking(fd, blocking):
    fd = _fd_of(fd)
    flags = _check(_sys('fcntl', fd, 'F_GETFL', 0))
    new = flags & ~0o4000 if blocking else flags | 0o4000
    if new != flags:
        _check(_sys('fcntl', fd, 'F_SETFL', new))


def _os_get_blocking(fd):
    return not (_check(_sys('fcntl', _fd_of(fd), 'F_GETFL', 0)) & 0o4000)


def _no_fork(*a, **k):
    unsupported('os.fork() (a second process)', 'the process-per-connection scenario shows fork() on the simulated kernel')


def _no_subprocess(*a, **k):
    unsupported('starting another program (subprocess, os.system, os.exec*)', 'the simulated machine runs only your server')


def _no_files(file, *a, **k):
    unsupported(f'opening files ({file!r})', 'the simulated machine has sockets, stdin and stdout, no disk')


def _os_exit(code):
    _sys('exit_group', int(code))
    _stop()


def _urandom(n):
    import random
    return bytes(random.getrandbits(8) for _ in range(n))


def _no_thread_start(self):
    if getattr(self, '_target', None) is not None and 'ThreadPoolExecutor' in (self.name or ''):
        unsupported('a thread pool (concurrent.futures starts threads)', 'the thread-pool scenario shows one on the simulated kernel')
    unsupported('threading.Thread.start() (a second thread)', 'the thread-per-connection and thread-pool scenarios show threads on the simulated kernel')


def _no_multiprocessing(*a, **k):
    unsupported('multiprocessing (more processes)', 'the process-per-connection scenario shows fork() on the simulated kernel')


class _BlockModules:
    """Imports of modules IO Lab cannot run fail at the import, with the reason."""
    BLOCKED = {
        'multiprocessing': 'multiprocessing (more processes): the process-per-connection scenario shows fork() on the simulated kernel',
        'uring': 'the imagined uring module: the async-io scenario shows io_uring on the simulated kernel',
        'ssl': 'TLS (ssl)',
    }

    def find_spec(self, name, path=None, target=None):
        root = name.split('.')[0]
        if root in self.BLOCKED and _live:
            raise ModuleNotFoundError(f'No module named {name!r}: {self.BLOCKED[root]} is not supported in IO Lab', name=name)
        if name == 'subprocess':
            import importlib.machinery
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            if spec is not None and spec.loader is not None:
                spec.loader = _PatchLoader(spec.loader)
            return spec
        return None


class _PatchLoader:
    """Loads subprocess as usual, then makes Popen() say why it cannot run."""

    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        self.loader.exec_module(module)
        module.Popen.__init__ = _no_subprocess
        for name in ('run', 'call', 'check_call', 'check_output', 'getoutput', 'getstatusoutput'):
            setattr(module, name, _no_subprocess)


# ───────────────────────── stdin, stdout, stderr ─────────────────────────
class _FdWriter(io.RawIOBase):
    def __init__(self, fd):
        self._fdno = fd

    def writable(self):
        return True

    def fileno(self):
        return self._fdno

    def isatty(self):
        return False

    def write(self, b):
        global _out_bytes
        data = bytes(b)
        if not data or not _live or _stopped:
            return len(data)
        _out_bytes += len(data)
        if _out_bytes > OUTPUT_CAP:
            _over('output', _user_line())
        return _check(_sys('write', self._fdno, data.decode('latin-1')))


class _FdReader(io.RawIOBase):
    def readable(self):
        return True

    def fileno(self):
        return 0

    def isatty(self):
        return False

    def readinto(self, b):
        view = memoryview(b).cast('B')
        r = _sys('read', 0, len(view))
        if type(r) is int:
            raise _err(r)
        data = r.encode('latin-1')
        view[:len(data)] = data
        return len(data)


def _input(prompt=''):
    sys.stderr.flush()
    if prompt:
        sys.stdout.write(str(prompt))
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError('EOF when reading a line')
    return line[:-1] if line.endswith('\n') else line


# ───────────────────────── installing and running ─────────────────────────
_PURGE_ROOTS = ('socket', 'selectors', 'select', 'ssl', 'socketserver', 'subprocess', 'signal', 'asyncio', 'concurrent',
                'fcntl', 'time', 'logging', 'http', 'urllib', 'xmlrpc', 'smtplib', 'ftplib', 'poplib', 'imaplib',
                'datetime', '_pydatetime', 'queue', 'sched', 'multiprocessing', 'random')
_baseline = None
_saved_std = None


def install(js):
    """Once per interpreter: the shims go into sys.modules; what imported the real ones is forgotten."""
    global _js, _baseline
    _js = js
    for name in list(sys.modules):
        if name.split('.')[0] in _PURGE_ROOTS:
            del sys.modules[name]
    sys.modules['_datetime'] = None  # datetime falls back to _pydatetime, which reads the shimmed clock
    sys.modules['_socket'] = _make_socket_module()
    sys.modules['select'] = _make_select_module()
    sys.modules['fcntl'] = _make_fcntl_module()
    sys.modules['_signal'] = _make_signal_module()
    sys.modules['time'] = _make_time_module()
    sys.meta_path.insert(0, _BlockModules())
    import threading
    threading.Thread.start = _no_thread_start
    for name, f in dict(getpid=_os_getpid, close=_os_close, write=_os_write, read=_os_read, set_blocking=_os_set_blocking,
                        get_blocking=_os_get_blocking, fork=_no_fork, forkpty=_no_fork, system=_no_subprocess,
                        popen=_no_subprocess, posix_spawn=_no_subprocess, posix_spawnp=_no_subprocess,
                        execv=_no_subprocess, execve=_no_subprocess, execvp=_no_subprocess, execl=_no_subprocess,
                        execlp=_no_subprocess, spawnv=_no_subprocess, spawnl=_no_subprocess, kill=_no_subprocess,
                        pipe=_no_subprocess, dup=_no_subprocess, dup2=_no_subprocess, open=_no_files,
                        _exit=_os_exit, urandom=_urandom).items():
        _os_saved[name] = (getattr(_os, name, None), f)
    _os.O_NONBLOCK = 0o4000
    _os.O_ASYNC = 0o20000
    sys.monitoring.use_tool_id(4, 'iolab')
    sys.monitoring.register_callback(4, sys.monitoring.events.LINE, _on_line)
    _baseline = set(sys.modules)


def _purge():
    for name in list(sys.modules):
        if name not in _baseline:
            del sys.modules[name]


def _code_objects(code):
    yield code
    for c in code.co_consts:
        if isinstance(c, type(code)):
            yield from _code_objects(c)


def _user_traceback(exc):
    import traceback
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if not f.filename.endswith('iolab_shims.py')]
    text = ''
    if frames:
        text = 'Traceback (most recent call last):\n' + ''.join(traceback.format_list(frames))
    text += ''.join(traceback.format_exception_only(type(exc), exc))
    line = 0
    for f in frames:
        if f.filename == USER_FILE:
            line = f.lineno or 0
    return text, line


def run(source, seed, cpu_budget_lines, output_cap):
    """Runs the user's program; returns (outcome, python_last_line, traceback, line, errno, exit_code)."""
    global _gen, _live, _lines, _lines_at_call, _stopped, _default_timeout, _out_bytes, _saved_std
    global CPU_BUDGET_LINES, OUTPUT_CAP
    import gc
    import linecache
    CPU_BUDGET_LINES = cpu_budget_lines
    OUTPUT_CAP = output_cap
    _gen += 1
    _purge()
    gc.collect()
    _lines = _lines_at_call = 0
    _stopped = False
    _default_timeout = None
    _out_bytes = 0
    _sig_pending.clear()
    _sig_handlers.clear()
    _addrs.clear()
    import random  # afresh (purged above): the program's random numbers follow the scenario's seed
    random.seed(seed)
    linecache.cache[USER_FILE] = (len(source), None, source.splitlines(True), USER_FILE)
    try:
        code = compile(source, USER_FILE, 'exec')
    except (SyntaxError, ValueError) as e:
        import traceback
        text = ''.join(traceback.format_exception_only(type(e), e))
        return ('syntax', text.rstrip('\n').split('\n')[-1], text, getattr(e, 'lineno', 0) or 0, 0, 1)
    for c in _code_objects(code):
        sys.monitoring.set_local_events(4, c, sys.monitoring.events.LINE)
    ubuiltins = dict(builtins.__dict__)
    ubuiltins['input'] = _input
    ubuiltins['open'] = _no_files
    ns = {'__name__': '__main__', '__builtins__': ubuiltins, '__file__': USER_FILE}
    _saved_std = (sys.stdin, sys.stdout, sys.stderr)
    # Unbuffered, as with PYTHONUNBUFFERED=1, the environment the recordings in fixtures/strace were
    # made in: print('x') is write(1, "x") then write(1, "\n"), at the line that prints.
    sys.stdout = io.TextIOWrapper(_FdWriter(1), encoding='utf-8', errors='strict', write_through=True)
    sys.stderr = io.TextIOWrapper(_FdWriter(2), encoding='utf-8', errors='backslashreplace', write_through=True)
    sys.stdin = io.TextIOWrapper(io.BufferedReader(_FdReader(), 8192), encoding='utf-8')
    for name, (_, f) in _os_saved.items():
        setattr(_os, name, f)
    import errno as errno_module
    errno_saved = {k: getattr(errno_module, k, None) for k in _LINUX_ERRNO}
    errorcode_saved = dict(errno_module.errorcode)
    for k, v in _LINUX_ERRNO.items():
        setattr(errno_module, k, v)
    errno_module.errorcode.clear()
    errno_module.errorcode.update({v: k for k, v in _LINUX_ERRNO.items() if k != 'EWOULDBLOCK'})
    # Pyodide's own event loop (WebLoop) counts as running: the program starts with none.
    import _asyncio
    running_saved = _asyncio._get_running_loop()
    _asyncio._set_running_loop(None)
    _live = True
    result = ('ok', '', '', 0, 0, 0)
    try:
        try:
            exec(code, ns)
            ns.clear()
            gc.collect()
            sys.stdout.flush()
        except SystemExit as e:
            code_ = e.code
            if code_ is None:
                status = 0
            elif isinstance(code_, int):
                status = code_
            else:
                sys.stderr.write(str(code_) + '\n')
                status = 1
            sys.stdout.flush()
            result = ('exit', '', '', 0, 0, status)
    except SimulationOver:
        result = ('stopped', '', '', 0, 0, 0)
    except BaseException as e:
        text, line = _user_traceback(e)
        last = text.rstrip('\n').split('\n')[-1]
        kind = 'unsupported' if isinstance(e, NotSupportedInIOLab) or (isinstance(e, ModuleNotFoundError) and 'IO Lab' in str(e)) else 'error'
        if isinstance(e, ImportError) and not isinstance(e, NotSupportedInIOLab):
            kind = 'import'
        errno = e.errno if isinstance(e, OSError) and isinstance(e.errno, int) else 0
        result = (kind, last, text, line, errno, 1)
    finally:
        _live = False
        for name, (orig, _) in _os_saved.items():
            if orig is None:
                delattr(_os, name)
            else:
                setattr(_os, name, orig)
        for k, v in errno_saved.items():
            if v is not None:
                setattr(errno_module, k, v)
        errno_module.errorcode.clear()
        errno_module.errorcode.update(errorcode_saved)
        _asyncio._set_running_loop(running_saved)
        for c in _code_objects(code):
            sys.monitoring.set_local_events(4, c, 0)
        sys.stdin, sys.stdout, sys.stderr = _saved_std
    return result
