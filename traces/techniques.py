"""The zero-copy techniques as a few lines of Python each, for real traces of them (traces/capture.sh,
and the tests): file.bin in 64 KiB chunks to a local listener by splice through a pipe, by sends from
an mmap of the file, or by MSG_ZEROCOPY sends from that mapping.
Usage: python3 -s techniques.py splice|mmap|zerocopy   (in a folder holding file.bin)"""
import mmap, os, socket, sys, threading

CHUNK = 65536
SO_ZEROCOPY = getattr(socket, "SO_ZEROCOPY", 60)
MSG_ZEROCOPY = getattr(socket, "MSG_ZEROCOPY", 0x4000000)

technique = sys.argv[1]
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(1)


def drain():
    peer, _ = listener.accept()
    while peer.recv(1 << 20):
        pass


reader = threading.Thread(target=drain)
reader.start()
sock = socket.create_connection(listener.getsockname())
size = os.path.getsize("file.bin")
with open("file.bin", "rb") as f:
    if technique == "splice":
        out, into = os.pipe()
        sent = 0
        while sent < size:
            n = os.splice(f.fileno(), into, min(CHUNK, size - sent), offset_src=sent)
            os.splice(out, sock.fileno(), n)
            sent += n
    else:
        mapped = mmap.mmap(f.fileno(), 0, prot=mmap.PROT_READ)
        view = memoryview(mapped)
        if technique == "zerocopy":
            sock.setsockopt(socket.SOL_SOCKET, SO_ZEROCOPY, 1)
        for at in range(0, size, CHUNK):
            if technique == "zerocopy":
                sock.sendmsg([view[at:at + CHUNK]], [], MSG_ZEROCOPY)
            else:
                sock.sendall(view[at:at + CHUNK])
        view.release()
        mapped.close()
sock.close()
reader.join()
