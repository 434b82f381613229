//! A deterministic generator of news-like story corpora with planted discrepancies, and the
//! scoring of a `check --format json` report against what was planted.
//!
//! Shared by the `gencorpus` example, the scale test and the end-to-end benchmark (each includes
//! this file as a module). Every name is made up from syllables; the vocabulary is generic.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

/// SplitMix64: tiny, fast, and the same sequence on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + i64::try_from(self.below((hi - lo + 1) as usize)).unwrap_or(0)
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

const ONSETS: &[&str] = &[
    "b", "br", "c", "d", "dr", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "st", "t", "th",
    "v", "w", "qu", "gl", "tr", "sk",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "ou", "y"];
const CODAS: &[&str] = &[
    "", "n", "r", "l", "m", "s", "th", "ck", "nd", "rn", "ll", "st", "x", "mb", "rk",
];
const PLACE_ENDINGS: &[&str] = &[
    "ford", "ham", "vale", "mere", "by", "wick", "ton", "field", "holm", "stead", "port", "well",
];
const FIRST_NAMES: &[&str] = &[
    "Margit", "Tobin", "Elsa", "Ravi", "Nadia", "Oskar", "Ines", "Dmitri", "Leona", "Callum",
    "Priya", "Henrik", "Ayo", "Maren", "Teodor", "Lucia", "Femi", "Ingrid", "Kasimir", "Yara",
];
const MONTHS: &[&str] = &[
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
const DAYS_IN: [i64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn syllable(r: &mut Rng) -> String {
    format!("{}{}{}", r.pick(ONSETS), r.pick(VOWELS), r.pick(CODAS))
}

fn place(r: &mut Rng) -> String {
    cap(&format!("{}{}", syllable(r), r.pick(PLACE_ENDINGS)))
}

fn surname(r: &mut Rng) -> String {
    cap(&format!("{}{}", syllable(r), syllable(r)))
}

fn person(r: &mut Rng) -> String {
    format!("{} {}", r.pick(FIRST_NAMES), surname(r))
}

/// "42,000", "1,250".
pub fn grouped(n: i64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A calendar day (no leap years are generated: February has 28 days).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    pub y: i64,
    pub m: usize,
    pub d: i64,
}

impl Day {
    fn add(self, mut days: i64) -> Day {
        let mut x = self;
        while days > 0 {
            let len = DAYS_IN[x.m - 1];
            if x.d + days <= len {
                x.d += days;
                return x;
            }
            days -= len - x.d + 1;
            x.d = 1;
            x.m += 1;
            if x.m > 12 {
                x.m = 1;
                x.y += 1;
            }
        }
        x
    }
    fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
    fn long(self) -> String {
        format!("{} {}, {}", MONTHS[self.m - 1], self.d, self.y)
    }
    fn month_day(self) -> String {
        format!("{} {}", MONTHS[self.m - 1], self.d)
    }
    /// The name of the weekday before this day: the documents of a group are dated from this
    /// day to five days after it, so every one of them names the day before as "on <weekday>"
    /// and means the same day.
    fn weekday_before(self) -> &'static str {
        // Sakamoto's method: 0 is Sunday.
        const T: [i64; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let y = if self.m < 3 { self.y - 1 } else { self.y };
        let w = (y + y / 4 - y / 100 + y / 400 + T[self.m - 1] + self.d).rem_euclid(7);
        [
            "Saturday",
            "Sunday",
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
        ][usize::try_from(w).unwrap_or(0)]
    }
}

/// The categories of CONTRACT.md a planted discrepancy belongs to.
pub const CATEGORIES: &[&str] = &["magnitude", "period", "date", "timeline"];

/// One planted discrepancy: two claims of two documents of one group that disagree.
#[derive(Clone, Debug)]
pub struct Planted {
    pub group: String,
    pub category: &'static str,
    /// The rule expected to report it.
    pub rule: &'static str,
    /// (file name within the group folder, the claim's text as written).
    pub a: (String, String),
    pub b: (String, String),
}

/// A generated corpus: files (path relative to the output folder, content) and the manifest.
#[derive(Default)]
pub struct Corpus {
    pub files: Vec<(String, String)>,
    pub planted: Vec<Planted>,
}

impl Corpus {
    pub fn bytes(&self) -> usize {
        self.files.iter().map(|(_, t)| t.len()).sum()
    }

    /// Writes every file below `dir` and the manifest to `dir/../<dir name>.manifest.json`
    /// is left to the caller: `manifest_json` gives its text.
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        for (p, text) in &self.files {
            let path = dir.join(p);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, text)?;
        }
        Ok(())
    }

    /// The corpus as JSON Lines documents (`{"id", "text", "group", "format"}`), for
    /// `--jsonl` input: the id is the file's path, the group its folder.
    pub fn jsonl(&self) -> String {
        let mut out = String::new();
        for (p, text) in &self.files {
            let group = p.split('/').next().unwrap_or_default();
            let format = if has_ext(p, "md") {
                "markdown"
            } else if has_ext(p, "html") {
                "html"
            } else {
                "text"
            };
            out.push_str(
                &serde_json::json!({"id": p, "text": text, "group": group, "format": format})
                    .to_string(),
            );
            out.push('\n');
        }
        out
    }

    /// The manifest: one object per planted discrepancy.
    pub fn manifest_json(&self) -> String {
        let items: Vec<serde_json::Value> = self
            .planted
            .iter()
            .map(|p| {
                serde_json::json!({
                    "group": p.group, "category": p.category, "rule": p.rule,
                    "a": {"file": p.a.0, "text": p.a.1},
                    "b": {"file": p.b.0, "text": p.b.1},
                })
            })
            .collect();
        let groups: std::collections::BTreeSet<&str> = self
            .files
            .iter()
            .filter_map(|(p, _)| p.split('/').next())
            .collect();
        serde_json::to_string_pretty(&serde_json::json!({
            "groups": groups.len(), "documents": self.files.len(), "bytes": self.bytes(),
            "planted": items,
        }))
        .unwrap_or_default()
    }
}

/// Reads a manifest written by `manifest_json`.
pub fn read_manifest(text: &str) -> Vec<Planted> {
    let v: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    let s = |x: &serde_json::Value| x.as_str().unwrap_or_default().to_string();
    v["planted"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|p| Planted {
                    group: s(&p["group"]),
                    category: CATEGORIES
                        .iter()
                        .find(|c| **c == p["category"].as_str().unwrap_or_default())
                        .copied()
                        .unwrap_or("magnitude"),
                    rule: "",
                    a: (s(&p["a"]["file"]), s(&p["a"]["text"])),
                    b: (s(&p["b"]["file"]), s(&p["b"]["text"])),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A story's facts and the sentences that state them, with slots a planted discrepancy changes.
struct Story {
    /// Sentences every document may carry: (fact id, text). Several variants per fact; the
    /// documents pick among them.
    facts: Vec<Vec<String>>,
    /// Sentences of colour: quotes and background with no figure that could conflict.
    colour: Vec<String>,
    title: String,
    dateline: String,
}

/// A planted discrepancy at story level: fact index, the sentence for side a, for side b, and
/// the claim texts on each side.
struct Plant {
    fact: usize,
    a: String,
    b: String,
    ta: String,
    tb: String,
    category: &'static str,
    rule: &'static str,
}

const PROJECTS: &[(&str, &str, &str)] = &[
    // (the thing built, the unit of capacity, what the capacity serves)
    ("stadium", "seat", "seats"),
    ("hospital wing", "bed", "beds"),
    ("concert hall", "seat", "seats"),
    ("school campus", "pupil", "pupils"),
    ("ferry terminal", "passenger", "passengers"),
    ("library", "desk", "desks"),
    ("arena", "seat", "seats"),
    ("care home", "bed", "beds"),
];
const BODIES: &[&str] = &[
    "City Council",
    "Regional Authority",
    "Development Board",
    "Borough Council",
];
const CONTRACTORS: &[&str] = &["Construction", "Builders", "Engineering", "Works"];
const CURRENCIES: &[(&str, &str)] = &[("€", "euros"), ("$", "dollars"), ("£", "pounds")];
const PRODUCTS: &[&str] = &[
    "storage service",
    "delivery vans",
    "payment terminals",
    "solar panels",
    "water filters",
    "booking software",
    "grain silos",
    "heat pumps",
];
const SECTORS: &[&str] = &[
    "Systems",
    "Logistics",
    "Foods",
    "Energy",
    "Software",
    "Freight",
];
const CLIENTS: &[&str] = &[
    "Transport Agency",
    "Health Service",
    "Water Board",
    "Tax Office",
    "Port Authority",
    "Housing Agency",
];
const VICTIMS: &[&str] = &[
    "Clinics",
    "Insurance",
    "Bank",
    "Telecom",
    "Utilities",
    "Pharmacies",
];
const RECORDS: &[&str] = &[
    "customers",
    "patients",
    "account holders",
    "subscribers",
    "members",
];

fn project_story(r: &mut Rng, day: Day) -> (Story, Vec<Plant>) {
    let town = place(r);
    let site = place(r);
    let (thing, unit, units) = PROJECTS[r.below(PROJECTS.len())];
    let body = format!("{town} {}", r.pick(BODIES));
    let builder = format!("{} {}", surname(r), r.pick(CONTRACTORS));
    let (sym, _) = CURRENCIES[r.below(CURRENCIES.len())];
    let cost = r.range(12, 95) * 10; // millions
    let extra = r.range(2, 9) * 5;
    let capacity = r.range(12, 60) * 1000 + if r.chance(50) { 500 } else { 0 };
    let start_year = day.y - r.range(2, 5);
    let start_month = MONTHS[r.below(12)];
    let open = Day {
        y: day.y + 1 + r.range(0, 1),
        m: 1 + r.below(12),
        d: 1,
    };
    let chair = person(r);
    let critic = person(r);
    let staff = r.range(4, 40) * 10;
    let wrong_cap = capacity / 1000 * 1000;
    let wrong_cap = if r.chance(50) {
        wrong_cap * 2 / 3 / 500 * 500
    } else {
        wrong_cap * 3 / 2 / 500 * 500
    };
    let wrong_start = start_year - r.range(2, 4);

    let cost_s = format!("{sym}{cost} million");
    let facts = vec![
        vec![
            format!("{body} on {} approved a further {sym}{extra} million for the new {thing} at {site}, taking the projected cost to {cost_s}.", day.weekday_before()),
            format!("The new {thing} at {site} will now cost {cost_s} after {body} agreed to put in another {sym}{extra} million."),
        ],
        vec![
            format!("The {}-{unit} {thing}, built by {builder}, is due to open in {} {}.", grouped(capacity), MONTHS[open.m - 1], open.y),
            format!("The {thing} at {site}, with {} {units}, is due to open in {} {}.", grouped(capacity), MONTHS[open.m - 1], open.y),
        ],
        vec![
            format!("Construction of the {thing} at {site} began in {start_month} {start_year}."),
            format!("Work on the {site} {thing} began in {start_year}, when {builder} won the contract."),
        ],
        vec![
            format!("{builder}, the main contractor, employs {} people on the {site} site.", grouped(staff)),
            format!("About {} workers from {builder} are on the {site} site each day.", grouped(staff)),
        ],
    ];
    let colour = vec![
        format!("\"Nobody is happy about paying more,\" said {chair}, who chairs the finance committee of {body}. \"But a half-built {thing} is worth nothing to anyone.\""),
        format!("Opposition members said {body} had lost control of the budget, and called for an independent review."),
        format!("{critic}, a local resident, said the works had brought traffic and noise to the streets around {site}."),
        format!("Officials blamed higher steel prices, a redesign of the roof and a dispute with {builder}."),
        format!("The rest of the money will come from borrowing and from a regional development fund, officials said."),
        format!("Supporters of the project said the {thing} would bring visitors and jobs to {town}."),
    ];
    let mut plants = Vec::new();
    let cap_s = grouped(capacity);
    let wrong_s = grouped(wrong_cap);
    plants.push(Plant {
        fact: 1,
        a: format!(
            "The {cap_s}-{unit} {thing} at {site} is due to open in {} {}.",
            MONTHS[open.m - 1],
            open.y
        ),
        b: format!(
            "The {wrong_s}-{unit} {thing} at {site} is due to open in {} {}.",
            MONTHS[open.m - 1],
            open.y
        ),
        ta: cap_s.clone(),
        tb: wrong_s,
        category: "magnitude",
        rule: "value-mismatch",
    });
    plants.push(Plant {
        fact: 2,
        a: format!("Work on the {site} {thing} project first started in {start_year}."),
        b: format!("The {site} {thing} project, which began in {wrong_start}, has grown in cost every year."),
        ta: start_year.to_string(),
        tb: wrong_start.to_string(),
        category: "timeline",
        rule: "start-date-mismatch",
    });
    let title = format!("{site} {thing} bill climbs again");
    (
        Story {
            facts,
            colour,
            title,
            dateline: town.to_uppercase(),
        },
        plants,
    )
}

fn company_story(r: &mut Rng, day: Day) -> (Story, Vec<Plant>) {
    let town = place(r);
    let company = format!("{} {}", cap(&syllable(r)) + &syllable(r), r.pick(SECTORS));
    let client = format!("{} {}", place(r), r.pick(CLIENTS));
    let product = r.pick(PRODUCTS);
    let (sym, _) = CURRENCIES[r.below(CURRENCIES.len())];
    let factor = r.range(2, 4); // doubled, tripled, quadrupled
    let verbs = ["", "", "doubled", "tripled", "quadrupled"];
    let months = [6i64, 9, 18][r.below(3)];
    let window_words = |m: i64| match m {
        6 => "within six months",
        9 => "in nine months",
        _ => "over eighteen months",
    };
    let since = day.y - r.range(4, 9);
    let revenue = r.range(15, 90) * 10;
    let staff = r.range(20, 90) * 10;
    let boss = person(r);
    let analyst = person(r);
    let verb = verbs[factor as usize];
    let pct = (factor - 1) * 100;
    let facts = vec![
        vec![
            format!(
                "Orders from {client} for the {product} of {company} have {verb} {}.",
                window_words(months)
            ),
            format!(
                "{client} has {verb} its orders for the {product} of {company} {}.",
                window_words(months)
            ),
        ],
        vec![
            format!("{company} has supplied {client} since {since}."),
            format!(
                "{company} has worked with {client} since {since}, according to public filings."
            ),
        ],
        vec![
            format!("{company} reported revenue of {sym}{revenue} million last year."),
            format!(
                "Last year {company} reported revenue of {sym}{revenue} million, its filings show."
            ),
        ],
        vec![
            format!(
                "The company, based in {town}, employs {} people.",
                grouped(staff)
            ),
            format!(
                "{company} employs {} people at its {town} headquarters.",
                grouped(staff)
            ),
        ],
    ];
    let colour = vec![
        format!("\"Demand has surprised us,\" said {boss}, the chief executive of {company}."),
        format!("{analyst}, an analyst who follows the sector, said the contract had made {company} one of the largest suppliers in the region."),
        format!("Critics have questioned whether public bodies rely too heavily on a single supplier."),
        format!("{client} did not respond to a request for comment."),
        format!("The company declined to say how much the contract was worth."),
    ];
    let wrong_pct = pct + 100;
    let other_months = if months == 6 { 18 } else { 6 };
    let plants = vec![
        Plant {
            fact: 0,
            a: format!(
                "Orders from {client} for the {product} of {company} have {verb} {}.",
                window_words(months)
            ),
            b: format!(
                "Orders from {client} for the {product} of {company} increased by {wrong_pct}% {}.",
                window_words(months)
            ),
            ta: verb.to_string(),
            tb: format!("{wrong_pct}%"),
            category: "magnitude",
            rule: "change-factor-mismatch",
        },
        Plant {
            fact: 0,
            a: format!(
                "Orders from {client} for the {product} of {company} have {verb} {}.",
                window_words(months)
            ),
            b: format!(
                "Orders from {client} for the {product} of {company} have {verb} {}.",
                window_words(other_months)
            ),
            ta: window_words(months)
                .split(' ')
                .skip(1)
                .collect::<Vec<_>>()
                .join(" "),
            tb: window_words(other_months)
                .split(' ')
                .skip(1)
                .collect::<Vec<_>>()
                .join(" "),
            category: "period",
            rule: "window-mismatch",
        },
        Plant {
            fact: 1,
            a: format!("{company} has supplied {client} since {since}."),
            b: format!("{company} has supplied {client} since {}.", since + 3),
            ta: since.to_string(),
            tb: (since + 3).to_string(),
            category: "timeline",
            rule: "start-date-mismatch",
        },
    ];
    let title = format!("{company} deal with {client} grows");
    (
        Story {
            facts,
            colour,
            title,
            dateline: town.to_uppercase(),
        },
        plants,
    )
}

fn incident_story(r: &mut Rng, day: Day) -> (Story, Vec<Plant>) {
    let town = place(r);
    let victim = format!("{} {}", place(r), r.pick(VICTIMS));
    let gang = cap(&format!("{}{}", syllable(r), syllable(r)));
    // Found in the month before publication, between the 12th and the 28th; entered between the
    // 1st and the 10th of the same month.
    let found = Day {
        y: day.y,
        m: day.m - 1,
        d: 12 + r.range(0, 16),
    };
    let entered = Day {
        d: 1 + r.range(0, 9),
        ..found
    };
    let notified = found.add(4);
    let records = r.range(11, 95) * 10_000;
    let clinics = r.range(12, 60);
    let expert = person(r);
    let records_word = r.pick(RECORDS);
    let facts = vec![
        vec![
            format!("{victim} said it discovered the intrusion on {}, and that the attackers had been inside its network since {}.", found.long(), entered.long()),
            format!("The company says it found the intrusion on {} and that the attackers had been inside its network since {}.", found.month_day(), entered.long()),
        ],
        vec![
            format!("The stolen files hold the details of {} {records_word} of {victim}.", grouped(records)),
            format!("The attackers took the details of about {} {records_word} of {victim}.", grouped(records)),
        ],
        vec![
            format!("{victim} notified the regulator on {}.", notified.long()),
            format!("The regulator was told of the breach on {}.", notified.month_day()),
        ],
        vec![
            format!("{victim}, which operates {clinics} branches, has said it will not pay a ransom."),
            format!("The firm runs {clinics} branches across the region."),
        ],
    ];
    let colour = vec![
        format!("\"Dwell times like that are, sadly, normal,\" said {expert}, a security consultant who has examined samples posted online by the {gang} group."),
        format!("The {gang} group has claimed the attack on a site it uses to pressure victims."),
        format!("Customers were told to watch for suspicious messages and to change their passwords."),
        format!("The breach is the latest in a series of attacks on companies in {town}."),
    ];
    let wrong_found = found.add(7);
    let plants = vec![
        Plant {
            fact: 0,
            a: format!("{victim} said it discovered the intrusion on {}.", found.long()),
            b: format!("{victim} says it found the intrusion on {}.", wrong_found.long()),
            ta: found.long(),
            tb: wrong_found.long(),
            category: "date",
            rule: "event-date-mismatch",
        },
        Plant {
            fact: 1,
            a: format!("The stolen files hold the details of {} {records_word} of {victim}.", grouped(records)),
            b: format!("The stolen files hold the details of {} {records_word} of {victim}.", grouped(records * 2)),
            ta: grouped(records),
            tb: grouped(records * 2),
            category: "magnitude",
            rule: "value-mismatch",
        },
        Plant {
            fact: 0,
            a: format!("{victim} said it discovered the intrusion on {}, and that the attackers had been inside its network since {}.", found.long(), entered.long()),
            b: format!("The intruders had access to the network of {victim} for more than three months before they were detected."),
            ta: entered.long(),
            tb: "for more than three months".to_string(),
            category: "timeline",
            rule: "duration-span-mismatch",
        },
    ];
    let title = format!("{victim} breach: what we know");
    (
        Story {
            facts,
            colour,
            title,
            dateline: town.to_uppercase(),
        },
        plants,
    )
}

/// Background sentences any story may carry: facts about the town with their own figures,
/// the same in every document of a group.
fn background(r: &mut Rng, day: Day) -> Vec<String> {
    let town = place(r);
    let river = place(r);
    let mayor = person(r);
    let pop = r.range(40, 900) * 1000;
    let jobless = r.range(31, 99);
    let (v1, v2) = (r.range(20, 35), r.range(5, 19));
    let vote_year = day.y - r.range(1, 3);
    let budget = r.range(3, 40) * 10;
    let (sym, _) = CURRENCIES[r.below(CURRENCIES.len())];
    vec![
        format!("{town}, a market town of about {} people on the {river} river, has long struggled to attract investment.", grouped(pop)),
        format!("Unemployment in {town} stood at {}.{}% at the end of last year, above the national average.", jobless / 10, jobless % 10),
        format!("The wider redevelopment plan was approved by {v1} votes to {v2} in {} {vote_year}.", MONTHS[r.below(12)]),
        format!("{mayor}, the mayor of {town}, has made regeneration the centrepiece of her second term."),
        format!("The regional government set aside {sym}{budget} million for projects of this kind in its latest budget."),
        format!("Residents have been invited to a public meeting at the town hall next month to discuss the plans."),
        format!("Local businesses said they hoped the work would bring more visitors to the area, though some warned of disruption."),
        format!("A report by the regional audit office last year found that large public projects in the region ran late more often than not."),
        format!("The {river} valley has seen several large building projects in the past decade, not all of them finished on time."),
        format!("Questions about oversight have been raised at council meetings, where members asked for monthly progress reports."),
    ]
}

/// How often a group carries a planted discrepancy, in percent.
pub const PLANT_PERCENT: usize = 40;

/// Generates `groups` story folders (`g00000/`, ...) of 2 to 6 documents each.
pub fn generate(groups: usize, seed: u64) -> Corpus {
    let mut corpus = Corpus::default();
    for g in 0..groups {
        let mut r = Rng::new(seed ^ (g as u64).wrapping_mul(0xa076_1d64_78bd_642f));
        r.next();
        let name = format!("g{g:05}");
        let day = Day {
            y: 2021 + r.range(0, 5),
            m: 2 + r.below(10),
            d: 1 + r.range(0, 20),
        };
        let (story, plants) = match r.below(3) {
            0 => project_story(&mut r, day),
            1 => company_story(&mut r, day),
            _ => incident_story(&mut r, day),
        };
        let back = background(&mut r, day);
        let ndocs = 2 + r.below(5);
        let plant = if r.chance(PLANT_PERCENT) {
            Some(&plants[r.below(plants.len())])
        } else {
            None
        };
        // Side a and side b of a planted discrepancy: two distinct documents.
        let (pa, pb) = (0, 1 + r.below(ndocs - 1));
        let mut names = Vec::new();
        for i in 0..ndocs {
            let ext = ["txt", "md", "html"][r.below(3)];
            names.push(format!("{}.{ext}", (b'a' + i as u8) as char));
        }
        for (i, file) in names.iter().enumerate() {
            let doc_day = day.add(i64::try_from(i).unwrap_or(0));
            let mut sentences: Vec<String> = Vec::new();
            for (k, variants) in story.facts.iter().enumerate() {
                let planted_here = plant.filter(|p| p.fact == k && (i == pa || i == pb));
                match planted_here {
                    Some(p) => sentences.push(if i == pa { p.a.clone() } else { p.b.clone() }),
                    None => {
                        // Not every document states every fact.
                        if r.chance(75) {
                            sentences.push(variants[r.below(variants.len())].clone());
                        }
                    }
                }
            }
            let mut colour = story.colour.clone();
            r.shuffle(&mut colour);
            let take = 2 + r.below(colour.len() - 1);
            sentences.extend(colour.into_iter().take(take));
            let mut extra = back.clone();
            r.shuffle(&mut extra);
            let take = 3 + r.below(extra.len() - 2);
            sentences.extend(extra.into_iter().take(take));
            // The lead fact first, the rest in any order.
            r.shuffle(&mut sentences[1..]);
            let paragraphs: Vec<String> = sentences.chunks(2).map(|c| c.join(" ")).collect();
            let text = render(file, &story, &paragraphs, doc_day);
            corpus.files.push((format!("{name}/{file}"), text));
        }
        if let Some(p) = plant {
            corpus.planted.push(Planted {
                group: name.clone(),
                category: p.category,
                rule: p.rule,
                a: (names[pa].clone(), p.ta.clone()),
                b: (names[pb].clone(), p.tb.clone()),
            });
        }
    }
    corpus
}

fn has_ext(path: &str, ext: &str) -> bool {
    Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn render(file: &str, story: &Story, paragraphs: &[String], day: Day) -> String {
    let mut out = String::new();
    if has_ext(file, "md") {
        let _ = write!(
            out,
            "---\ntitle: {}\ndate: {}\n---\n\n# {}\n\n",
            story.title,
            day.iso(),
            story.title
        );
        for p in paragraphs {
            let _ = write!(out, "{p}\n\n");
        }
    } else if has_ext(file, "html") {
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{0}</title>\n</head>\n<body>\n<article>\n<h1>{0}</h1>\n<p class=\"byline\">By staff · <time datetime=\"{1}\">{2}</time></p>\n",
            story.title,
            day.iso(),
            day.long()
        );
        for p in paragraphs {
            let p = p.replace('&', "&amp;");
            let _ = writeln!(out, "<p>{p}</p>");
        }
        out.push_str("</article>\n</body>\n</html>\n");
    } else {
        let _ = write!(out, "{}, {} — ", story.dateline, day.long());
        for (i, p) in paragraphs.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            out.push_str(p);
        }
        out.push('\n');
    }
    out
}

/// Recall and false alarms of a `check --format json` report against the planted discrepancies.
#[derive(Debug, Default, Clone)]
pub struct Score {
    pub groups: usize,
    pub planted: usize,
    pub found: usize,
    /// Per category: (planted, found).
    pub by_category: std::collections::BTreeMap<String, (usize, usize)>,
    /// Warnings and errors that match no planted discrepancy.
    pub false_alarms: usize,
    /// Notes that match no planted discrepancy.
    pub stray_notes: usize,
    pub missed: Vec<String>,
    pub alarms: Vec<String>,
}

impl Score {
    pub fn recall(&self) -> f64 {
        if self.planted == 0 {
            1.0
        } else {
            self.found as f64 / self.planted as f64
        }
    }
    pub fn false_alarms_per_group(&self) -> f64 {
        self.false_alarms as f64 / self.groups.max(1) as f64
    }
}

/// Group folder and file name of a reported path ("corpus/g00001/b.md" -> ("g00001", "b.md")).
fn group_file(path: &str) -> (String, String) {
    let mut parts = path.rsplit('/');
    let file = parts.next().unwrap_or_default().to_string();
    let group = parts.next().unwrap_or_default().to_string();
    (group, file)
}

/// True when a claim of the finding lies in `group` (in `file`, or in any other file of the group
/// when `file` is `None`, excluding `not`) and its text and `text` contain one another.
fn side_matches(
    claims: &[serde_json::Value],
    group: &str,
    file: Option<&str>,
    not: &str,
    text: &str,
) -> bool {
    claims.iter().any(|c| {
        let (g, f) = group_file(c["path"].as_str().unwrap_or_default());
        let t = c["text"].as_str().unwrap_or_default();
        g == group
            && file.is_none_or(|x| x == f)
            && f != not
            && !t.is_empty()
            && (t.contains(text) || text.contains(t))
    })
}

/// Scores a report (the JSON of `check --format json`) against the planted discrepancies.
pub fn score(report: &serde_json::Value, planted: &[Planted], groups: usize) -> Score {
    let mut s = Score {
        groups,
        planted: planted.len(),
        ..Score::default()
    };
    let findings = report["findings"].as_array().cloned().unwrap_or_default();
    let mut explained = vec![false; findings.len()];
    // Findings by the group of their first claim: a planted discrepancy is looked for in its
    // own group only.
    let mut by_group: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for (k, f) in findings.iter().enumerate() {
        let (g, _) = group_file(f["claims"][0]["path"].as_str().unwrap_or_default());
        by_group.entry(g).or_default().push(k);
    }
    for p in planted {
        let e = s.by_category.entry(p.category.to_string()).or_default();
        e.0 += 1;
        let mut hit = false;
        for &k in by_group.get(&p.group).map_or(&[][..], Vec::as_slice) {
            let f = &findings[k];
            let claims = f["claims"].as_array().cloned().unwrap_or_default();
            // The planted claim (side b) against the fact as any other document of the group
            // states it (side a is one of them).
            let both = side_matches(&claims, &p.group, Some(&p.b.0), "", &p.b.1)
                && side_matches(&claims, &p.group, None, &p.b.0, &p.a.1);
            if both {
                explained[k] = true;
                if f["category"] == p.category {
                    hit = true;
                }
            }
        }
        if hit {
            s.found += 1;
            e.1 += 1;
        } else {
            s.missed
                .push(format!("{} {} {:?} / {:?}", p.group, p.category, p.a, p.b));
        }
    }
    for (k, f) in findings.iter().enumerate() {
        if explained[k] {
            continue;
        }
        let texts: Vec<String> = f["claims"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|c| {
                        format!(
                            "{}:{}",
                            c["path"].as_str().unwrap_or_default(),
                            c["text"].as_str().unwrap_or_default()
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let line = format!(
            "{} {} {}",
            f["severity"].as_str().unwrap_or_default(),
            f["rule"].as_str().unwrap_or_default(),
            texts.join(" | ")
        );
        if f["severity"] == "note" {
            s.stray_notes += 1;
        } else {
            s.false_alarms += 1;
        }
        s.alarms.push(line);
    }
    s
}
