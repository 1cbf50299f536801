//! Generates a corpus of news-like articles for benchmarks and load tests.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --articles 20000 --seed 1 --out DIR
//! ```
//!
//! The output is a function of `--articles` and `--seed` only: the same arguments give the
//! same bytes on every machine. Articles are 2–6 KB, open with YAML (`---`) or TOML (`+++`)
//! front matter carrying a published date, and are filed as `DIR/YYYY/MM/NNNNNN-slug.md`.
//! Their bodies are wire-style paragraphs (curly quotes, dashes, figures that are not claims)
//! with a few claims of the kinds the shipped rules in `rules/` read, in the phrasings of
//! the rules' examples. Most claims agree with each other; a few percent are wrong (a
//! dropped zero, a wrong year, another share), so `claimlint check` has something to
//! report. See docs/performance.md.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_corpus --articles N --seed S --out DIR [--conflict-rate R]

  --articles N        how many articles to write (default 2000)
  --seed S            the seed; the same seed gives the same corpus (default 1)
  --out DIR           the folder to write (created; existing files are overwritten)
  --conflict-rate R   the share of claims written wrong, 0 to 1 (default 0.02)";

/// SplitMix64: small, fast and fully determined by its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

struct Options {
    articles: usize,
    seed: u64,
    out: PathBuf,
    conflict_rate: f64,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        articles: 2000,
        seed: 1,
        out: PathBuf::new(),
        conflict_rate: 0.02,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--articles" => {
                o.articles = value("--articles")?
                    .parse()
                    .map_err(|e| format!("--articles: {e}"))?
            }
            "--seed" => {
                o.seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?
            }
            "--out" => o.out = PathBuf::from(value("--out")?),
            "--conflict-rate" => {
                o.conflict_rate = value("--conflict-rate")?
                    .parse()
                    .map_err(|e| format!("--conflict-rate: {e}"))?;
                if !(0.0..=1.0).contains(&o.conflict_rate) {
                    return Err("--conflict-rate must be between 0 and 1".into());
                }
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if o.out.as_os_str().is_empty() {
        return Err("--out is required".into());
    }
    Ok(o)
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("gen_corpus: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut bytes = 0usize;
    for i in 0..opts.articles {
        // Each article has its own stream, so article i is the same whatever N is.
        let mut rng = Rng(opts.seed ^ (i as u64).wrapping_mul(0xd6e8_feb8_6659_fd93));
        rng.next();
        let a = article(&mut rng, i, opts.conflict_rate);
        let dir = opts
            .out
            .join(format!("{:04}", a.date.0))
            .join(format!("{:02}", a.date.1));
        let path = dir.join(format!("{i:06}-{}.md", a.slug));
        let written = std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(&path, &a.text));
        if let Err(e) = written {
            eprintln!("gen_corpus: {}: {e}", path.display());
            return ExitCode::from(1);
        }
        bytes += a.text.len();
    }
    eprintln!(
        "gen_corpus: wrote {} articles, {:.1} MB, to {}",
        opts.articles,
        bytes as f64 / 1e6,
        opts.out.display()
    );
    ExitCode::SUCCESS
}

// ---------------------------------------------------------------------------------------
// Dates: the corpus spans 2025-09-01 to 2026-03-31.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if y % 4 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `(year, month, day)` for day `n` of the corpus (0 = 2025-09-01).
fn corpus_day(mut n: u32) -> (i32, u32, u32) {
    let (mut y, mut m) = (2025, 9);
    while n >= days_in_month(y, m) {
        n -= days_in_month(y, m);
        m += 1;
        if m == 13 {
            m = 1;
            y += 1;
        }
    }
    (y, m, n + 1)
}

const CORPUS_DAYS: u32 = 30 + 31 + 30 + 31 + 31 + 28 + 31;
/// Day index of 2026-01-01, 2026-02-01 and 2026-02-24 in the corpus.
const JAN_1: u32 = 30 + 31 + 30 + 31;
const FEB_1: u32 = JAN_1 + 31;
const FEB_24: u32 = FEB_1 + 23;

// ---------------------------------------------------------------------------------------
// Words.

const OUTLETS: [&str; 8] = [
    "Kyiv Wire",
    "Daily Ledger",
    "The Continental",
    "Baltic Courier",
    "Harbour Times",
    "Eastern Dispatch",
    "The Morning Register",
    "Global Desk",
];
const PEOPLE: [&str; 12] = [
    "Volodymyr Zelensky",
    "Steve Witkoff",
    "Vladimir Medinsky",
    "Rustem Umerov",
    "Dmitry Peskov",
    "Marco Rubio",
    "Kaja Kallas",
    "Andrii Sybiha",
    "Sergei Lavrov",
    "Jared Kushner",
    "Mark Rutte",
    "Emmanuel Macron",
];
const ROLES: [&str; 8] = [
    "the chief negotiator",
    "a senior official",
    "the foreign minister",
    "a Kremlin spokesman",
    "the US envoy",
    "a European diplomat",
    "an adviser to the president",
    "the defence minister",
];
const PLACES: [&str; 12] = [
    "Geneva",
    "Abu Dhabi",
    "Kharkiv",
    "Odesa",
    "Zaporizhzhia",
    "Dnipro",
    "Pokrovsk",
    "Kostiantynivka",
    "Brussels",
    "Istanbul",
    "Sumy",
    "Kramatorsk",
];
const TOPICS: [&str; 10] = [
    "security guarantees",
    "a ceasefire along the front line",
    "the future of the Zaporizhzhia nuclear plant",
    "prisoner exchanges",
    "sanctions relief",
    "the eastern Donbas",
    "reconstruction funding",
    "energy infrastructure",
    "the return of deported children",
    "air defence deliveries",
];
const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const QUOTES: [&str; 10] = [
    "This is complex work that requires alignment among all parties and sufficient time",
    "We are not going to trade our land for promises",
    "The talks were difficult but businesslike",
    "Nobody wants a frozen conflict that restarts in two years",
    "There has been progress, but no details can be disclosed at this stage",
    "We need guarantees that work, not guarantees on paper",
    "The situation at the front is difficult, but it is holding",
    "Another meeting will take place soon",
    "Our partners understand what is at stake",
    "Every day of delay costs lives",
];

/// Filler sentences: news prose with figures that are not claims (and a few that nearly
/// are). Slots: {P} person, {R} role, {L} place, {T} topic, {D} weekday, {Q} quote,
/// {N} a small number, {K} a year.
const FILLER: [&str; 32] = [
    "{P}, {R}, said on {D} that the delegations had discussed {T} in {L}.",
    "The talks, held in {L}, went on late on {D} but lasted only {N} hours.",
    "“{Q},” {P} told reporters in {L}.",
    "{P} described the negotiations as “not easy” because of the distance between the two sides’ positions.",
    "Officials said {T} remained the hardest issue — one without which no agreement can be envisaged.",
    "Overnight drone strikes on {L} damaged {N} residential buildings, regional authorities said.",
    "Air raid sirens sounded across {L} for {N} hours on {D}.",
    "The meeting in {L} was the {N}th of its kind this year, according to {R}.",
    "In a statement, {R} said the sides had agreed to meet again “in the coming weeks”.",
    "{P} accused Moscow of “trying to drag out negotiations that could already have reached the final stage”.",
    "Analysts cautioned that progress on {T} could unravel quickly.",
    "The front line has barely moved in the {L} area since {K}, commanders said.",
    "Attacks left hundreds of thousands in Ukrainian cities without electricity on {D}.",
    "Thousands of volunteers and foreign fighters have joined the regular armies since {K}.",
    "Russia controls 20% of Ukraine’s electricity exports through occupied plants, an energy analyst said.",
    "Russian forces acquired about {N}01 square kilometers in November, a think tank estimated.",
    "The plant has been under Russian control since March 2022.",
    "{P} is expected to travel to {L} on {D} for talks on {T}.",
    "A spokesman for {P} declined to comment on the reports.",
    "European leaders meet in {L} next week to discuss {T}.",
    "Some {N}00 people were evacuated from frontline villages near {L} over the weekend.",
    "The parliament approved a budget that devotes {N}% more to defence than last year.",
    "Prices for bread and fuel in {L} have risen by {N} per cent since the summer.",
    "“We are ready to talk,” {R} said — “but not at any price.”",
    "The {K} agreement, {P} noted, had been broken within weeks.",
    "According to {R}, {T} will be on the agenda when the delegations meet in {L}.",
    "Railway services between {L} and Kyiv resumed on {D} after repairs.",
    "Shortly after the statement, {P} returned to the venue for a closed-door meeting lasting about an hour and a half.",
    "Zelensky has drawn parallels with the 1938 Munich Agreement, when European powers ceded land to Hitler.",
    "Residents of {L} queued for water on {D} after a strike hit a pumping station.",
    "The International Atomic Energy Agency said it had {N} inspectors at the site.",
    "Moscow’s demands, {P} said, have not changed since the summer of {K}.",
];

const TITLES: [&str; 10] = [
    "Talks end without a breakthrough",
    "Negotiators meet again in {L}",
    "Drone strikes hit {L} overnight",
    "What is on the table in {L}",
    "Ukraine war: the latest",
    "Envoys push for a ceasefire",
    "Front line holds near {L}",
    "Allies discuss {T}",
    "The cost of the war",
    "Delegations trade accusations",
];

fn fill(rng: &mut Rng, template: &str) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let tag = &rest[i..(i + 3).min(rest.len())];
        let text = match tag {
            "{P}" => rng.pick(&PEOPLE).to_string(),
            "{R}" => rng.pick(&ROLES).to_string(),
            "{L}" => rng.pick(&PLACES).to_string(),
            "{T}" => rng.pick(&TOPICS).to_string(),
            "{D}" => rng.pick(&DAYS).to_string(),
            "{Q}" => rng.pick(&QUOTES).to_string(),
            "{N}" => rng.range(2, 9).to_string(),
            "{K}" => rng.range(2014, 2024).to_string(),
            _ => {
                out.push('{');
                rest = &rest[i + 1..];
                continue;
            }
        };
        out.push_str(&text);
        rest = &rest[i + 3..];
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------------------------------
// Claims, in the phrasings of the shipped rules' examples.

/// The "true" share of Ukraine held by Russia on corpus day `day`, to one decimal.
fn true_share_tenths(day: u32) -> u32 {
    // 19.0% on 2025-09-01, rising about 0.1 point a month.
    190 + day / 30
}

fn share_text(rng: &mut Rng, tenths: u32) -> String {
    let whole = tenths / 10;
    let frac = tenths % 10;
    match rng.below(6) {
        0 => format!("{whole}.{frac}%"),
        1 => format!("{whole}.{frac} per cent"),
        2 => format!("about {}%", (tenths + 5) / 10),
        3 => format!("roughly {} per cent", (tenths + 5) / 10),
        4 => "about a fifth".to_string(),
        _ => format!("nearly {}%", tenths / 10 + 1),
    }
}

fn wrong_share_text(rng: &mut Rng) -> String {
    rng.pick(&["25%", "a quarter", "15 per cent", "about 30%", "11%"])
        .to_string()
}

/// One claim sentence for an article published on corpus day `day`; `wrong` writes a
/// figure that conflicts with the rest of the corpus.
fn claim(rng: &mut Rng, day: u32, wrong: bool) -> String {
    let (_, month, _) = corpus_day(day);
    match rng.below(7) {
        // territory.russia-control, as of the published date or an explicit one.
        0 | 1 => {
            let explicit = rng.chance(0.3);
            let (tenths, as_of) = if explicit && day > 15 {
                let d = day - rng.range(1, 15) as u32;
                let (_, m, dd) = corpus_day(d);
                (
                    true_share_tenths(d),
                    format!(" as of {} {dd}", MONTHS[m as usize - 1]),
                )
            } else {
                (true_share_tenths(day), String::new())
            };
            let v = if wrong {
                wrong_share_text(rng)
            } else {
                share_text(rng, tenths)
            };
            let forms = [
                format!("Russian forces, which have pressed on in the east, now control {v} of the country{as_of}, according to the Institute for the Study of War."),
                format!("Neighbouring Russia, which accounts for {v} of the country{as_of}, has threatened to take more."),
                format!("Russian forces remain in control of {v} of Ukraine{as_of}, the Institute for the Study of War reports."),
                format!("Moscow occupies {v} of Ukrainian territory{as_of}, including Crimea, which it annexed in 2014."),
                format!("Russia controls {v} of Ukraine{as_of} and is pressing on towards {}.", rng.pick(&["Pokrovsk", "Kostiantynivka", "Huliaipole"])),
            ];
            forms[rng.below(forms.len())].clone()
        }
        // territory.region-control
        2 => {
            let (who, region, pct): (&str, &str, u32) = match rng.below(4) {
                0 => ("Kyiv", "Donetsk", 20),
                1 => ("Russia", "Donetsk", 80),
                2 => ("Russia", "Luhansk", 99),
                _ => ("Russia", "Zaporizhzhia", 75),
            };
            let v = if wrong {
                format!("about {}%", 100 - pct)
            } else if pct == 20 {
                rng.pick(&["about a fifth", "about 20%", "roughly 20 per cent"])
                    .to_string()
            } else {
                format!("{}{pct}%", rng.pick(&["", "about ", "roughly "]))
            };
            let who = match (who, rng.below(3)) {
                ("Kyiv", 0) => "Kiev",
                ("Kyiv", 1) => "Ukraine",
                ("Russia", 0) => "Moscow",
                (w, _) => w,
            };
            let verb = rng.pick(&["still controls", "holds", "controls", "retains"]);
            let adj = rng.pick(&["the mineral-rich ", "the eastern ", "the ", ""]);
            format!("{who} {verb} {v} of {adj}{region} region, according to Western estimates.")
        }
        // casualties.toll: civilians killed
        3 => {
            let v = if wrong {
                rng.pick(&["1,400", "about 4,000", "fewer than 10,000"])
                    .to_string()
            } else {
                rng.pick(&[
                    "over 14,000",
                    "more than 14,000",
                    "at least 14,000",
                    "some 14,500",
                ])
                .to_string()
            };
            match rng.below(2) {
                0 => format!("The UN has reported that {v} civilians have been killed since the start of the full-scale war."),
                _ => format!("According to UN monitors, {v} civilians killed in the conflict is a conservative count."),
            }
        }
        // casualties.toll: Ukraine's military dead, and the vague total
        4 => {
            if rng.chance(0.5) {
                let v = if wrong {
                    rng.pick(&["5,500", "550,000"]).to_string()
                } else {
                    rng.pick(&[
                        "55,000",
                        "about 55,000",
                        "some 55,000",
                        "fifty-five thousand",
                    ])
                    .to_string()
                };
                match rng.below(2) {
                    0 => format!(
                        "{} said Ukraine had lost {v} soldiers in its conflict with Russia.",
                        rng.pick(&PEOPLE)
                    ),
                    _ => format!("Officials confirmed {v} Ukrainian soldiers killed since 2022."),
                }
            } else {
                let v = if wrong {
                    "hundreds"
                } else {
                    "tens of thousands"
                };
                match rng.below(2) {
                    0 => {
                        format!("The war has resulted in {v} of military and civilian casualties.")
                    }
                    _ => format!("It has left {v} of soldiers and civilians killed or injured."),
                }
            }
        }
        // event.invasion-start
        5 => {
            if wrong {
                let d = rng.pick(&["February 24, 2023", "March 2022", "February 14, 2022"]);
                return format!("Russia launched its full-scale invasion of Ukraine on {d}.");
            }
            let mut forms = vec![
                "Russia launched its full-scale invasion of Ukraine on February 24, 2022.".to_string(),
                "The situation escalated in 2022, with Russia launching a full-scale invasion of Ukraine.".to_string(),
                "Moscow’s full-scale invasion began on February 24, 2022, after months of build-up.".to_string(),
            ];
            if (JAN_1..FEB_24).contains(&day) {
                forms.push(
                    "Nearly four years on, the talks aim to end Russia’s nearly four-year war."
                        .to_string(),
                );
            }
            if day >= JAN_1 {
                forms.push("Four years on from the start of Russia’s full-scale invasion, the two sides remain far apart.".to_string());
            }
            forms[rng.below(forms.len())].clone()
        }
        // event.uae-talks-first-round (only after the talks: 2026-01-23)
        _ => {
            if day < JAN_1 + 25 {
                let template = FILLER[rng.below(FILLER.len())];
                return fill(rng, template);
            }
            if wrong {
                return "The first round of negotiations in the UAE had taken place on December 12, 2025, officials said.".to_string();
            }
            let mut forms = vec![
                "The delegations last met in US-brokered talks in Abu Dhabi in January, which led to a prisoner swap.".to_string(),
                "The first round of negotiations in the UAE had concluded on January 24, officials said.".to_string(),
            ];
            if month == 2 {
                forms.push("The first meeting, held in the UAE last month, marked the first direct negotiations in years.".to_string());
            }
            forms[rng.below(forms.len())].clone()
        }
    }
}

// ---------------------------------------------------------------------------------------
// Articles.

struct Generated {
    date: (i32, u32, u32),
    slug: String,
    text: String,
}

fn article(rng: &mut Rng, index: usize, conflict_rate: f64) -> Generated {
    let day = rng.below(CORPUS_DAYS as usize) as u32;
    let date = corpus_day(day);
    let (y, m, d) = date;
    let template = TITLES[rng.below(TITLES.len())];
    let title = fill(rng, template);
    let outlet = rng.pick(&OUTLETS);
    let slug: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let url = format!(
        "https://{}.example/{y}/{m:02}/{d:02}/{slug}-{index}",
        outlet.to_lowercase().replace(' ', "-")
    );
    let mut text = String::new();
    if rng.chance(0.8) {
        let _ = write!(
            text,
            "---\ntitle: \"{title}\"\noutlet: {outlet}\nurl: {url}\npublished: {y}-{m:02}-{d:02}\n---\n"
        );
    } else {
        let _ = write!(
            text,
            "+++\ntitle = \"{title}\"\noutlet = \"{outlet}\"\nurl = \"{url}\"\npublished = {y}-{m:02}-{d:02}\n+++\n"
        );
    }
    let body_start = text.len();
    let target = rng.range(1700, 5300);
    // Claims go into random paragraphs; an article holds 0 to 4.
    let claims = rng.below(5);
    let mut claim_at: Vec<usize> = (0..claims).map(|_| rng.below(8)).collect();
    claim_at.sort_unstable();
    let mut paragraph = 0;
    while text.len() - body_start < target {
        let mut p = String::new();
        for _ in 0..rng.range(2, 4) {
            if !p.is_empty() {
                p.push(' ');
            }
            let template = FILLER[rng.below(FILLER.len())];
            p.push_str(&fill(rng, template));
        }
        while claim_at.first() == Some(&paragraph) {
            claim_at.remove(0);
            let wrong = rng.chance(conflict_rate);
            p.push(' ');
            p.push_str(&claim(rng, day, wrong));
        }
        text.push_str(&p);
        text.push('\n');
        paragraph += 1;
    }
    Generated { date, slug, text }
}
