internal import CHeap

/// How the C library's heap serves this process, set once before anything else runs.
enum HeapSettings {
    /// Turns off glibc's fast bins (`mallopt(M_MXFAST, 0)`; nothing elsewhere). Freeing a large
    /// curriculum's libxml2 tree (millions of small blocks) otherwise leaves them all in the fast
    /// bins, and the next larger allocation walks every one of them: a tenth of `veta validate`'s
    /// CPU time on a 4,000-unit file.
    static func apply() {
        veta_heap_no_fast_bins()
    }
}
