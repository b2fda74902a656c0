#!/usr/bin/env bash
# Captures the example traces in this folder from real programs (coreutils cp, cat and dd, Python's
# socket.sendfile() and http.server with curl), small payloads so the files stay small. The tests
# read the shipped files and, where strace runs, traces captured afresh by this script.
# Usage: traces/capture.sh [OUT_DIR]   (default: this folder)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mkdir -p "${1:-$here}" && cd "${1:-$here}" && pwd)"
work="$(mktemp -d /tmp/zcopy-capture.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$work"
# The system's programs, not a version manager's shims (whose shell scripts would fill the traces).
export PATH=/usr/local/bin:/usr/bin:/bin
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
# The paths of the capture's temporary folder, made the same for every capture.
sed -i "s#$work#/tmp/zc#g" "$out"/*.trace*
