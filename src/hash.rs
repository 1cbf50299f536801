//! Hash maps and sets with a fixed hasher, used throughout the library.
//!
//! std's default `RandomState` seeds every process differently, so a map's layout, its
//! iteration order and the branches its probes and rehashes take change from one run to
//! the next. claimlint's output never depends on that order (findings are sorted), but
//! the same input should take the same path through the code every time: a run is then
//! reproducible end to end, and the fuzzers' coverage counts mean something, since the
//! map code instantiated for claimlint's types is instrumented with claimlint's own
//! (docs/fuzzing.md, "Reproducible coverage"). `clippy.toml` forbids std's own `HashMap`
//! and `HashSet` elsewhere, the command-line binary included.
//!
//! The hasher is std's SipHash with its fixed keys (`DefaultHasher::new`). Fixed keys give
//! up the protection against deliberately colliding keys; the keys here are rule ids,
//! subjects and words from the newsroom's own rules and articles, read by a local lint,
//! and a map flooded with collisions would only be slow, never wrong.

use std::collections::hash_map::DefaultHasher;
use std::hash::BuildHasherDefault;

/// The hasher every map and set in the library is built with: the same in every process.
pub type FixedState = BuildHasherDefault<DefaultHasher>;

/// A `HashMap` with the fixed hasher; make one with `HashMap::default()`.
#[allow(clippy::disallowed_types)] // the one place std's map is named (clippy.toml)
pub type HashMap<K, V> = std::collections::HashMap<K, V, FixedState>;

/// A `HashSet` with the fixed hasher; make one with `HashSet::default()`.
#[allow(clippy::disallowed_types)] // the one place std's set is named (clippy.toml)
pub type HashSet<T> = std::collections::HashSet<T, FixedState>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn the_same_key_hashes_the_same_in_every_map() {
        // Two states made apart (as two processes would) hash a key alike; with
        // RandomState they would differ.
        let a = FixedState::default().hash_one("Ukraine");
        let b = FixedState::default().hash_one("Ukraine");
        assert_eq!(a, b);
    }

    #[test]
    fn iteration_order_depends_only_on_the_keys_and_their_order() {
        let words = [
            "per",
            "cent",
            "soldiers",
            "civilians",
            "territory",
            "Kyiv",
            "a fifth",
        ];
        let build = || words.iter().copied().collect::<HashSet<&str>>();
        let first: Vec<&str> = build().into_iter().collect();
        for _ in 0..8 {
            assert_eq!(build().into_iter().collect::<Vec<_>>(), first);
        }
    }
}
