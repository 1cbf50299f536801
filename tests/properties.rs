//! Property tests of the interval logic that comparison rests on.

use claimlint::extract::count::CountGrammar;
use claimlint::extract::grammar::{Grammar, HedgeRatios, ParseContext};
use claimlint::extract::percent::PercentGrammar;
use claimlint::extract::quantity::QuantityGrammar;
use claimlint::value::{Bound, Interval};
use proptest::prelude::*;

fn bound() -> impl Strategy<Value = Bound> {
    prop_oneof![
        Just(Bound::Unbounded),
        (-1e6f64..1e6).prop_map(Bound::Closed),
        (-1e6f64..1e6).prop_map(Bound::Open),
    ]
}

fn interval() -> impl Strategy<Value = Interval> {
    (bound(), bound()).prop_map(|(lo, hi)| Interval { lo, hi })
}

/// A figure as news writes it, and its value: `14,000`, `19.3`, `7`.
fn figure() -> impl Strategy<Value = (String, f64)> {
    (1u64..10_000_000, 0u32..3).prop_map(|(n, decimals)| {
        let value = n as f64 / 10f64.powi(decimals as i32);
        let text = format!("{value:.prec$}", prec = decimals as usize);
        (text, value)
    })
}

fn value_of(grammar: &dyn Grammar, text: &str, cx: &ParseContext) -> Interval {
    grammar
        .parse(text, cx)
        .unwrap_or_else(|| panic!("{text:?} should parse"))
        .value
        .unwrap_or_else(|why| panic!("{text:?} unresolved: {why}"))
}

fn ratios() -> impl Strategy<Value = (f64, f64)> {
    (0.0f64..0.5, 0.0f64..0.5).prop_map(|(a, b)| (a.min(b), a.max(b)))
}

proptest! {
    #[test]
    fn overlap_is_symmetric(a in interval(), b in interval()) {
        prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
    }

    #[test]
    fn an_interval_overlaps_itself_unless_empty(a in interval()) {
        prop_assert_eq!(a.overlaps(&a), !a.is_empty());
    }

    #[test]
    fn a_value_lies_in_its_own_interval((text, x) in figure()) {
        let cx = ParseContext::default();
        prop_assert!(value_of(&CountGrammar, &text, &cx).contains(x), "{}", text);
        let pct = format!("{text}%");
        prop_assert!(value_of(&PercentGrammar, &pct, &cx).contains(x), "{}", pct);
        let about = format!("about {text}");
        prop_assert!(value_of(&CountGrammar, &about, &cx).contains(x), "{}", about);
        let km = format!("{text} km");
        prop_assert!(value_of(&QuantityGrammar, &km, &cx).contains(x * 1000.0), "{}", km);
        let exact = ParseContext { exact: true, ..cx };
        prop_assert!(value_of(&CountGrammar, &text, &exact).contains(x), "{}", text);
    }

    #[test]
    fn widening_never_creates_a_conflict(
        a in interval(),
        b in interval(),
        by in 0.0f64..1e3,
        ratio in 0.0f64..1.0,
    ) {
        if a.overlaps(&b) {
            prop_assert!(a.widen(by).overlaps(&b));
            prop_assert!(a.widen_ratio(ratio).overlaps(&b.widen_ratio(ratio)));
        }
    }

    #[test]
    fn larger_hedge_ratios_never_create_a_conflict(
        (x, _) in figure(),
        (y, _) in figure(),
        (small, large) in ratios(),
        hedges in (0usize..4, 0usize..4),
    ) {
        const HEDGES: [&str; 4] = ["about", "nearly", "just over", "around"];
        let ta = format!("{} {x}", HEDGES[hedges.0]);
        let tb = format!("{} {y}%", HEDGES[hedges.1]);
        let tb_count = tb.trim_end_matches('%').to_string();
        let cx = |r: f64| ParseContext {
            hedges: HedgeRatios { about: r, nearly: r },
            ..ParseContext::default()
        };
        let (ca, cb) = (cx(small), cx(large));
        let narrow = value_of(&CountGrammar, &ta, &ca);
        let wide = value_of(&CountGrammar, &ta, &cb);
        let other_narrow = value_of(&CountGrammar, &tb_count, &ca);
        let other_wide = value_of(&CountGrammar, &tb_count, &cb);
        if narrow.overlaps(&other_narrow) {
            prop_assert!(wide.overlaps(&other_wide), "{} vs {}", ta, tb_count);
        }
        let p_narrow = value_of(&PercentGrammar, &tb, &ca);
        let p_wide = value_of(&PercentGrammar, &tb, &cb);
        let q = value_of(&PercentGrammar, &format!("{x}%"), &ca);
        if q.overlaps(&p_narrow) {
            prop_assert!(q.overlaps(&p_wide), "{}% vs {}", x, tb);
        }
    }
}
