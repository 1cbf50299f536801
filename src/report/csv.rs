//! Claims as CSV (RFC 4180): one row per claim, for spreadsheets.

use crate::extract::Claim;

/// The columns, in order.
pub const HEADER: [&str; 14] = [
    "path",
    "line",
    "column",
    "rule",
    "subject",
    "text",
    "interval",
    "reading",
    "unit",
    "hedge",
    "reference",
    "reference_days",
    "source",
    "source_key",
];

/// A field quoted when it holds a comma, quote or line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Every claim as a CSV row, with a header row; lines end with CRLF as RFC 4180 says.
pub fn claims(claims: &[Claim]) -> String {
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    for c in claims {
        let interval = match &c.value {
            Ok(iv) => iv.notation(),
            Err(_) => String::new(),
        };
        let unit = serde_json::to_value(c.unit)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        let hedge = c
            .hedge
            .and_then(|h| serde_json::to_value(h).ok())
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        let (reference, days) = match &c.reference {
            crate::extract::RefTime::Unknown => (String::new(), String::new()),
            crate::extract::RefTime::Explicit { text, days } => (
                text.clone(),
                days.as_ref().map(crate::date::fmt_days).unwrap_or_default(),
            ),
            crate::extract::RefTime::Published { days } => (
                "published".to_string(),
                days.as_ref().map(crate::date::fmt_days).unwrap_or_default(),
            ),
        };
        let row = [
            c.path.to_string(),
            c.line.to_string(),
            c.column.to_string(),
            c.rule.to_string(),
            c.subject.to_string(),
            c.text.clone(),
            interval,
            c.reading(),
            unit,
            hedge,
            reference,
            days,
            c.source
                .as_ref()
                .map(|a| a.text.clone())
                .unwrap_or_default(),
            c.source.as_ref().map(|a| a.key.clone()).unwrap_or_default(),
        ];
        out.push_str(&row.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("55,000"), "\"55,000\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("plain"), "plain");
    }
}
