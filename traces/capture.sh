#!/usr/bin/env bash
# Captures the example traces in this folder from real programs (coreutils cp, cat and dd, Python's
# socket.sendfile() and http.server with curl, nginx with sendfile on and off, a shell pipeline
# from cat to a Python socket, Linux AIO's io_submit, splice, mmap and MSG_ZEROCOPY from Python), small payloads so the files stay small. The tests
# read the shipped files and, where strace runs, traces captured afresh by this script.
# Usage: traces/capture.sh [OUT_DIR]   (default: this folder)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mkdir -p "${1:-$here}" && cd "${1:-$here}" && pwd)"
work="$(mktemp -d /tmp/zcopy-capture.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$work"
# The system's programs, not a version manager's shims (whose shell scripts would fill the traces).
export PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin
py="$(command -v python3)"
# -s: no user site folder (a home directory has no place in a shipped trace).
head -c 300000 /dev/urandom > file.bin
head -c 327680 /dev/urandom > blocks.bin
mkdir www && head -c 200000 /dev/urandom > www/page.bin
quiet() { "$@" </dev/null >/dev/null 2>&1; }

quiet strace -f -yy -T -o "$out/cp.trace" cp file.bin copy.bin
quiet strace -f -yy -T -o "$out/cat.trace" sh -c 'cat file.bin > out.bin'
# Without -y: the descriptors are followed from open, dup2 and close alone; -tt timestamps.
quiet strace -f -tt -o "$out/cat-no-y.trace" sh -c 'cat file.bin > out2.bin'
# O_DIRECT needs a file system that takes it (tmpfs refuses: EINVAL); dd then fails, and its trace says so.
quiet strace -f -yy -T -ttt -o "$out/dd-direct.trace" dd if=blocks.bin of=/dev/null iflag=direct bs=64k || true

cat > sendfile.py <<'PY'
import socket, threading
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
def drain():
    c, _ = srv.accept()
    while c.recv(65536): pass
t = threading.Thread(target=drain); t.start()
s = socket.create_connection(srv.getsockname())
with open("file.bin", "rb") as f: s.sendfile(f)
s.close(); t.join()
PY
# -ff: one file per thread, FILE.PID; -r relative timestamps.
rm -f "$out"/py-sendfile-ff.trace.*
quiet strace -ff -yy -r -o "$out/py-sendfile-ff.trace" "$py" -s sendfile.py
quiet strace -f -yy -T -o "$out/py-sendfile.trace" "$py" -s sendfile.py

port=18080
# strace to its standard error: the `[pid N]` prefixes a terminal shows; the server's own log goes
# to /dev/null, not into the trace.
strace -f -yy -T sh -c 'exec 2>/dev/null; exec "$0" -s -m http.server "$1" --bind 127.0.0.1 --directory www' "$py" "$port" </dev/null >/dev/null 2>"$out/http-server.trace" &
tracer=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/page.bin" && break; sleep 0.1; done
server="$(pgrep -P "$tracer")"
kill -TERM "$server"
wait "$tracer" || true
# The calls `zcopy trace -- COMMAND` asks strace for (src/app/trace.ts TRACED): a server's trace stays small.
traced="$(sed -n '/const TRACED = \[/,/\];/p' "$here/../src/app/trace.ts" | grep -o "'[a-z0-9_]*'" | tr -d "'" | paste -sd, -)"

# nginx in the foreground as one process (no master: strace follows the one that serves), on a
# loopback port, its files in the capture's folder; two files to curl, once with sendfile on and
# once with it off (then nginx reads with pread64 into its 32 KiB output buffers and writes with
# writev, the first with the response's headers).
mkdir -p ngx/www ngx/tmp
cp file.bin ngx/www/file.bin
head -c 1000000 /dev/urandom > ngx/www/big.bin
for mode in on off; do
  nport=$([ "$mode" = on ] && echo 18081 || echo 18082)
  cat > "ngx/nginx-$mode.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid nginx-$mode.pid;
error_log stderr;
events { worker_connections 16; }
http {
  access_log off;
  client_body_temp_path tmp;
  proxy_temp_path tmp;
  fastcgi_temp_path tmp;
  uwsgi_temp_path tmp;
  scgi_temp_path tmp;
  sendfile $mode;
  server { listen 127.0.0.1:$nport; root www; }
}
CONF
  strace -f -yy -T -e trace="$traced" -o "$out/nginx-sendfile-$mode.trace" nginx -p "$work/ngx" -c "nginx-$mode.conf" -e stderr </dev/null >/dev/null 2>&1 &
  tracer=$!
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$nport/file.bin" && break; sleep 0.1; done
  curl -s -o /dev/null "http://127.0.0.1:$nport/big.bin"
  # QUIT: nginx finishes what it serves and exits.
  kill -QUIT "$(cat "ngx/nginx-$mode.pid")"
  wait "$tracer" || true
done

# A pipe between two programs: cat reads the file into the pipe, Python reads all of the pipe and
# sends it to a local listener.
cat > listen.py <<'PY'
import socket
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
print(srv.getsockname()[1], flush=True)
c, _ = srv.accept()
while c.recv(65536): pass
PY
"$py" -s listen.py > listen.port &
listener=$!
for _ in $(seq 50); do [ -s listen.port ] && break; sleep 0.1; done
quiet strace -f -yy -T -e trace="$traced" -o "$out/pipe.trace" bash -c 'cat file.bin | "$0" -s -c "import socket, sys; s = socket.create_connection((\"127.0.0.1\", int(sys.argv[1]))); s.sendall(sys.stdin.buffer.read()); s.close()" "$1"' "$py" "$(cat listen.port)"
wait "$listener"

# Linux AIO: one io_submit of a 64 KiB read (io_setup and io_getevents are not among the calls asked for).
cat > aio.c <<'C'
#include <linux/aio_abi.h>
#include <string.h>
#include <sys/syscall.h>
#include <fcntl.h>
#include <unistd.h>
int main(void) {
  static char buf[65536];
  aio_context_t ctx = 0;
  struct iocb cb, *list[1] = {&cb};
  struct io_event ev;
  if (syscall(SYS_io_setup, 4, &ctx) < 0) return 1;
  memset(&cb, 0, sizeof cb);
  cb.aio_lio_opcode = IOCB_CMD_PREAD;
  cb.aio_fildes = open("aio.bin", O_RDONLY);
  cb.aio_buf = (unsigned long)buf;
  cb.aio_nbytes = sizeof buf;
  if (syscall(SYS_io_submit, ctx, 1, list) != 1 || syscall(SYS_io_getevents, ctx, 1, 1, &ev, NULL) != 1) return 2;
  return write(1, buf, ev.res) == (ssize_t)ev.res ? 0 : 3;
}
C
cc -O1 -o aio aio.c
head -c 65536 /dev/urandom > aio.bin
quiet strace -f -yy -T -e trace="$traced" -o "$out/aio.trace" ./aio

# The zero-copy techniques, a few lines of Python each (techniques.py): file.bin to a local listener
# in 64 KiB chunks by splice through a pipe, by sends from an mmap of it, by MSG_ZEROCOPY sends.
cp "$here/techniques.py" .
for technique in splice mmap zerocopy; do
  # A clean environment: a developer's Python settings (no bytecode written, say) add thousands of lines.
  quiet env -i PATH="$PATH" LANG=C.UTF-8 strace -f -yy -T -e trace="$traced" -o "$out/py-$technique.trace" "$py" -s techniques.py "$technique"
done

# The paths of the capture's temporary folder, made the same for every capture.
sed -i "s#$work#/tmp/zc#g" "$out"/*.trace*
