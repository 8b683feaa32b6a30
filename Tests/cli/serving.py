"""Starts `veta serve` for a test and stops it: the URL is read from the line it prints."""
import queue
import signal
import subprocess
import threading


class Server:
    def __init__(self, veta, folder, *options, port=0):
        self.process = subprocess.Popen([veta, "serve", folder, "--port", str(port), *options], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        lines = queue.Queue()
        threading.Thread(target=lambda: lines.put(self.process.stdout.readline()), daemon=True).start()
        try:
            line = lines.get(timeout=60)
        except queue.Empty:
            line = ""
        self.line = line
        self.url = line.split(" at ", 1)[1].split(" ", 1)[0] if " at " in line else None

    def stop(self, sig=signal.SIGTERM, timeout=20):
        """Sends `sig` and returns the exit code (None when it did not stop in time, then kills it)."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None
