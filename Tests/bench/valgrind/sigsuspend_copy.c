/* LD_PRELOAD shim for counting instructions with valgrind 3.19 (Tests/bench/bench.py):
 * libdispatch parks the main thread of a program that ends in `dispatchMain` or an async `main`
 * in sigsuspend() with a signal mask that lies in read-only memory, and valgrind, which writes to
 * the mask it is given, crashes there ("VALGRIND INTERNAL ERROR ... SIGSEGV") before it prints
 * its count. This sigsuspend copies the mask to the stack first; nothing else changes.
 * Build: cc -O2 -shared -fPIC -o bench-out/sigsuspend_copy.so Tests/bench/valgrind/sigsuspend_copy.c */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigsuspend(const sigset_t *mask) {
    sigset_t copy;
    memcpy(&copy, mask, sizeof copy);
    return (int)syscall(SYS_rt_sigsuspend, &copy, (size_t)(_NSIG / 8));
}
