//! `claimlint::fuzzing::init`, which every fuzz target runs before its first input, leaves
//! rayon one worker, so an input takes the same path however threads are scheduled
//! (docs/fuzzing.md, "Reproducible coverage"). A test binary of its own: the global pool
//! can be built once per process, and another test using rayon first would build it.

#[test]
fn init_gives_rayon_one_worker_and_may_run_twice() {
    claimlint::fuzzing::init();
    assert_eq!(rayon::current_num_threads(), 1);
    // A second call finds the pool built; it neither panics nor changes it.
    claimlint::fuzzing::init();
    assert_eq!(rayon::current_num_threads(), 1);
}
