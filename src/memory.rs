//! Keeping the process's memory close to what it uses, on glibc.
//!
//! Compiling the rules builds and throws away large temporary structures (regex syntax
//! trees, NFA builders: tens of megabytes) on every rayon worker. glibc's allocator keeps
//! freed memory for reuse, in one arena per thread, so the process's resident size stays
//! at the high-water mark of compiling while the claims of a large corpus pile up on top
//! of it. Two calls bring it down (measured on 100,000 generated articles: docs/performance.md):
//!
//! - [`limit_arenas`], first thing in `main`: at most two malloc arenas, so the workers'
//!   frees are reused by each other instead of each holding its own spare memory.
//! - [`release_free`], after compiling: hands the freed pages back to the system.
//!
//! Elsewhere (other C libraries, other systems) both do nothing.

/// At most two malloc arenas (glibc's `mallopt(M_ARENA_MAX, 2)`).
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        /// glibc's `M_ARENA_MAX` parameter of `mallopt`.
        const M_ARENA_MAX: std::ffi::c_int = -8;
        unsafe extern "C" {
            fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
        }
        // SAFETY: `mallopt` only sets an allocator parameter; it is called before any
        // other thread exists. A refusal (return 0) leaves the default, which is harmless.
        unsafe {
            mallopt(M_ARENA_MAX, 2);
        }
    }
}

/// Gives memory the allocator holds but no longer uses back to the system (glibc's
/// `malloc_trim(0)`).
pub fn release_free() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: `malloc_trim` takes each arena's lock and returns free pages; it is
        // safe to call at any time from any thread.
        unsafe {
            malloc_trim(0);
        }
    }
}
