//! The `crosscheck` binary: arguments -> library -> reporter -> exit code. Thin on purpose.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crosscheck::baseline::Baseline;
use crosscheck::check;
use crosscheck::config::{self, Config};
use crosscheck::finding::Severity;
use crosscheck::input::{self, LoadOptions, Loaded};
use crosscheck::lexicon::Lexicon;
use crosscheck::report;
use crosscheck::rules::RuleSet;
use crosscheck::timing;

/// mimalloc rather than the system allocator: the pipeline allocates many small strings and
/// vectors on every thread, where glibc's malloc spent a fifth of the instructions. It costs
/// memory: peak RSS at 100,000 documents 849 MB against 666 MB.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Reports where documents about the same story disagree on numbers and dates"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compare the claims of a document set and report discrepancies.
    Check(CheckArgs),
    /// Print the claims found in each document.
    Extract(ExtractArgs),
    /// List the rules in force (built-in, --rules folders, configuration).
    Rules(RulesArgs),
    /// Explain one rule, with an example of what it flags.
    Explain(ExplainArgs),
}

#[derive(clap::Args)]
struct ConfigArgs {
    /// Use FILE instead of the crosscheck.toml found by searching upward.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Read no configuration file.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
}

impl ConfigArgs {
    /// The configuration in force, searched upward from `first` (the first checked path).
    fn load(&self, first: Option<&std::path::Path>) -> anyhow::Result<Config> {
        if self.no_config {
            return Ok(Config::default());
        }
        let config = config::discover(self.config.as_deref(), first)?;
        for w in &config.warnings {
            eprintln!("crosscheck: warning: {w}");
        }
        Ok(config)
    }
}

#[derive(clap::Args)]
struct RulesArgs {
    /// Add the rules in DIR (one TOML file per rule) to the built-in ones.
    #[arg(long, value_name = "DIR")]
    rules: Vec<PathBuf>,
    #[command(flatten)]
    config: ConfigArgs,
}

#[derive(clap::Args)]
struct ExplainArgs {
    /// The rule id.
    rule: String,
    /// Add the rules in DIR (one TOML file per rule) to the built-in ones.
    #[arg(long, value_name = "DIR")]
    rules: Vec<PathBuf>,
    #[command(flatten)]
    config: ConfigArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum GroupBy {
    /// All documents form one story set (JSON Lines `group` still applies).
    None,
    /// Only documents in the same directory are compared.
    Dir,
}

#[derive(clap::Args)]
struct InputArgs {
    /// Files or directories (.txt, .md, .markdown, .html, .htm); `-` for standard input.
    paths: Vec<PathBuf>,
    /// Read JSON Lines documents ({"id", "text", "date", "group"}) from FILE (`-`: stdin).
    #[arg(long, value_name = "FILE")]
    jsonl: Option<PathBuf>,
    /// The date (YYYY-MM-DD) that anchors relative expressions in documents with no date.
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// Skip (with an error: the check is incomplete) documents larger than SIZE (16M, 1G, ...).
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = input::parse_size)]
    max_file_size: u64,
    #[command(flatten)]
    config: ConfigArgs,
}

impl InputArgs {
    /// The configuration, searched upward from the first checked path.
    fn config(&self) -> anyhow::Result<Config> {
        let first = self.paths.first().or(self.jsonl.as_ref());
        self.config.load(first.map(PathBuf::as_path))
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// A short block per finding: the two claims in their lines and why.
    Human,
    /// One line per finding: `path:line:col: severity[rule] message (other path:line:col)`.
    Concise,
    Json,
    Sarif,
    Github,
    Markdown,
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Note,
    Never,
}

#[derive(clap::Args)]
struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: CheckFormat,
    /// The lowest severity that makes check exit 1 [default: error, or the configuration's].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Add the rules in DIR (one TOML file per rule) to the built-in ones.
    #[arg(long, value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Run only these rules (comma-separated ids, `all` for every rule); replaces the
    /// configuration's `select`.
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    select: Vec<String>,
    /// Do not run these rules (comma-separated ids); added to the configuration's `ignore`.
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Which documents are compared with each other [default: none, or the configuration's].
    #[arg(long, value_enum)]
    group_by: Option<GroupBy>,
    /// Also compare claims within one document.
    #[arg(long)]
    self_consistency: bool,
    /// Colour in the human report.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// Print only the summary line (human and concise formats).
    #[arg(long, short)]
    quiet: bool,
    /// Human format: show every claim in its sentence, the alignment evidence and a word diff.
    #[arg(long, short, visible_alias = "show-evidence")]
    verbose: bool,
    /// Report only the findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in FILE (written atomically) and report nothing else.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Write the report to FILE (atomically: a temporary file, then a rename) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Check the claims files written by `extract --format jsonl --context` (the reduce step of
    /// a sharded run) instead of reading documents; `-` for standard input.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    claims: Vec<PathBuf>,
    /// Check the given paths (drafts) against the sources in PATH: only findings between a draft
    /// and a source are reported, and a draft's superseded running figure is a warning.
    #[arg(long, value_name = "PATH")]
    against: Vec<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    Human,
    Jsonl,
}

#[derive(clap::Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: ExtractFormat,
    /// With `--format jsonl`: write a claims file for `check --claims`, each document's claims
    /// preceded by a record of what alignment and reports need of the document.
    #[arg(long)]
    context: bool,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // Each cause once: an error that already quotes its source is not followed by it.
            let mut message = e.to_string();
            for cause in e.chain().skip(1) {
                let c = cause.to_string();
                if !message.contains(&c) {
                    message = format!("{message}: {c}");
                }
            }
            eprintln!("crosscheck: {message}");
            ExitCode::from(2)
        }
    }
}

fn load(args: &InputArgs, config: &Config) -> anyhow::Result<Loaded> {
    let as_of =
        match &args.as_of {
            Some(s) => Some(s.parse::<jiff::civil::Date>().map_err(|_| {
                anyhow::anyhow!("--as-of: expected a date as YYYY-MM-DD, found {s:?}")
            })?),
            None => None,
        };
    let opts = LoadOptions {
        as_of,
        max_document_bytes: args.max_file_size,
    };
    let mut loaded = Loaded::default();
    if let Some(j) = &args.jsonl {
        let l = input::load_jsonl(j, &opts);
        loaded.documents.extend(l.documents);
        loaded.errors.extend(l.errors);
    }
    if !args.paths.is_empty() || args.jsonl.is_none() {
        let paths = if args.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            args.paths.clone()
        };
        let l = input::load_paths_filtered(&paths, &opts, &|p| config.filter.allows(p));
        // Moved whole when nothing came before (documents are large: no copy of them all).
        if loaded.documents.is_empty() {
            loaded.documents = l.documents;
        } else {
            loaded.documents.extend(l.documents);
        }
        loaded.errors.extend(l.errors);
    }
    relative_paths(&mut loaded, args.jsonl.is_some());
    for e in &loaded.errors {
        let label = if e.fatal { "error" } else { "warning" };
        eprintln!("crosscheck: {label}: {}: {}", e.path, e.message);
    }
    Ok(loaded)
}

/// Paths below the working directory are reported relative to it (JSON Lines ids are left
/// alone).
fn relative_paths(loaded: &mut Loaded, jsonl: bool) {
    let Ok(cwd) = std::env::current_dir() else {
        return;
    };
    if !jsonl {
        for d in &mut loaded.documents {
            d.id = crosscheck::editor::relative_to(&d.id, &cwd);
        }
    }
    for e in &mut loaded.errors {
        e.path = crosscheck::editor::relative_to(&e.path, &cwd);
    }
}

/// The sources of `--against`: every document under `paths` that is not also a draft.
fn load_sources(
    paths: &[PathBuf],
    args: &InputArgs,
    config: &Config,
    drafts: &[crosscheck::document::Document],
) -> Loaded {
    let as_of = match &args.as_of {
        Some(s) => s.parse::<jiff::civil::Date>().ok(),
        None => None,
    };
    let opts = LoadOptions {
        as_of,
        max_document_bytes: args.max_file_size,
    };
    let mut l = input::load_paths_filtered(paths, &opts, &|p| config.filter.allows(p));
    relative_paths(&mut l, false);
    l.documents.retain(|s| !drafts.iter().any(|d| d.id == s.id));
    for e in &l.errors {
        let label = if e.fatal { "error" } else { "warning" };
        eprintln!("crosscheck: {label}: {}: {}", e.path, e.message);
    }
    l
}

/// The built-in rules, the configuration's `rules_dirs`, then `--rules` folders (a later rule
/// with the same id replaces an earlier one); the configuration's overrides are not applied.
fn load_rules(dirs: &[PathBuf], config: &Config) -> anyhow::Result<RuleSet> {
    let mut rules = RuleSet::builtin();
    for d in config.rules_dirs.iter().chain(dirs) {
        rules.add_dir(d)?;
    }
    Ok(rules)
}

/// `load_rules` with the configuration's overrides and `disable` list applied.
fn configured_rules(dirs: &[PathBuf], config: &Config) -> anyhow::Result<RuleSet> {
    let mut rules = load_rules(dirs, config)?;
    config.apply(&mut rules)?;
    Ok(rules)
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Rules(args) => {
            let config = args.config.load(None)?;
            let rules = configured_rules(&args.rules, &config)?;
            for r in &rules.rules {
                println!(
                    "{:<30} {:<10} {:<8} {:<10} {}",
                    r.id,
                    r.category.as_str(),
                    r.severity.as_str(),
                    r.origin,
                    r.summary
                );
            }
            Ok(0)
        }
        Command::Explain(args) => {
            let config = args.config.load(None)?;
            let all = load_rules(&args.rules, &config)?;
            let rules = configured_rules(&args.rules, &config)?;
            // A rule the configuration disables is still explained, with its own settings.
            let Some(r) = rules.get(&args.rule).or_else(|| all.get(&args.rule)) else {
                let known: Vec<&str> = all.rules.iter().map(|r| r.id.as_str()).collect();
                eprintln!(
                    "crosscheck: unknown rule {:?}{}; known rules: {}",
                    args.rule,
                    crosscheck::error::did_you_mean(&args.rule, known.iter().copied()),
                    known.join(", ")
                );
                return Ok(2);
            };
            println!(
                "{} ({}, {}; {})",
                r.id,
                r.category.as_str(),
                r.severity.as_str(),
                r.origin
            );
            println!("{}\n", r.summary);
            println!("{}", r.description.trim());
            for e in &r.examples {
                println!("\nExample ({}):\n  a: {}\n  b: {}", e.expect, e.a, e.b);
            }
            Ok(0)
        }
        Command::Extract(args) => {
            let config = args.input.config()?;
            let loaded = load(&args.input, &config)?;
            let incomplete = loaded.errors.iter().any(|e| e.fatal) || loaded.documents.is_empty();
            let lexicon = Lexicon::builtin();
            let claims = check::extract_all(&loaded.documents, lexicon);
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            if args.context {
                if args.format != ExtractFormat::Jsonl {
                    eprintln!("crosscheck: --context needs --format jsonl");
                    return Ok(2);
                }
                let profiles = check::profiles(&loaded.documents, lexicon);
                let mut start = 0;
                for (d, doc) in loaded.documents.iter().enumerate() {
                    let end = start + claims[start..].iter().take_while(|c| c.doc == d).count();
                    let own = &claims[start..end];
                    let record = input::claims::document_record(doc, own, &profiles[d]);
                    serde_json::to_writer(&mut out, &record)?;
                    writeln!(out)?;
                    for c in own {
                        serde_json::to_writer(&mut out, &input::claims::claim_record(doc, c))?;
                        writeln!(out)?;
                    }
                    start = end;
                }
                out.flush()?;
                if loaded.documents.is_empty() {
                    eprintln!("crosscheck: no document to read");
                }
                return Ok(if incomplete { 2 } else { 0 });
            }
            for c in &claims {
                let d = &loaded.documents[c.doc];
                match args.format {
                    ExtractFormat::Jsonl => {
                        let v = c.to_json(d, "doc");
                        serde_json::to_writer(&mut out, &v)?;
                        writeln!(out)?;
                    }
                    ExtractFormat::Human => {
                        // One aligned row a claim: where, what kind, the text as written, and
                        // what crosscheck understood it to mean.
                        let (line, col) = d.line_col(c.span.start);
                        let at = format!("{}:{line}:{col}", d.id);
                        let text: String = d.text(c.span).replace('\n', " ");
                        writeln!(
                            out,
                            "{at:<44} {:<9} {:<34} {}",
                            c.kind.as_str(),
                            format!("{text:?}"),
                            report::human::value_words(c)
                        )?;
                    }
                }
            }
            out.flush()?;
            if loaded.documents.is_empty() {
                eprintln!("crosscheck: no document to read");
            }
            Ok(if incomplete { 2 } else { 0 })
        }
        Command::Check(args) => {
            // The configuration and the rules come first: an invalid one stops the run before
            // any input is read.
            let t = std::time::Instant::now();
            let mut config = args.input.config()?;
            config.with_selection(&args.select, &args.ignore);
            let rules = configured_rules(&args.rules, &config)?;
            let t = timing::stage("configuration and rules", t);
            let baseline = match &args.baseline {
                Some(b) => Some(Baseline::load(b)?),
                None => None,
            };
            if !args.against.is_empty() && args.input.paths.is_empty() && args.input.jsonl.is_none()
            {
                eprintln!("crosscheck: --against needs the draft to check, as a path");
                return Ok(2);
            }
            let claims_mode = !args.claims.is_empty();
            if claims_mode
                && (!args.input.paths.is_empty()
                    || args.input.jsonl.is_some()
                    || !args.against.is_empty())
            {
                eprintln!("crosscheck: --claims takes the place of paths, --jsonl and --against");
                return Ok(2);
            }
            // The built-in vocabularies are parsed while the inputs are read (the main thread
            // only waits for the readers then).
            std::thread::spawn(|| {
                let _ = Lexicon::builtin();
            });
            let mut loaded = if claims_mode {
                Loaded::default()
            } else {
                load(&args.input, &config)?
            };
            let t = timing::stage("load", t);
            let mut from_claims = claims_mode.then(|| input::load_claims(&args.claims));
            if let Some(ci) = &mut from_claims {
                for e in &ci.errors {
                    eprintln!("crosscheck: error: {}: {}", e.path, e.message);
                }
                loaded.errors.append(&mut ci.errors);
            }
            if loaded.documents.is_empty()
                && from_claims.as_ref().is_none_or(|c| c.documents.is_empty())
            {
                eprintln!("crosscheck: no document to check");
                return Ok(2);
            }
            // With --against the drafts come first, then the sources.
            let drafts = loaded.documents.len();
            if !args.against.is_empty() {
                let sources = load_sources(&args.against, &args.input, &config, &loaded.documents);
                loaded.documents.extend(sources.documents);
                loaded.errors.extend(sources.errors);
            }
            let incomplete = loaded.errors.iter().any(|e| e.fatal);
            let loaded_errors = loaded.errors.len();
            let started = std::time::Instant::now();
            let group_by = args.group_by.unwrap_or(match config.group_by {
                Some(config::GroupBy::Dir) => GroupBy::Dir,
                _ => GroupBy::None,
            });
            let opts = check::Options {
                self_consistency: args.self_consistency || config.self_consistency.unwrap_or(false),
                group_by_dir: group_by == GroupBy::Dir,
                // The HTML report shows every claim; the others need only the findings' claims.
                compact: args.format != CheckFormat::Html,
            };
            let folders: Vec<PathBuf> = config
                .rules_dirs
                .iter()
                .chain(&args.rules)
                .cloned()
                .collect();
            let lexicon = Lexicon::with_folders(&folders)?;
            let t = timing::stage("lexicon", t);
            let bar = crosscheck::progress::Bar::for_run(loaded.documents.len());
            let mut run = match (from_claims, &bar) {
                (Some(ci), _) => check::run_claims(ci, loaded.errors, &rules, &lexicon, &opts),
                (None, bar) => match bar {
                    Some(b) => check::run_with_progress(
                        loaded.documents,
                        loaded.errors,
                        &rules,
                        &lexicon,
                        &opts,
                        b,
                    ),
                    None => check::run(loaded.documents, loaded.errors, &rules, &lexicon, &opts),
                },
            };
            if let Some(b) = &bar {
                b.finish();
            }
            let t = timing::stage("run", t);
            if !args.against.is_empty() {
                let is_draft: Vec<bool> = (0..run.documents.len()).map(|d| d < drafts).collect();
                crosscheck::editor::against(&mut run, &is_draft);
            }
            // Input messages added by the run (unused suppressions) go to standard error too,
            // like those of loading.
            for e in run.errors.iter().skip(loaded_errors) {
                let label = if e.fatal { "error" } else { "warning" };
                eprintln!("crosscheck: {label}: {}: {}", e.path, e.message);
            }
            if let Some(path) = &args.write_baseline {
                let b = Baseline::of_run_for(&run, path);
                b.write(path)?;
                eprintln!(
                    "crosscheck: wrote {} finding{} to the baseline {}",
                    b.len(),
                    if b.len() == 1 { "" } else { "s" },
                    path.display()
                );
                return Ok(if incomplete { 2 } else { 0 });
            }
            if let (Some(b), Some(path)) = (&baseline, &args.baseline) {
                let fixed = b.filter_for(&mut run, path);
                if fixed > 0 {
                    eprintln!(
                        "crosscheck: note: {fixed} finding{} of the baseline {} no longer occur{}; \
                         rewrite it with --write-baseline",
                        if fixed == 1 { "" } else { "s" },
                        path.display(),
                        if fixed == 1 { "s" } else { "" }
                    );
                }
            }
            // The report's text; none for JSON (the format of large CI runs), which is written
            // as it is rendered.
            let text = match args.format {
                CheckFormat::Json => None,
                CheckFormat::Sarif => Some(format!("{:#}\n", report::sarif::report(&run, &rules))),
                CheckFormat::Github => Some(report::github::render(&run)),
                CheckFormat::Markdown => Some(report::markdown::render(&run)),
                CheckFormat::Html => Some(report::html::render(&run)),
                CheckFormat::Human | CheckFormat::Concise => {
                    let color = match args.color {
                        Color::Always => true,
                        Color::Never => false,
                        Color::Auto => {
                            args.output.is_none()
                                && std::io::IsTerminal::is_terminal(&std::io::stdout())
                                && std::env::var_os("NO_COLOR").is_none()
                        }
                    };
                    let opts = report::human::HumanOptions {
                        color,
                        quiet: args.quiet,
                        verbose: args.verbose,
                    };
                    let ms = started.elapsed().as_millis();
                    Some(if args.format == CheckFormat::Concise {
                        report::human::render_concise(&run, opts, ms)
                    } else {
                        report::human::render(&run, opts, ms)
                    })
                }
            };
            let t = timing::stage("render", t);
            let mut emit = |w: &mut dyn Write| -> std::io::Result<()> {
                match &text {
                    Some(t) => w.write_all(t.as_bytes()),
                    None => report::json::render_to(&run, w),
                }
            };
            if let Some(path) = &args.output {
                report::write_atomic_with(path, &mut emit).map_err(|e| {
                    anyhow::anyhow!("cannot write the report to {}: {e}", path.display())
                })?;
            } else {
                let stdout = std::io::stdout();
                let mut out = std::io::BufWriter::new(stdout.lock());
                emit(&mut out)?;
                out.flush()?;
            }
            let _ = timing::stage("write", t);
            let threshold = match args.fail_on {
                Some(FailOn::Error) => Some(Severity::Error),
                Some(FailOn::Warning) => Some(Severity::Warning),
                Some(FailOn::Note) => Some(Severity::Note),
                Some(FailOn::Never) => None,
                None => config.fail_on.unwrap_or(config::FailOn::Error).threshold(),
            };
            let failed = threshold.is_some_and(|t| run.findings.iter().any(|f| f.severity >= t));
            // The process ends here: freeing every document and finding one by one would only
            // delay the exit (milliseconds on a large run); the system takes the memory back.
            std::mem::forget(run);
            Ok(if incomplete { 2 } else { u8::from(failed) })
        }
    }
}
