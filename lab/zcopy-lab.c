/*
 * zcopy-lab: moves a real file through one or more copy techniques on this
 * kernel and prints, as JSON lines on stdout, what really happened.
 *
 *   zcopy-lab --dir DIR --size BYTES --chunk BYTES --runs N --warmup N
 *             --technique ID[,ID...] [--cold]
 *
 * Techniques: read-write, mmap-write, sendfile, splice, msg-zerocopy,
 * direct-io (file -> 127.0.0.1 TCP socket) and copy-file-range (file -> file).
 *
 * How it measures
 * - The parent writes DIR/zcopy-lab-src (a known pattern), fsyncs it, and
 *   listens on 127.0.0.1 (never any other address).
 * - For every run it connects a loopback TCP pair itself, forks a receiver
 *   (reads until EOF and counts the bytes; in the warm-up it also checks every
 *   byte against the pattern) and then the sender.
 * - The sender is created with a raw clone(SIGCHLD), not glibc's fork(), which
 *   makes a set_robust_list call in the child that this program did not write.
 *   From then on every system call the sender makes goes through SC() below,
 *   which counts it by its kernel name before making it, so the counts equal
 *   what `strace -f` shows for the sender's pid (the receiver and the parent
 *   are other pids). Nothing in the sender allocates memory or uses stdio;
 *   clock_gettime goes through the vDSO, not a system call.
 * - CPU time comes from the scheduler's own clock: the parent waits for the
 *   sender to exit without reaping it (waitid WNOWAIT) and reads the first field
 *   of /proc/PID/schedstat, nanoseconds on the CPU, user and system together
 *   (cpuNs, -1 where the kernel has no schedstat). Reading it in the sender would
 *   be a system call strace counts. The user/system split and the context
 *   switches come from the sender's rusage (wait4): on many kernels that split is
 *   sampled at each timer tick, so it is only a hint.
 * - Wall time runs from the sender's first call until the receiver holds the
 *   last byte (for copy-file-range, until the sender's last call returns).
 *   That is not the span the CPU time covers: schedstat counts the sender's
 *   whole life, its start-up after clone() (copy-on-write faults on its stack
 *   and buffer) and its exit (tearing down its address space) included, and a
 *   sender may still be closing and unmapping after the receiver has the last
 *   byte. So the parent also reads the clock over the CPU time's own span:
 *   lifeNs runs from just before clone() until waitid() reports the exit.
 * - Before and after each run mincore() says how much of the file is in the
 *   page cache (cachedPages, cachedAfter, of filePages).
 * - With --cold, before each measured run (not the warm-ups, the first of which
 *   checks every byte) the parent drops the file's pages from the page cache:
 *   fdatasync, then posix_fadvise(POSIX_FADV_DONTNEED), which drops clean pages
 *   and needs no privileges. These are the parent's calls, not the sender's, so
 *   the sender's counts do not change. Where the kernel keeps the pages anyway
 *   (tmpfs, whose files live in the page cache) cachedPages says so: such a run
 *   is not cold, and the run line does not claim it was ("cold" only says the
 *   drop was asked for).
 *
 * Output: one JSON object per line; "type" is "env", "run", "refused" or
 * "error". Exit status: 0 done (a refused technique is a result), 1 bad
 * arguments, 2 the machine failed the experiment, 128+N killed by signal N.
 * SIGINT, SIGTERM and SIGHUP kill the children and remove the files first.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/errqueue.h>

#ifndef SO_ZEROCOPY
#define SO_ZEROCOPY 60
#endif
#ifndef MSG_ZEROCOPY
#define MSG_ZEROCOPY 0x4000000
#endif
#ifndef SO_EE_ORIGIN_ZEROCOPY
#define SO_EE_ORIGIN_ZEROCOPY 5
#endif
#ifndef SO_EE_CODE_ZEROCOPY_COPIED
#define SO_EE_CODE_ZEROCOPY_COPIED 1
#endif

#define MAX_NAMES 32
#define NAME_LEN 24

/* Shared with the children (MAP_SHARED | MAP_ANONYMOUS): writing it costs no system call. */
struct shared {
  int n;
  char names[MAX_NAMES][NAME_LEN];
  long all[MAX_NAMES];  /* every call the sender made */
  long loop[MAX_NAMES]; /* the calls made inside the transfer loop */
  int in_loop;
  long long t_start, t_send_end, t_recv_end;
  long long sent, received;
  int verify, bad_byte;
  long long bad_offset;
  long zc_completions, zc_copied;
  int refused, refused_errno;
  char refused_call[NAME_LEN];
  int failed, failed_errno;
  char failed_call[NAME_LEN];
};

static struct shared *S;
static volatile sig_atomic_t is_parent = 1;
static volatile pid_t child_pids[2];
static char src_path[4096], dst_path[4096];

static const char *TECHNIQUES[] = {"read-write", "mmap-write", "sendfile", "splice", "msg-zerocopy", "direct-io", "copy-file-range"};
#define N_TECHNIQUES 7

static void note_call(const char *name) {
  int i;
  for (i = 0; i < S->n; i++)
    if (strcmp(S->names[i], name) == 0) break;
  if (i == S->n) {
    if (S->n == MAX_NAMES) return;
    snprintf(S->names[i], NAME_LEN, "%s", name);
    S->n++;
  }
  S->all[i]++;
  if (S->in_loop) S->loop[i]++;
}

/* Counts the call by its kernel name (what strace prints), then makes it. */
#define SC(name, ...) (note_call(#name), syscall(SYS_##name, __VA_ARGS__))

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* The exited sender's time on the CPU, in nanoseconds, read while it is still a
 * zombie (waited for, not reaped); -1 where /proc/PID/schedstat is missing.
 * *exited is the clock when waitid() reported the exit. */
static long long sender_cpu_ns(pid_t pid, long long *exited) {
  siginfo_t info;
  while (waitid(P_PID, pid, &info, WEXITED | WNOWAIT) < 0)
    if (errno != EINTR) {
      *exited = now_ns();
      return -1;
    }
  *exited = now_ns();
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/schedstat", (int)pid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  char text[128];
  long n = read(fd, text, sizeof text - 1);
  close(fd);
  if (n <= 0) return -1;
  text[n] = 0;
  char *end;
  long long ns = strtoll(text, &end, 10);
  return end == text ? -1 : ns;
}

static pid_t raw_fork(void) { return (pid_t)syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0); }

static void on_signal(int sig) {
  if (!is_parent) _exit(128 + sig);
  for (int i = 0; i < 2; i++)
    if (child_pids[i] > 0) kill(child_pids[i], SIGKILL);
  if (src_path[0]) unlink(src_path);
  if (dst_path[0]) unlink(dst_path);
  _exit(128 + sig);
}

static void cleanup(void) {
  if (src_path[0]) unlink(src_path);
  if (dst_path[0]) unlink(dst_path);
}

/* errno's name (strerrorname_np is glibc-only). */
static const char *errname(int err) {
  static char other[16];
  switch (err) {
    case EINVAL: return "EINVAL";
    case EPERM: return "EPERM";
    case EACCES: return "EACCES";
    case ENOENT: return "ENOENT";
    case ENOSPC: return "ENOSPC";
    case ENOMEM: return "ENOMEM";
    case ENOBUFS: return "ENOBUFS";
    case EXDEV: return "EXDEV";
    case ENOSYS: return "ENOSYS";
    case EOPNOTSUPP: return "EOPNOTSUPP";
    case ENOPROTOOPT: return "ENOPROTOOPT";
    case EPIPE: return "EPIPE";
    case ECONNRESET: return "ECONNRESET";
    case ETIMEDOUT: return "ETIMEDOUT";
    case ENODATA: return "ENODATA";
    case ECHILD: return "ECHILD";
    case EIO: return "EIO";
    case EROFS: return "EROFS";
    case EFBIG: return "EFBIG";
    case EMFILE: return "EMFILE";
    case EAGAIN: return "EAGAIN";
    default: snprintf(other, sizeof other, "E%d", err); return other;
  }
}

static void die(const char *what, int err) {
  printf("{\"type\":\"error\",\"call\":\"%s\",\"errno\":\"%s\",\"message\":\"%s\"}\n", what, errname(err), strerror(err));
  fflush(stdout);
  cleanup();
  exit(2);
}

/* The source file's bytes: 8-byte word k holds k ^ "zcopylab". */
static inline unsigned char pattern_at(long long off) {
  uint64_t w = ((uint64_t)(off >> 3)) ^ 0x7a636f70796c6162ULL;
  unsigned char b[8];
  memcpy(b, &w, 8);
  return b[off & 7];
}

/* --- the sender: only SC() calls from here until its exit ------------------------------------- */

static void refuse(const char *call, int err) {
  S->refused = 1;
  S->refused_errno = err;
  snprintf(S->refused_call, NAME_LEN, "%s", call);
}

static void fail(const char *call, int err) {
  S->failed = 1;
  S->failed_errno = err;
  snprintf(S->failed_call, NAME_LEN, "%s", call);
}

#define EXIT_SENDER(code) (S->in_loop = 0, note_call("exit_group"), syscall(SYS_exit_group, (code)))

static int write_all(int s, const char *p, long len) {
  while (len > 0) {
    long n = SC(write, s, p, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write", errno);
      return -1;
    }
    p += n;
    len -= n;
    S->sent += n;
  }
  return 0;
}

static long open_file(const char *path, int flags) { return SC(openat, AT_FDCWD, path, flags | O_CLOEXEC, 0600); }

/* The whole file, mapped read-only and shared, as mmap-write and msg-zerocopy send it; -1 on failure. */
static long map_file(int fd, long long size) {
#ifdef SYS_mmap
  return SC(mmap, NULL, size, PROT_READ, MAP_SHARED, fd, 0);
#else
  return SC(mmap2, NULL, size, PROT_READ, MAP_SHARED, fd, 0);
#endif
}

/* Reads what the socket's error queue holds now (it never blocks): returns the number of
   sends whose completion it reported, 0 when there was none yet, -1 on failure. */
static long read_completions(int s) {
  char control[128];
  struct msghdr msg = {0};
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  long n = SC(recvmsg, s, &msg, MSG_ERRQUEUE);
  if (n < 0) {
    if (errno == EAGAIN || errno == EINTR) return 0;
    fail("recvmsg", errno);
    return -1;
  }
  long done = 0;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
    struct sock_extended_err *e = (struct sock_extended_err *)CMSG_DATA(c);
    if (e->ee_errno != 0 || e->ee_origin != SO_EE_ORIGIN_ZEROCOPY) continue;
    long range = (long)(e->ee_data - e->ee_info) + 1;
    S->zc_completions += range;
    if (e->ee_code & SO_EE_CODE_ZEROCOPY_COPIED) S->zc_copied += range;
    done += range;
  }
  return done;
}

/* Waits with poll() for the completions of `pending` sends still out; returns -1 on failure. */
static int reap_zerocopy(int s, long pending) {
  while (pending > 0) {
    struct pollfd pfd = {.fd = s, .events = 0};
#ifdef SYS_poll
    long r = SC(poll, &pfd, 1, 10000);
#else
    struct timespec ten = {10, 0};
    long r = SC(ppoll, &pfd, 1, &ten, NULL, 0);
#endif
    if (r < 0) {
      if (errno == EINTR) continue;
      fail("poll", errno);
      return -1;
    }
    if (r == 0 || !(pfd.revents & POLLERR)) {
      fail("poll", r == 0 ? ETIMEDOUT : EPIPE);
      return -1;
    }
    long done = read_completions(s);
    if (done < 0) return -1;
    pending -= done;
  }
  return 0;
}

static void sender(const char *technique, int s, long long size, long chunk, char *buf) {
  is_parent = 0;
  S->t_start = now_ns();
  long long off = 0;

  if (strcmp(technique, "copy-file-range") == 0) {
    long in = open_file(src_path, O_RDONLY);
    if (in < 0) { fail("openat", errno); EXIT_SENDER(1); }
    long out = open_file(dst_path, O_WRONLY | O_CREAT | O_TRUNC);
    if (out < 0) { fail("openat", errno); EXIT_SENDER(1); }
    loff_t in_off = 0, out_off = 0;
    S->in_loop = 1;
    while (in_off < size) {
      long want = size - in_off < chunk ? (long)(size - in_off) : chunk;
      long n = SC(copy_file_range, in, &in_off, out, &out_off, want, 0);
      if (n < 0) {
        if (errno == EINTR) continue;
        if (in_off == 0 && (errno == EXDEV || errno == ENOSYS || errno == EOPNOTSUPP || errno == EINVAL)) refuse("copy_file_range", errno);
        else fail("copy_file_range", errno);
        EXIT_SENDER(1);
      }
      if (n == 0) { fail("copy_file_range", ENODATA); EXIT_SENDER(1); }
      S->sent += n;
    }
    S->in_loop = 0;
    SC(close, out);
    SC(close, in);
    S->t_send_end = now_ns();
    EXIT_SENDER(0);
  }

  int direct = strcmp(technique, "direct-io") == 0;
  long fd = open_file(src_path, O_RDONLY | (direct ? O_DIRECT : 0));
  if (fd < 0) {
    if (direct && errno == EINVAL) refuse("openat", errno);
    else fail("openat", errno);
    EXIT_SENDER(1);
  }

  if (strcmp(technique, "read-write") == 0 || direct) {
    S->in_loop = 1;
    while (off < size) {
      /* O_DIRECT lengths must stay aligned: ask for a whole chunk, the last read comes back short. */
      long want = direct || size - off >= chunk ? chunk : (long)(size - off);
      long n = SC(read, fd, buf, want);
      if (n < 0) {
        if (errno == EINTR) continue;
        if (direct && errno == EINVAL && off == 0) refuse("read", errno);
        else fail("read", errno);
        EXIT_SENDER(1);
      }
      if (n == 0) { fail("read", ENODATA); EXIT_SENDER(1); }
      if (write_all(s, buf, n) < 0) EXIT_SENDER(1);
      off += n;
    }
    S->in_loop = 0;
  } else if (strcmp(technique, "mmap-write") == 0) {
    long p = map_file(fd, size);
    if (p == -1) { fail("mmap", errno); EXIT_SENDER(1); }
    S->in_loop = 1;
    while (off < size) {
      long want = size - off < chunk ? (long)(size - off) : chunk;
      if (write_all(s, (const char *)p + off, want) < 0) EXIT_SENDER(1);
      off += want;
    }
    S->in_loop = 0;
    SC(munmap, p, size);
  } else if (strcmp(technique, "sendfile") == 0) {
    S->in_loop = 1;
    while (off < size) {
      long want = size - off < chunk ? (long)(size - off) : chunk;
      off_t o = (off_t)off;
      long n = SC(sendfile, s, fd, &o, want);
      if (n < 0) {
        if (errno == EINTR) continue;
        fail("sendfile", errno);
        EXIT_SENDER(1);
      }
      if (n == 0) { fail("sendfile", ENODATA); EXIT_SENDER(1); }
      off += n;
      S->sent += n;
    }
    S->in_loop = 0;
  } else if (strcmp(technique, "splice") == 0) {
    int p[2];
    if (SC(pipe2, p, O_CLOEXEC) < 0) { fail("pipe2", errno); EXIT_SENDER(1); }
    S->in_loop = 1;
    while (off < size) {
      long want = size - off < chunk ? (long)(size - off) : chunk;
      while (want > 0) {
        loff_t o = off;
        long n = SC(splice, fd, &o, p[1], NULL, want, SPLICE_F_MOVE | SPLICE_F_MORE);
        if (n < 0) {
          if (errno == EINTR) continue;
          fail("splice", errno);
          EXIT_SENDER(1);
        }
        if (n == 0) { fail("splice", ENODATA); EXIT_SENDER(1); }
        off += n;
        want -= n;
        while (n > 0) {
          long m = SC(splice, p[0], NULL, s, NULL, n, SPLICE_F_MOVE | SPLICE_F_MORE);
          if (m < 0) {
            if (errno == EINTR) continue;
            fail("splice", errno);
            EXIT_SENDER(1);
          }
          n -= m;
          S->sent += m;
        }
      }
    }
    S->in_loop = 0;
    SC(close, p[0]);
    SC(close, p[1]);
  } else if (strcmp(technique, "msg-zerocopy") == 0) {
    int one = 1;
    if (SC(setsockopt, s, SOL_SOCKET, SO_ZEROCOPY, &one, sizeof one) < 0) {
      refuse("setsockopt", errno);
      EXIT_SENDER(1);
    }
    /* As the lesson and MODEL.md's strace table do: the file is mapped once and slices of the
       mapping are sent, so the page-cache pages themselves are pinned and gathered. Per chunk:
       the send, and one read of the error queue for whatever has completed; poll() only after
       the loop, for the completions still out. */
    long p = map_file(fd, size);
    if (p == -1) { fail("mmap", errno); EXIT_SENDER(1); }
    long pending = 0;
    S->in_loop = 1;
    while (off < size) {
      long want = size - off < chunk ? (long)(size - off) : chunk;
      for (long done = 0; done < want;) {
        long m = SC(sendto, s, (const char *)p + off + done, want - done, MSG_ZEROCOPY, NULL, 0);
        if (m < 0) {
          if (errno == EINTR) continue;
          fail("sendto", errno);
          EXIT_SENDER(1);
        }
        done += m;
        pending++;
        S->sent += m;
      }
      long reaped = read_completions(s);
      if (reaped < 0) EXIT_SENDER(1);
      pending -= reaped;
      off += want;
    }
    S->in_loop = 0;
    if (reap_zerocopy(s, pending) < 0) EXIT_SENDER(1);
    SC(munmap, p, size);
  }
  SC(close, s);
  SC(close, fd);
  S->t_send_end = now_ns();
  EXIT_SENDER(0);
}

/* --- the receiver and the parent ------------------------------------------------------------ */

static void receiver(int s, long long expect, char *buf, long buflen) {
  is_parent = 0;
  long long got = 0;
  for (;;) {
    long n = read(s, buf, buflen);
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (n == 0) break;
    if (S->verify && !S->bad_byte) {
      for (long i = 0; i < n; i++)
        if ((unsigned char)buf[i] != pattern_at(got + i)) {
          S->bad_byte = 1;
          S->bad_offset = got + i;
          break;
        }
    }
    got += n;
    if (got >= expect && !S->t_recv_end) S->t_recv_end = now_ns();
  }
  S->received = got;
  _exit(0);
}

static const char *fs_name(long type) {
  switch ((unsigned long)type) {
    case 0xEF53: return "ext4";
    case 0x01021994: return "tmpfs";
    case 0x58465342: return "xfs";
    case 0x9123683E: return "btrfs";
    case 0x794C7630: return "overlayfs";
    case 0x2FC12FC1: return "zfs";
    case 0xF2F52010: return "f2fs";
    case 0x6969: return "nfs";
    case 0x65735546: return "fuse";
    case 0x858458f6: return "ramfs";
    default: return "other";
  }
}

static long long parse_num(const char *s, const char *what) {
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (errno || *end || v < 0) {
    fprintf(stderr, "zcopy-lab: bad %s: %s\n", what, s);
    exit(1);
  }
  return v;
}

static int known(const char *t) {
  for (int i = 0; i < N_TECHNIQUES; i++)
    if (strcmp(TECHNIQUES[i], t) == 0) return 1;
  return 0;
}

/* Pages of the file in the page cache, by mincore(). */
static long cached_pages(int fd, long long size, long page) {
  void *p = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
  if (p == MAP_FAILED) return -1;
  long pages = (size + page - 1) / page, n = 0;
  unsigned char *vec = malloc(pages);
  if (vec && mincore(p, size, vec) == 0)
    for (long i = 0; i < pages; i++) n += vec[i] & 1;
  else
    n = -1;
  free(vec);
  munmap(p, size);
  return n;
}

static void print_counts(const char *key, const long *counts) {
  printf("\"%s\":{", key);
  int first = 1;
  for (int i = 0; i < S->n; i++) {
    if (!counts[i]) continue;
    printf("%s\"%s\":%ld", first ? "" : ",", S->names[i], counts[i]);
    first = 0;
  }
  printf("}");
}

/* One run of one technique; returns 0, or 1 when the technique was refused. */
static int run_once(const char *technique, int listener, struct sockaddr_in *addr, long long size, long chunk, char *buf, char *rbuf,
                    long rbuflen, int fd_src, long page, int warmup, int index, int verify, int cold) {
  int file_to_file = strcmp(technique, "copy-file-range") == 0;
  memset(S, 0, sizeof *S);
  S->verify = verify;
  if (cold) {
    /* The file was fsync'd when written and only read since: its pages are clean, and clean pages are dropped. */
    if (fdatasync(fd_src) < 0) die("fdatasync", errno);
    int err = posix_fadvise(fd_src, 0, 0, POSIX_FADV_DONTNEED);
    if (err) die("posix_fadvise", err);
  }
  long cached = cached_pages(fd_src, size, page);

  int c = -1, a = -1;
  if (!file_to_file) {
    c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (c < 0) die("socket", errno);
    if (connect(c, (struct sockaddr *)addr, sizeof *addr) < 0) die("connect", errno);
    a = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
    if (a < 0) die("accept4", errno);
    child_pids[1] = fork();
    if (child_pids[1] < 0) die("fork", errno);
    if (child_pids[1] == 0) {
      close(c);
      receiver(a, size, rbuf, rbuflen);
    }
    close(a);
  }
  fflush(stdout);
  long long born = now_ns();
  pid_t pid = raw_fork();
  if (pid < 0) die("clone", errno);
  if (pid == 0) sender(technique, c, size, chunk, buf);
  child_pids[0] = pid;
  if (c >= 0) close(c);

  int status;
  struct rusage ru;
  long long exited;
  long long cpu_ns = sender_cpu_ns(pid, &exited);
  long long life_ns = exited - born;
  while (wait4(pid, &status, 0, &ru) < 0)
    if (errno != EINTR) die("wait4", errno);
  child_pids[0] = 0;
  if (!file_to_file) {
    int rstatus;
    while (waitpid(child_pids[1], &rstatus, 0) < 0)
      if (errno != EINTR) die("waitpid", errno);
    child_pids[1] = 0;
  } else {
    struct stat st;
    S->received = stat(dst_path, &st) == 0 ? st.st_size : -1;
    S->t_recv_end = S->t_send_end;
    if (verify && S->received == size) {
      int d = open(dst_path, O_RDONLY | O_CLOEXEC);
      long long got = 0;
      long n;
      while (d >= 0 && !S->bad_byte && (n = read(d, rbuf, rbuflen)) > 0) {
        for (long i = 0; i < n; i++)
          if ((unsigned char)rbuf[i] != pattern_at(got + i)) {
            S->bad_byte = 1;
            S->bad_offset = got + i;
            break;
          }
        got += n;
      }
      if (d >= 0) close(d);
    }
    unlink(dst_path);
  }
  long cached_after = cached_pages(fd_src, size, page);

  if (S->refused) {
    printf("{\"type\":\"refused\",\"technique\":\"%s\",\"call\":\"%s\",\"errno\":\"%s\",\"message\":\"%s\"}\n", technique,
           S->refused_call, errname(S->refused_errno), strerror(S->refused_errno));
    fflush(stdout);
    return 1;
  }
  if (S->failed) die(S->failed_call, S->failed_errno);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) die("sender", ECHILD);
  if (S->bad_byte) {
    printf("{\"type\":\"error\",\"call\":\"verify\",\"errno\":\"EIO\",\"message\":\"%s: byte %lld arrived wrong\"}\n", technique, S->bad_offset);
    fflush(stdout);
    cleanup();
    exit(2);
  }

  printf("{\"type\":\"run\",\"technique\":\"%s\",\"warmup\":%s,\"index\":%d,\"pid\":%d,\"size\":%lld,\"chunk\":%ld,"
         "\"chunks\":%lld,\"sent\":%lld,\"received\":%lld,\"verified\":%s,\"wallNs\":%lld,\"sendNs\":%lld,"
         "\"lifeNs\":%lld,\"cpuNs\":%lld,\"userUs\":%lld,\"sysUs\":%lld,\"nvcsw\":%ld,\"nivcsw\":%ld,\"minflt\":%ld,\"majflt\":%ld,"
         "\"cold\":%s,\"cachedPages\":%ld,\"cachedAfter\":%ld,\"filePages\":%lld,\"zcCompletions\":%ld,\"zcCopied\":%ld,",
         technique, warmup ? "true" : "false", index, (int)pid, size, chunk, (size + chunk - 1) / chunk, S->sent, S->received,
         verify ? "true" : "false", S->t_recv_end ? S->t_recv_end - S->t_start : -1, S->t_send_end - S->t_start, life_ns, cpu_ns,
         (long long)ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec, (long long)ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec,
         ru.ru_nvcsw, ru.ru_nivcsw, ru.ru_minflt, ru.ru_majflt, cold ? "true" : "false", cached, cached_after, (size + page - 1) / page,
         S->zc_completions, S->zc_copied);
  print_counts("syscalls", S->all);
  printf(",");
  print_counts("loop", S->loop);
  printf("}\n");
  fflush(stdout);
  return 0;
}

int main(int argc, char **argv) {
  const char *dir = NULL, *techniques = NULL;
  long long size = 0, chunk = 0, runs = 1, warmup = 1;
  int cold = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--cold")) { cold = 1; continue; }
    if (i + 1 >= argc) { fprintf(stderr, "zcopy-lab: %s needs a value\n", argv[i]); return 1; }
    const char *k = argv[i], *v = argv[++i];
    if (!strcmp(k, "--dir")) dir = v;
    else if (!strcmp(k, "--technique")) techniques = v;
    else if (!strcmp(k, "--size")) size = parse_num(v, "size");
    else if (!strcmp(k, "--chunk")) chunk = parse_num(v, "chunk");
    else if (!strcmp(k, "--runs")) runs = parse_num(v, "runs");
    else if (!strcmp(k, "--warmup")) warmup = parse_num(v, "warmup");
    else { fprintf(stderr, "zcopy-lab: unknown option %s\n", k); return 1; }
  }
  if (!dir || !techniques || size < 1 || size > (4LL << 30) || chunk < 1 || chunk > (64L << 20) || runs < 1 || runs > 100 || warmup > 10) {
    fprintf(stderr, "zcopy-lab: usage: --dir DIR --technique ID[,ID] --size 1..4G --chunk 1..64M [--runs 1..100] [--warmup 0..10] [--cold]\n");
    return 1;
  }
  char list[256];
  snprintf(list, sizeof list, "%s", techniques);
  for (char *save, *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save))
    if (!known(t)) { fprintf(stderr, "zcopy-lab: unknown technique %s\n", t); return 1; }

  struct sigaction sa = {0};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);

  S = mmap(NULL, sizeof *S, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (S == MAP_FAILED) die("mmap", errno);
  long page = sysconf(_SC_PAGESIZE);
  snprintf(src_path, sizeof src_path, "%s/zcopy-lab-src-%d", dir, (int)getpid());
  snprintf(dst_path, sizeof dst_path, "%s/zcopy-lab-dst-%d", dir, (int)getpid());

  /* Buffers are made here, before any fork, so the sender never allocates. */
  long buflen = chunk < page ? page : (chunk + page - 1) / page * page;
  long rbuflen = 256 * 1024;
  char *buf, *rbuf;
  if (posix_memalign((void **)&buf, page, buflen) || posix_memalign((void **)&rbuf, page, rbuflen)) die("posix_memalign", ENOMEM);
  memset(buf, 0, buflen);

  /* The source file: the pattern, written and fsync'd; its pages stay in the page cache (until --cold drops them). */
  int fd = open(src_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) die("open", errno);
  for (long long off = 0; off < size;) {
    long n = size - off < rbuflen ? (long)(size - off) : rbuflen;
    for (long i = 0; i < n; i++) rbuf[i] = pattern_at(off + i);
    long w = write(fd, rbuf, n);
    if (w < 0) die("write", errno);
    off += w;
  }
  if (fsync(fd) < 0) die("fsync", errno);

  struct utsname u;
  uname(&u);
  struct statfs sf;
  const char *fs = fstatfs(fd, &sf) == 0 ? fs_name(sf.f_type) : "unknown";
  printf("{\"type\":\"env\",\"kernel\":\"%s\",\"machine\":\"%s\",\"fs\":\"%s\",\"pageSize\":%ld,\"pid\":%d}\n", u.release, u.machine, fs, page,
         (int)getpid());
  fflush(stdout);

  int listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listener < 0) die("socket", errno);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  if (bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0) die("bind", errno);
  if (listen(listener, 4) < 0) die("listen", errno);
  socklen_t alen = sizeof addr;
  if (getsockname(listener, (struct sockaddr *)&addr, &alen) < 0) die("getsockname", errno);

  snprintf(list, sizeof list, "%s", techniques);
  for (char *save, *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
    for (int r = 0; r < warmup + runs; r++) {
      int is_warmup = r < warmup;
      if (run_once(t, listener, &addr, size, chunk, buf, rbuf, rbuflen, fd, page, is_warmup, is_warmup ? r : r - (int)warmup, r == 0,
                   cold && !is_warmup))
        break;
    }
  }
  close(listener);
  close(fd);
  cleanup();
  return 0;
}
