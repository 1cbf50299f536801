//! The quantity grammar: figures with a unit of measure or a currency, normalised to one
//! base unit per dimension.
//!
//! # Units
//!
//! | dimension | base ([`Unit`]) | written |
//! | --- | --- | --- |
//! | length | metre | `km`, `kilometres`, `kilometers`, `metres`, `meters`, `m` (lower case only: `10M` is ten million), `cm`, `mm`, `dm`, `miles`, `mi`, `feet`, `foot`, `ft`, `inches`, `yards`, `nautical miles` |
//! | area | square metre | `km²`, `km2`, `sq km`, `square kilometres/kilometers`, `m²`, `m2`, `square metres/meters`, `sq mi`, `square miles`, `hectares`, `ha`, `acres`, `square feet` |
//! | mass | kilogram | `kg`, `kilograms`, `kilos`, `grams`, `mg`, `micrograms`, `μg`, `mcg`, `tonnes`, `tons`, `metric tons` (all 1,000 kg), `pounds`, `lbs`, `ounces`, `oz` |
//! | volume | litre | `litres`, `liters`, `ml`, `gallons` (US), `barrels` (oil, 158.99 l), `cubic metres`, `tablespoons`, `teaspoons`, `cups` |
//! | information | bit | `bits`, `bytes` (8 bits), `kilobits` … `terabytes`, `kb`, `mb`, `gb`, `tb` (a lower-case `b` is a bit, `B` a byte: `100 Mb` is 10⁸ bits, `100 MB` 8·10⁸; decimal prefixes) |
//! | speed | km/h | `km/h`, `kph`, `kmph`, `km/hr`, `kilometres per hour`, `mph`, `miles per hour`, `miles an hour`, `knots` |
//! | temperature | °C | `degrees Celsius`, `°C`, `celsius` (and the misspelling `celcius`), `deg celsius`; `degrees Fahrenheit`, `°F`, `degrees F`, `fahrenheit` (converted: `(F − 32) · 5/9`) |
//! | temperature, scale not written | [`Unit::Degree`] | `degrees`, `deg.`, `°` |
//! | money | its currency | `$`, `US$` (dollars), `€`, `£`, `¥` (yen) before the figure; `dollars`, `euros`, `pounds sterling`, `yen`, `yuan`, `roubles`/`rubles`, `hryvnias`, `rupees` after it |
//!
//! The figure is any number of [`crate::extract::number`] (`ten miles`, `2.4 billion
//! gallons`, `$700 million`, `minus 20 degrees Celsius`); the unit may be attached (`200lbs`,
//! `7.62mm`) or hyphenated as an adjective (`six-mile`, `776-foot`, `a 10-gallon cooler`).
//! Hedges and ranges are those of [`crate::extract::hedge`]: `about ten miles`, `more than
//! 800 km²`, `between 20 and 30 km`, `20-30 km`, `$1.2 to $1.5 billion`; in a range the unit
//! of the second figure applies to the first when it has none.
//!
//! Rounding follows the figure ([`crate::extract::number`]), converted with it: `10 miles`
//! is `[9.5, 10.5)` miles in metres. Values are clamped to be `>= 0`, except temperatures.
//!
//! Feet and inches make one length (`6 ft 3 in`, `6 feet and 5 inches`); the figure before a
//! unit may be a fraction (`3/4 cup`, `1 1/2 cups`, `¼ teaspoon`); the inch mark is `″`, or
//! `"` after a space (`55 "`; attached, `"` closes a quotation).
//!
//! Not quantities: a figure joined by a hyphen to a word before it (`SR-71 m`, a name or a
//! code; swallowed so that the parser refuses it), `45 degrees angle`, `a 90 degree turn` (angles; swallowed so the parser
//! refuses them), a bare `F` or `C` after a number (`PA 23456 F Block`), `10M` (a number).

use crate::extract::grammar::{Grammar, ParseContext, Parsed};
use crate::extract::hedge::{Figure, Forms, Hedged, Slot};
use crate::extract::number::{parse_scaled, ScaledNumber, DIGIT_NUMBER, NUMBER};
use crate::value::Unit;
use std::sync::LazyLock;

/// How a written unit converts to its base unit.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Conv {
    /// `base = written · factor`.
    Scale(Unit, f64),
    /// Degrees Fahrenheit to Celsius.
    Fahrenheit,
    /// Written like a unit but not a quantity of this grammar (an angle).
    Refuse,
}

impl Conv {
    fn unit(self) -> Option<Unit> {
        match self {
            Conv::Scale(u, _) => Some(u),
            Conv::Fahrenheit => Some(Unit::Celsius),
            Conv::Refuse => None,
        }
    }

    fn apply(self, fig: Figure) -> Option<Figure> {
        match self {
            Conv::Scale(_, f) => Some(Figure {
                value: fig.value * f,
                step: fig.step * f,
                ..fig
            }),
            Conv::Fahrenheit => Some(Figure {
                value: (fig.value - 32.0) * 5.0 / 9.0,
                step: fig.step * 5.0 / 9.0,
                ..fig
            }),
            Conv::Refuse => None,
        }
    }
}

const MILE: f64 = 1609.344;
const SQ_MILE: f64 = MILE * MILE;
const POUND: f64 = 0.453_592_37;
const GALLON: f64 = 3.785_411_784;

/// Units written after a figure, in their normal form (lower case, single spaces, no full
/// stops). `m` is matched in lower case only.
const UNITS: &[(&str, Conv)] = &[
    // length
    ("kilometres", Conv::Scale(Unit::Metre, 1e3)),
    ("kilometers", Conv::Scale(Unit::Metre, 1e3)),
    ("kilometre", Conv::Scale(Unit::Metre, 1e3)),
    ("kilometer", Conv::Scale(Unit::Metre, 1e3)),
    ("kms", Conv::Scale(Unit::Metre, 1e3)),
    ("km", Conv::Scale(Unit::Metre, 1e3)),
    ("metres", Conv::Scale(Unit::Metre, 1.0)),
    ("meters", Conv::Scale(Unit::Metre, 1.0)),
    ("metre", Conv::Scale(Unit::Metre, 1.0)),
    ("meter", Conv::Scale(Unit::Metre, 1.0)),
    ("m", Conv::Scale(Unit::Metre, 1.0)),
    ("centimetres", Conv::Scale(Unit::Metre, 0.01)),
    ("centimeters", Conv::Scale(Unit::Metre, 0.01)),
    ("cm", Conv::Scale(Unit::Metre, 0.01)),
    ("millimetres", Conv::Scale(Unit::Metre, 0.001)),
    ("millimeters", Conv::Scale(Unit::Metre, 0.001)),
    ("mm", Conv::Scale(Unit::Metre, 0.001)),
    ("decimetres", Conv::Scale(Unit::Metre, 0.1)),
    ("decimeters", Conv::Scale(Unit::Metre, 0.1)),
    ("dm", Conv::Scale(Unit::Metre, 0.1)),
    ("nautical miles", Conv::Scale(Unit::Metre, 1852.0)),
    ("nautical mile", Conv::Scale(Unit::Metre, 1852.0)),
    ("miles", Conv::Scale(Unit::Metre, MILE)),
    ("mile", Conv::Scale(Unit::Metre, MILE)),
    ("mi", Conv::Scale(Unit::Metre, MILE)),
    ("feet", Conv::Scale(Unit::Metre, 0.3048)),
    ("foot", Conv::Scale(Unit::Metre, 0.3048)),
    ("ft", Conv::Scale(Unit::Metre, 0.3048)),
    ("inches", Conv::Scale(Unit::Metre, 0.0254)),
    ("\"", Conv::Scale(Unit::Metre, 0.0254)),
    ("″", Conv::Scale(Unit::Metre, 0.0254)),
    ("inch", Conv::Scale(Unit::Metre, 0.0254)),
    ("yards", Conv::Scale(Unit::Metre, 0.9144)),
    ("yard", Conv::Scale(Unit::Metre, 0.9144)),
    // area
    ("square kilometres", Conv::Scale(Unit::SquareMetre, 1e6)),
    ("square kilometers", Conv::Scale(Unit::SquareMetre, 1e6)),
    ("square kilometre", Conv::Scale(Unit::SquareMetre, 1e6)),
    ("square kilometer", Conv::Scale(Unit::SquareMetre, 1e6)),
    ("sq km", Conv::Scale(Unit::SquareMetre, 1e6)),
    ("km²", Conv::Scale(Unit::SquareMetre, 1e6)),
    ("km2", Conv::Scale(Unit::SquareMetre, 1e6)),
    ("square metres", Conv::Scale(Unit::SquareMetre, 1.0)),
    ("square meters", Conv::Scale(Unit::SquareMetre, 1.0)),
    ("square metre", Conv::Scale(Unit::SquareMetre, 1.0)),
    ("square meter", Conv::Scale(Unit::SquareMetre, 1.0)),
    ("sq m", Conv::Scale(Unit::SquareMetre, 1.0)),
    ("m²", Conv::Scale(Unit::SquareMetre, 1.0)),
    ("m2", Conv::Scale(Unit::SquareMetre, 1.0)),
    ("square miles", Conv::Scale(Unit::SquareMetre, SQ_MILE)),
    ("square mile", Conv::Scale(Unit::SquareMetre, SQ_MILE)),
    ("sq miles", Conv::Scale(Unit::SquareMetre, SQ_MILE)),
    ("sq mi", Conv::Scale(Unit::SquareMetre, SQ_MILE)),
    ("square feet", Conv::Scale(Unit::SquareMetre, 0.092_903_04)),
    ("sq ft", Conv::Scale(Unit::SquareMetre, 0.092_903_04)),
    ("hectares", Conv::Scale(Unit::SquareMetre, 1e4)),
    ("hectare", Conv::Scale(Unit::SquareMetre, 1e4)),
    ("ha", Conv::Scale(Unit::SquareMetre, 1e4)),
    ("acres", Conv::Scale(Unit::SquareMetre, 4_046.856_422_4)),
    ("acre", Conv::Scale(Unit::SquareMetre, 4_046.856_422_4)),
    // mass
    ("kilograms", Conv::Scale(Unit::Kilogram, 1.0)),
    ("kilogram", Conv::Scale(Unit::Kilogram, 1.0)),
    ("kilogrammes", Conv::Scale(Unit::Kilogram, 1.0)),
    ("kilos", Conv::Scale(Unit::Kilogram, 1.0)),
    ("kgs", Conv::Scale(Unit::Kilogram, 1.0)),
    ("kg", Conv::Scale(Unit::Kilogram, 1.0)),
    ("{kg}", Conv::Scale(Unit::Kilogram, 1.0)),
    ("grams", Conv::Scale(Unit::Kilogram, 1e-3)),
    ("gram", Conv::Scale(Unit::Kilogram, 1e-3)),
    ("grammes", Conv::Scale(Unit::Kilogram, 1e-3)),
    ("milligrams", Conv::Scale(Unit::Kilogram, 1e-6)),
    ("milligram", Conv::Scale(Unit::Kilogram, 1e-6)),
    ("mg", Conv::Scale(Unit::Kilogram, 1e-6)),
    ("micrograms", Conv::Scale(Unit::Kilogram, 1e-9)),
    ("microgram", Conv::Scale(Unit::Kilogram, 1e-9)),
    ("microgrammes", Conv::Scale(Unit::Kilogram, 1e-9)),
    ("μg", Conv::Scale(Unit::Kilogram, 1e-9)),
    ("µg", Conv::Scale(Unit::Kilogram, 1e-9)),
    ("mcg", Conv::Scale(Unit::Kilogram, 1e-9)),
    ("metric tonnes", Conv::Scale(Unit::Kilogram, 1e3)),
    ("metric tons", Conv::Scale(Unit::Kilogram, 1e3)),
    ("metric ton", Conv::Scale(Unit::Kilogram, 1e3)),
    ("tonnes", Conv::Scale(Unit::Kilogram, 1e3)),
    ("tonne", Conv::Scale(Unit::Kilogram, 1e3)),
    ("tons", Conv::Scale(Unit::Kilogram, 1e3)),
    ("ton", Conv::Scale(Unit::Kilogram, 1e3)),
    ("pounds sterling", Conv::Scale(Unit::Gbp, 1.0)),
    ("pounds", Conv::Scale(Unit::Kilogram, POUND)),
    ("pound", Conv::Scale(Unit::Kilogram, POUND)),
    ("lbs", Conv::Scale(Unit::Kilogram, POUND)),
    ("lb", Conv::Scale(Unit::Kilogram, POUND)),
    ("ounces", Conv::Scale(Unit::Kilogram, 0.028_349_523_125)),
    ("ounce", Conv::Scale(Unit::Kilogram, 0.028_349_523_125)),
    ("oz", Conv::Scale(Unit::Kilogram, 0.028_349_523_125)),
    // volume
    ("litres", Conv::Scale(Unit::Litre, 1.0)),
    ("liters", Conv::Scale(Unit::Litre, 1.0)),
    ("litre", Conv::Scale(Unit::Litre, 1.0)),
    ("liter", Conv::Scale(Unit::Litre, 1.0)),
    ("millilitres", Conv::Scale(Unit::Litre, 1e-3)),
    ("milliliters", Conv::Scale(Unit::Litre, 1e-3)),
    ("ml", Conv::Scale(Unit::Litre, 1e-3)),
    ("gallons", Conv::Scale(Unit::Litre, GALLON)),
    ("gallon", Conv::Scale(Unit::Litre, GALLON)),
    ("barrels", Conv::Scale(Unit::Litre, 158.987_294_928)),
    ("barrel", Conv::Scale(Unit::Litre, 158.987_294_928)),
    ("cubic metres", Conv::Scale(Unit::Litre, 1e3)),
    ("cubic meters", Conv::Scale(Unit::Litre, 1e3)),
    ("tablespoons", Conv::Scale(Unit::Litre, GALLON / 256.0)),
    ("tablespoon", Conv::Scale(Unit::Litre, GALLON / 256.0)),
    ("teaspoons", Conv::Scale(Unit::Litre, GALLON / 768.0)),
    ("teaspoon", Conv::Scale(Unit::Litre, GALLON / 768.0)),
    ("cups", Conv::Scale(Unit::Litre, GALLON / 16.0)),
    ("cup", Conv::Scale(Unit::Litre, GALLON / 16.0)),
    // speed
    (
        "kilometres per hour",
        Conv::Scale(Unit::KilometrePerHour, 1.0),
    ),
    (
        "kilometers per hour",
        Conv::Scale(Unit::KilometrePerHour, 1.0),
    ),
    ("km/h", Conv::Scale(Unit::KilometrePerHour, 1.0)),
    ("km/hr", Conv::Scale(Unit::KilometrePerHour, 1.0)),
    ("kmph", Conv::Scale(Unit::KilometrePerHour, 1.0)),
    ("kph", Conv::Scale(Unit::KilometrePerHour, 1.0)),
    (
        "miles per hour",
        Conv::Scale(Unit::KilometrePerHour, MILE / 1e3),
    ),
    (
        "miles an hour",
        Conv::Scale(Unit::KilometrePerHour, MILE / 1e3),
    ),
    ("mph", Conv::Scale(Unit::KilometrePerHour, MILE / 1e3)),
    ("knots", Conv::Scale(Unit::KilometrePerHour, 1.852)),
    // information: `b` is a bit and `B` a byte in the abbreviations (see `split_figure`);
    // the prefixes are decimal (a kilobyte is 1,000 bytes)
    ("bits", Conv::Scale(Unit::Bit, 1.0)),
    ("bit", Conv::Scale(Unit::Bit, 1.0)),
    ("bytes", Conv::Scale(Unit::Bit, 8.0)),
    ("byte", Conv::Scale(Unit::Bit, 8.0)),
    ("kilobits", Conv::Scale(Unit::Bit, 1e3)),
    ("kilobytes", Conv::Scale(Unit::Bit, 8e3)),
    ("megabits", Conv::Scale(Unit::Bit, 1e6)),
    ("megabytes", Conv::Scale(Unit::Bit, 8e6)),
    ("gigabits", Conv::Scale(Unit::Bit, 1e9)),
    ("gigabytes", Conv::Scale(Unit::Bit, 8e9)),
    ("terabits", Conv::Scale(Unit::Bit, 1e12)),
    ("terabytes", Conv::Scale(Unit::Bit, 8e12)),
    ("kb", Conv::Scale(Unit::Bit, 1e3)),
    ("mb", Conv::Scale(Unit::Bit, 1e6)),
    ("gb", Conv::Scale(Unit::Bit, 1e9)),
    ("tb", Conv::Scale(Unit::Bit, 1e12)),
    // temperature
    ("degrees celsius", Conv::Scale(Unit::Celsius, 1.0)),
    ("degree celsius", Conv::Scale(Unit::Celsius, 1.0)),
    ("degrees centigrade", Conv::Scale(Unit::Celsius, 1.0)),
    ("deg celsius", Conv::Scale(Unit::Celsius, 1.0)),
    ("degrees c", Conv::Scale(Unit::Celsius, 1.0)),
    ("celsius", Conv::Scale(Unit::Celsius, 1.0)),
    ("celcius", Conv::Scale(Unit::Celsius, 1.0)),
    ("°c", Conv::Scale(Unit::Celsius, 1.0)),
    ("℃", Conv::Scale(Unit::Celsius, 1.0)),
    ("degrees fahrenheit", Conv::Fahrenheit),
    ("degree fahrenheit", Conv::Fahrenheit),
    ("deg fahrenheit", Conv::Fahrenheit),
    ("degrees f", Conv::Fahrenheit),
    ("fahrenheit", Conv::Fahrenheit),
    ("°f", Conv::Fahrenheit),
    ("℉", Conv::Fahrenheit),
    ("degrees angle", Conv::Refuse),
    ("degree angle", Conv::Refuse),
    ("degree turn", Conv::Refuse),
    ("degrees", Conv::Scale(Unit::Degree, 1.0)),
    ("degree", Conv::Scale(Unit::Degree, 1.0)),
    ("deg", Conv::Scale(Unit::Degree, 1.0)),
    ("°", Conv::Scale(Unit::Degree, 1.0)),
    // money written after the figure
    ("dollars", Conv::Scale(Unit::Usd, 1.0)),
    ("dollar", Conv::Scale(Unit::Usd, 1.0)),
    ("euros", Conv::Scale(Unit::Eur, 1.0)),
    ("euro", Conv::Scale(Unit::Eur, 1.0)),
    ("yen", Conv::Scale(Unit::Jpy, 1.0)),
    ("yuan", Conv::Scale(Unit::Cny, 1.0)),
    ("roubles", Conv::Scale(Unit::Rub, 1.0)),
    ("rubles", Conv::Scale(Unit::Rub, 1.0)),
    ("hryvnias", Conv::Scale(Unit::Uah, 1.0)),
    ("hryvnia", Conv::Scale(Unit::Uah, 1.0)),
    ("rupees", Conv::Scale(Unit::Inr, 1.0)),
];

/// Currency symbols written before the figure, longest first.
const CURRENCY_SIGNS: &[(&str, Unit)] = &[
    ("us$", Unit::Usd),
    ("$", Unit::Usd),
    ("€", Unit::Eur),
    ("£", Unit::Gbp),
    ("¥", Unit::Jpy),
    ("₴", Unit::Uah),
    ("₽", Unit::Rub),
    ("₹", Unit::Inr),
];

/// The regex of one written unit form: spaces may be any run of white space (or none),
/// abbreviations may carry a full stop, and a form ending in a letter or digit ends at a
/// word boundary.
fn unit_form_regex(form: &str) -> String {
    if form == "m" {
        return r"(?-i:m)(?-u:\b)".into();
    }
    // The inch mark only after a space (`10 "`): attached, it closes a quotation ("Ocean's
    // 11").
    if form == "\"" {
        return r#"(?-u:\B)""#.into();
    }
    let mut out = String::new();
    for (i, part) in form.split(' ').enumerate() {
        if i > 0 {
            out.push_str(r"\s*");
        }
        out.push_str(&regex::escape(part));
        if matches!(part, "sq" | "deg" | "km" | "ft" | "lb" | "lbs" | "oz") {
            out.push_str(r"\.?");
        }
    }
    if form.ends_with(|c: char| c.is_ascii_alphanumeric()) && !form.ends_with("deg") {
        out.push_str(r"(?-u:\b)");
    }
    if form == "deg" {
        out.push_str(r"(?-u:\b)\.?");
    }
    out
}

/// The alternation of every unit form, longest first.
static UNIT_RE: LazyLock<String> = LazyLock::new(|| {
    let mut forms: Vec<&str> = UNITS.iter().map(|(f, _)| *f).collect();
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    let alts: Vec<String> = forms.iter().map(|f| unit_form_regex(f)).collect();
    format!("(?:{})", alts.join("|"))
});

static SIGN_RE: LazyLock<String> = LazyLock::new(|| {
    let alts: Vec<String> = CURRENCY_SIGNS
        .iter()
        .map(|(s, _)| regex::escape(s))
        .collect();
    format!("(?:{})", alts.join("|"))
});

/// Digits with no word boundary after them, for attached units (`200lbs`, `7.62mm`).
const BARE_DIGITS: &str = r"(?-u:\b)(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?";

/// A fraction before a unit: `1/2 cup`, `1 1/2 cups`, `½ teaspoon`.
const FRACTION: &str = r"(?:(?-u:\b)(?:[0-9]+\s+)?[0-9]+/[0-9]+|[¼½¾⅓⅔⅛⅜⅝⅞])";

/// Feet and inches: `12 ft 2 in`, `5 feet and 2 inches`.
const FEET_INCHES: &str = r"(?:feet|foot|ft)\.?\s*(?:and\s+)?";

/// One figure with its unit or currency sign. A figure joined by a hyphen to a word before
/// it (`scp-173 m`, a name or a code) is swallowed so that the parser refuses it.
static FIGURE: LazyLock<String> = LazyLock::new(|| {
    let unit = UNIT_RE.as_str();
    let sign = SIGN_RE.as_str();
    format!(
        r"(?i:{sign}\s*{NUMBER}|(?:{NUMBER}|{BARE_DIGITS})\s*{FEET_INCHES}(?:{NUMBER}|{BARE_DIGITS})\s*(?:inches|inch|in)(?-u:\b)|(?:(?-u:\b)[a-z][a-z0-9]*-)?(?:{FRACTION}|{NUMBER}|{BARE_DIGITS})(?:\s*-\s*|\s*){unit})"
    )
});

/// Reads feet and inches (`12 ft 2 in`) as metres.
static COMPOUND: LazyLock<regex::Regex> = LazyLock::new(|| {
    // A constant pattern; a test reads it.
    #[allow(clippy::expect_used)]
    regex::Regex::new(&format!(
        r"(?i)^(?P<f>.*?)\s*{FEET_INCHES}(?P<i>.*?)\s*(?:inches|inch|in)$"
    ))
    .expect("the feet-and-inches pattern is valid")
});

/// Feet and inches as one figure in metres; `None` for anything else.
fn feet_and_inches(text: &str) -> Option<Figure> {
    let caps = COMPOUND.captures(text.trim())?;
    let feet = parse_scaled(caps.name("f")?.as_str())?;
    let inches = parse_scaled(caps.name("i")?.as_str())?;
    Some(Figure {
        value: feet.number.value * 0.3048 + inches.number.value * 0.0254,
        step: inches.number.step * 0.0254,
        scale: 1.0,
        approximate: false,
    })
}

/// The number before a unit: any number, or a fraction (`1/2`, `½`).
fn unit_number(text: &str) -> Option<ScaledNumber> {
    parse_scaled(text).or_else(|| {
        let t = text.trim();
        if !t.contains('/') && t.chars().any(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let n = crate::extract::number::parse_plain(t)?;
        Some(ScaledNumber {
            number: n,
            scale: 1.0,
        })
    })
}

static HEDGED: LazyLock<Hedged> = LazyLock::new(|| {
    let fig = FIGURE.as_str();
    let unit = UNIT_RE.as_str();
    let sign = SIGN_RE.as_str();
    let range_start = format!("(?:{fig}|{NUMBER})");
    let dash_start = format!(r"(?i:(?:{sign}\s*)?{DIGIT_NUMBER})");
    let dash_end = format!(
        r"(?i:{sign}\s*{DIGIT_NUMBER}|(?:{DIGIT_NUMBER}|{BARE_DIGITS})(?:\s*-\s*|\s*){unit})"
    );
    Hedged::new(Forms {
        value: fig,
        range_start: &range_start,
        dash_start: &dash_start,
        dash_end: &dash_end,
    })
});

/// The grammar of quantities with a unit or a currency; see the module docs. Its unit is
/// the base unit of the dimension written ([`Unit::Metre`], [`Unit::Usd`], …).
#[derive(Debug, Clone, Copy, Default)]
pub struct QuantityGrammar;

impl Grammar for QuantityGrammar {
    fn regex(&self) -> &str {
        HEDGED.regex()
    }

    fn parse(&self, text: &str, cx: &ParseContext) -> Option<Parsed> {
        let last = text_unit(text.trim())?;
        let unit = last.unit()?;
        let (iv, hedge) = HEDGED.parse(text, cx, |t, slot| {
            if let Some(fig) = feet_and_inches(t) {
                return (unit == Unit::Metre).then_some(fig);
            }
            let (_, number, conv) = split_figure(t.trim())
                .or_else(|| (slot == Slot::RangeStart).then_some((t, t, last)))?;
            if conv.unit() != Some(unit) {
                return None;
            }
            let n = unit_number(number)?;
            conv.apply(Figure::number(n))
        })?;
        let iv = if matches!(unit, Unit::Celsius | Unit::Degree) {
            iv
        } else {
            iv.clamp_lo(0.0)
        };
        if iv.is_empty() {
            return None;
        }
        Some(Parsed {
            value: Ok(iv),
            unit,
            hedge,
        })
    }
}

/// The unit of a whole matched text: the unit written last, else its currency sign.
fn text_unit(text: &str) -> Option<Conv> {
    if let Some((_, _, conv)) = split_figure(text) {
        return Some(conv);
    }
    if COMPOUND.is_match(text) {
        return Some(Conv::Scale(Unit::Metre, 1.0));
    }
    let lower = text.to_lowercase();
    CURRENCY_SIGNS
        .iter()
        .find(|(sign, _)| lower.contains(sign))
        .map(|(_, unit)| Conv::Scale(*unit, 1.0))
}

/// Reads one figure with its unit: `(text, number part, conversion)`; `None` without a unit
/// or currency. For a figure with no unit written the caller may supply one (ranges).
fn split_figure(text: &str) -> Option<(&str, &str, Conv)> {
    let lower = text.to_lowercase();
    // A currency sign before the figure.
    for (sign, unit) in CURRENCY_SIGNS {
        if lower.starts_with(sign) {
            let rest = text.get(sign.len()..)?.trim_start();
            // `$5 million dollars` is still dollars; a hedge inside is not part of a figure.
            parse_scaled(rest)?;
            return Some((text, rest, Conv::Scale(*unit, 1.0)));
        }
    }
    let normal = normalise(&lower);
    let mut best: Option<(&str, Conv)> = None;
    for &(form, conv) in UNITS {
        if best.is_some_and(|(b, _)| form.len() <= b.len()) {
            continue;
        }
        if let Some(before) = normal.strip_suffix(form) {
            let boundary = before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit() || c == ' ' || c == '-');
            if boundary {
                best = Some((form, conv));
            }
        }
    }
    let (form, conv) = best?;
    if form == "m" && !text.trim_end().ends_with('m') {
        return None;
    }
    // `MB` is a megabyte, `Mb` and `mb` a megabit.
    let conv = match conv {
        Conv::Scale(Unit::Bit, f) if form.len() == 2 && text.trim_end().ends_with('B') => {
            Conv::Scale(Unit::Bit, f * 8.0)
        }
        c => c,
    };
    // Cut the unit off the original text: count the unit's letters from the end.
    let letters = form.chars().filter(|c| !c.is_whitespace()).count();
    let mut seen = 0;
    let mut cut = text.len();
    for (i, c) in text.char_indices().rev() {
        if seen == letters {
            break;
        }
        if !c.is_whitespace() && c != '.' {
            seen += 1;
        }
        cut = i;
    }
    let number = text.get(..cut)?.trim_end().trim_end_matches('-').trim_end();
    Some((text, number, conv))
}

/// Lower-cased text with full stops dropped and white space runs as one space.
fn normalise(lower: &str) -> String {
    lower
        .replace('.', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads one figure with a unit as a number in the base unit, exactly (`"ten miles"` →
/// 16093.44 and [`Unit::Metre`]); `None` when the text is not such a figure.
pub fn parse_quantity(text: &str) -> Option<(ScaledNumber, Unit)> {
    let (_, number, conv) = split_figure(text.trim())?;
    let unit = conv.unit()?;
    let n = parse_scaled(number)?;
    let fig = conv.apply(Figure::number(n))?;
    Some((
        ScaledNumber {
            number: crate::extract::number::Number {
                value: fig.value,
                step: fig.step,
            },
            scale: n.scale,
        },
        unit,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::grammar::Hedge;
    use regex::Regex;

    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!("(?P<value>{})", QuantityGrammar.regex())).expect("compiles")
    });

    fn exact() -> ParseContext {
        ParseContext {
            exact: true,
            ..ParseContext::default()
        }
    }

    /// The first quantity in `text`: its text, interval and unit, read exactly.
    fn read(text: &str) -> Option<(String, String, Unit)> {
        for caps in RE.captures_iter(text) {
            let m = caps.name("value")?;
            if let Some(p) = QuantityGrammar.parse(m.as_str(), &exact()) {
                return Some((m.as_str().to_string(), p.value.ok()?.notation(), p.unit));
            }
        }
        None
    }

    fn check(text: &str, found: &str, iv: &str, unit: Unit) {
        assert_eq!(
            read(text),
            Some((found.to_string(), iv.to_string(), unit)),
            "{text:?}"
        );
    }

    #[test]
    fn regex_shape() {
        assert_eq!(RE.captures_len(), 2, "only the value group");
        let src = QuantityGrammar.regex();
        assert!(!src.replace(r"(?-u:\b)", "").contains(r"\b"));
    }

    #[test]
    fn areas_in_news() {
        use Unit::SquareMetre as A;
        check(
            "Russia now occupies about 116,000 km² of Ukraine",
            "about 116,000 km²",
            "[104400000000,127600000000]",
            A,
        );
        check(
            "an area of 701 square kilometres",
            "701 square kilometres",
            "[701000000,701000000]",
            A,
        );
        check(
            "some 2,000 sq km of farmland",
            "some 2,000 sq km",
            "[1800000000,2200000000]",
            A,
        );
        check("a 40 hectare site", "40 hectare", "[400000,400000]", A);
        check("190 km2 of forest", "190 km2", "[190000000,190000000]", A);
        let (n, u) = parse_quantity("1 square mile").expect("reads");
        assert_eq!(u, A);
        assert!((n.number.value - 2_589_988.110_336).abs() < 1e-3);
    }

    #[test]
    fn lengths_masses_volumes_speeds() {
        check(
            "a line about ten miles long",
            "about ten miles",
            "[14484.096,17702.784]",
            Unit::Metre,
        );
        check(
            "the six-mile trip",
            "six-mile",
            "[9656.064,9656.064]",
            Unit::Metre,
        );
        check("I'm 1.8m tall", "1.8m", "[1.8,1.8]", Unit::Metre);
        check(
            "a 7.62mm barrel",
            "7.62mm",
            "[0.00762,0.00762]",
            Unit::Metre,
        );
        check(
            "he weighs 200lbs.",
            "200lbs",
            "[90.718474,90.718474]",
            Unit::Kilogram,
        );
        check(
            "exports of 16,000 metric tons",
            "16,000 metric tons",
            "[16000000,16000000]",
            Unit::Kilogram,
        );
        check(
            "2.4 billion gallons of fuel",
            "2.4 billion gallons",
            "[9084988281.6,9084988281.6]",
            Unit::Litre,
        );
        check(
            "fell by 500,000 barrels a day",
            "500,000 barrels",
            "[79493647.464,79493647.464]",
            Unit::Litre,
        );
        check(
            "gusts of 120 km/h",
            "120 km/h",
            "[120,120]",
            Unit::KilometrePerHour,
        );
        check(
            "at over 188 miles an hour",
            "over 188 miles an hour",
            "(302.556672,)",
            Unit::KilometrePerHour,
        );
        check(
            "between 20 and 30 km from the front",
            "between 20 and 30 km",
            "[20000,30000]",
            Unit::Metre,
        );
        check(
            "20-30 km from the front",
            "20-30 km",
            "[20000,30000]",
            Unit::Metre,
        );
    }

    #[test]
    fn feet_and_inches_fractions_and_the_inch_mark() {
        use Unit::{Litre, Metre};
        check(
            "the wall stands 6 ft 3 in tall",
            "6 ft 3 in",
            "[1.905,1.905]",
            Metre,
        );
        check(
            "a player of 6 feet and 5 inches",
            "6 feet and 5 inches",
            "[1.9558,1.9558]",
            Metre,
        );
        check(
            "nearly 7 feet 1 inch",
            "nearly 7 feet 1 inch",
            "[1.9431,2.159)",
            Metre,
        );
        check(
            "add 3/4 cup of flour",
            "3/4 cup",
            "[0.177441,0.177441]",
            Litre,
        );
        check("add 1 1/2 cups", "1 1/2 cups", "[0.354882,0.354882]", Litre);
        check(
            "¼ teaspoon of salt",
            "¼ teaspoon",
            "[0.001232,0.001232]",
            Litre,
        );
        check("a 55 \" screen", "55 \"", "[1.397,1.397]", Metre);
        check("a 65″ screen", "65″", "[1.651,1.651]", Metre);
        assert_eq!(read("they watched \"Ocean's 11\" again"), None);
    }

    #[test]
    fn information_sizes() {
        use Unit::Bit;
        check("a 500 MB update", "500 MB", "[4000000000,4000000000]", Bit);
        check("a 100 Mb line", "100 Mb", "[100000000,100000000]", Bit);
        check("over 2 TB of data", "over 2 TB", "(16000000000000,)", Bit);
        check("an 8-bit console", "8-bit", "[8,8]", Bit);
        check(
            "3 gigabytes",
            "3 gigabytes",
            "[24000000000,24000000000]",
            Bit,
        );
        check("640 kilobytes", "640 kilobytes", "[5120000,5120000]", Bit);
    }

    #[test]
    fn figures_joined_to_a_code_are_not_quantities() {
        assert_eq!(read("the SR-71 m"), None);
        assert_eq!(read("model abc2-400m"), None);
        check(
            "a fifty-five km drive",
            "fifty-five km",
            "[55000,55000]",
            Unit::Metre,
        );
        check(
            "a six-mile trip",
            "six-mile",
            "[9656.064,9656.064]",
            Unit::Metre,
        );
    }

    #[test]
    fn temperatures() {
        check(
            "it fell to minus 20 degrees Celsius overnight",
            "minus 20 degrees Celsius",
            "[-20,-20]",
            Unit::Celsius,
        );
        check("a high of 40°C", "40°C", "[40,40]", Unit::Celsius);
        check(
            "98.6 degrees F is normal",
            "98.6 degrees F",
            "[37,37]",
            Unit::Celsius,
        );
        check("it was 212 °F", "212 °F", "[100,100]", Unit::Celsius);
        check("raise it by 5 degrees", "5 degrees", "[5,5]", Unit::Degree);
        assert_eq!(read("turn a 45 degrees angle"), None);
        assert_eq!(read("Jane Doe, PA 23456 F Block"), None);
        assert_eq!(read("the 13F filing"), None);
    }

    #[test]
    fn money_keeps_its_currency() {
        check(
            "a $700 million contract",
            "$700 million",
            "[700000000,700000000]",
            Unit::Usd,
        );
        check(
            "aid worth €50bn",
            "€50bn",
            "[50000000000,50000000000]",
            Unit::Eur,
        );
        check(
            "It cost 1.8M dollars.",
            "1.8M dollars",
            "[1800000,1800000]",
            Unit::Usd,
        );
        check(
            "fined £3.5 million",
            "£3.5 million",
            "[3500000,3500000]",
            Unit::Gbp,
        );
        check(
            "about 100 billion roubles",
            "about 100 billion roubles",
            "[90000000000,110000000000]",
            Unit::Rub,
        );
        check(
            "between $1.2 and $1.5 billion",
            "between $1.2 and $1.5 billion",
            "[1200000000,1500000000]",
            Unit::Usd,
        );
    }

    #[test]
    fn rounding_is_converted_with_the_figure() {
        let p = QuantityGrammar
            .parse("10 km", &ParseContext::default())
            .expect("reads");
        assert_eq!(p.value.map(|iv| iv.notation()), Ok("[9500,10500)".into()));
        assert_eq!(p.hedge, None);
        let p = QuantityGrammar
            .parse("nearly 10 km", &ParseContext::default())
            .expect("reads");
        assert_eq!(p.hedge, Some(Hedge::Nearly));
    }

    #[test]
    fn not_quantities() {
        let cx = ParseContext::default();
        assert_eq!(read("10M people"), None);
        assert_eq!(read("24703m212"), None);
        assert_eq!(read("Get together for 2 in april"), None);
        assert_eq!(QuantityGrammar.parse("20", &cx), None);
        assert_eq!(QuantityGrammar.parse("", &cx), None);
        assert_eq!(QuantityGrammar.parse("km", &cx), None);
        assert_eq!(QuantityGrammar.parse("10 km to 20 kg", &cx), None);
        let big = "9".repeat(500);
        let _ = QuantityGrammar.parse(&format!("{big} km"), &cx);
        let _ = QuantityGrammar.parse(&format!("${big}"), &cx);
        let _ = QuantityGrammar.parse("ſome 20 km", &cx);
        let _ = QuantityGrammar.parse("μg", &cx);
    }
}
