//! Smaller compiled patterns: `\s` narrowed to the spaces of news text.
//!
//! A rule pattern holding a value grammar is tens of kilobytes of regex with hundreds of
//! `\s`, and compiles to 30,000–100,000 NFA states; every compiled pattern, and every
//! thread's lazy-DFA cache for it, grows with that count. Unicode's `\s` holds characters
//! of three bytes in UTF-8 that each cost NFA states wherever `\s` is written, though none
//! of them separates the words and figures of an English article: U+1680 (Ogham space
//! mark), U+2028 and U+2029 (line and paragraph separators), U+205F (medium mathematical
//! space) and U+3000 (ideographic space).
//!
//! So, in every pattern the engine compiles ([`crate::rules::build_regex`]), `\s` means
//! ASCII whitespace, U+0085 (next line), the no-break spaces U+00A0 and U+202F, and
//! U+2000–U+200A (en and em spaces, figure, thin and hair spaces): "20 000", "19.3 %" and
//! a no-break space after "per" are still read. The pattern is rewritten as text, before
//! the regex crate parses it: `\s` becomes that class (inside a class, its members). A
//! pattern that turns Unicode off anywhere (`(?-u)`, `(?-u:…)`) is left as it is, since
//! `\s` is ASCII there already; the engine's own `(?-u:\b)` does not count. On the shipped
//! rules this takes 8 % of the NFA states off; docs/rules.md says what `\s` matches.

use std::borrow::Cow;

/// What `\s` becomes, as members of a class.
const NEWS_SPACE: &str = r"\t-\r \x{85}\x{A0}\x{2000}-\x{200A}\x{202F}";

/// Whether `src` turns Unicode off somewhere other than the engine's ASCII word
/// boundaries (a flag group whose flags after `-` hold `u`).
fn turns_unicode_off(src: &str) -> bool {
    let rest = src.replace(r"(?-u:\b)", "").replace(r"(?-u:\B)", "");
    rest.match_indices("(?").any(|(i, _)| {
        let flags: String = rest
            .get(i + 2..)
            .unwrap_or_default()
            .chars()
            .take_while(|c| c.is_ascii_alphabetic() || *c == '-')
            .collect();
        flags
            .split_once('-')
            .is_some_and(|(_, off)| off.contains('u'))
    })
}

/// `src` with `\s` narrowed as the module says.
pub fn news_spaces(src: &str) -> Cow<'_, str> {
    if !src.contains(r"\s") || turns_unicode_off(src) {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() + src.len() / 2);
    let mut chars = src.chars().peekable();
    // Depth of character classes; a `]` just after `[` or `[^` is a member, not the end.
    let mut depth = 0usize;
    let mut class_start = false;
    while let Some(c) = chars.next() {
        let at_start = std::mem::take(&mut class_start);
        match c {
            '\\' => match chars.next() {
                Some('s') if depth == 0 => {
                    out.push('[');
                    out.push_str(NEWS_SPACE);
                    out.push(']');
                }
                Some('s') => out.push_str(NEWS_SPACE),
                Some(e) => {
                    out.push('\\');
                    out.push(e);
                }
                None => out.push('\\'),
            },
            '[' => {
                depth += 1;
                out.push('[');
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                class_start = true;
            }
            ']' if depth > 0 && !at_start => {
                depth -= 1;
                out.push(']');
            }
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn lean(src: &str) -> Regex {
        Regex::new(&news_spaces(src)).unwrap()
    }

    #[test]
    fn whitespace_keeps_the_spaces_of_news_text() {
        for src in [r"a\sb", r"a[\s-]b", r"a[-\s]b", r"a[]\s]b"] {
            let re = lean(src);
            for space in [
                " ", "\t", "\n", "\u{A0}", "\u{202F}", "\u{2009}", "\u{2007}", "\u{85}",
            ] {
                assert!(re.is_match(&format!("a{space}b")), "{src} {space:?}");
            }
            for other in ["\u{3000}", "\u{1680}", "\u{2028}", "\u{2029}", "\u{205F}"] {
                assert!(!re.is_match(&format!("a{other}b")), "{src} {other:?}");
                assert!(Regex::new(src).unwrap().is_match(&format!("a{other}b")));
            }
        }
        assert!(lean(r"a[\s-]b").is_match("a-b"));
        assert!(lean(r"a[]\s]b").is_match("a]b"));
    }

    #[test]
    fn escapes_other_classes_and_ascii_patterns_are_left_alone() {
        assert_eq!(news_spaces(r"\\s \S [^.] \d"), r"\\s \S [^.] \d");
        assert_eq!(news_spaces(r"(?-u)a\sb"), r"(?-u)a\sb");
        assert_eq!(news_spaces(r"(?i-u:a\sb)"), r"(?i-u:a\sb)");
        assert_ne!(
            news_spaces(r"(?-u:\b)a\sb(?-u:\b)"),
            r"(?-u:\b)a\sb(?-u:\b)"
        );
        let re = lean(r"(?P<who>x)[^.]{1,3}(?-u:\b)(?P<n>[0-9]+)\s*%");
        let caps = re.captures("x\u{3000}\u{2028} 12\u{A0}%").unwrap();
        assert_eq!(&caps["who"], "x");
        assert_eq!(&caps["n"], "12");
    }

    #[test]
    fn a_grammar_compiles_to_fewer_states() {
        use crate::extract::grammar::Grammar;
        use regex_automata::nfa::thompson;
        let states = |src: &str| {
            let h = regex_syntax::ParserBuilder::new()
                .build()
                .parse(src)
                .unwrap();
            thompson::Compiler::new()
                .build_from_hir(&h)
                .unwrap()
                .states()
                .len()
        };
        let grammar = crate::extract::count::CountGrammar;
        let before = states(grammar.regex());
        let after = states(&news_spaces(grammar.regex()));
        assert!(after * 100 < before * 96, "{before} → {after}");
    }
}
