//! stub until the grammar lands
use super::grammar::*;
/// stub
pub struct DateGrammar;
impl Grammar for DateGrammar {
    fn regex(&self) -> &str {
        r"(?i:\d+)"
    }
    fn parse(&self, _t: &str, _c: &ParseContext) -> Option<Parsed> {
        None
    }
}
