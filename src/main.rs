//! The `crosscheck` binary: arguments -> library -> reporter -> exit code. Thin on purpose.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crosscheck::check;
use crosscheck::finding::Severity;
use crosscheck::input::{self, LoadOptions, Loaded};
use crosscheck::lexicon::Lexicon;
use crosscheck::report;
use crosscheck::rules::RuleSet;

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
    /// List the rules in force (built-in and --rules folders).
    Rules(RulesArgs),
    /// Explain one rule, with an example of what it flags.
    Explain(ExplainArgs),
}

#[derive(clap::Args)]
struct RulesArgs {
    /// Add the rules in DIR (one TOML file per rule) to the built-in ones.
    #[arg(long, value_name = "DIR")]
    rules: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct ExplainArgs {
    /// The rule id.
    rule: String,
    /// Add the rules in DIR (one TOML file per rule) to the built-in ones.
    #[arg(long, value_name = "DIR")]
    rules: Vec<PathBuf>,
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
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    Human,
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
    /// The lowest severity that makes check exit 1.
    #[arg(long, value_enum, default_value = "error")]
    fail_on: FailOn,
    /// Add the rules in DIR (one TOML file per rule) to the built-in ones.
    #[arg(long, value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Which documents are compared with each other.
    #[arg(long, value_enum, default_value = "none")]
    group_by: GroupBy,
    /// Also compare claims within one document.
    #[arg(long)]
    self_consistency: bool,
    /// Colour in the human report.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// Print only the summary line (human format).
    #[arg(long, short)]
    quiet: bool,
    /// Write the report to FILE (atomically: a temporary file, then a rename) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
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
            eprintln!("crosscheck: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn load(args: &InputArgs) -> anyhow::Result<Loaded> {
    let as_of =
        match &args.as_of {
            Some(s) => Some(s.parse::<jiff::civil::Date>().map_err(|_| {
                anyhow::anyhow!("--as-of: expected a date as YYYY-MM-DD, found {s:?}")
            })?),
            None => None,
        };
    let opts = LoadOptions { as_of };
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
        let l = input::load_paths(&paths, &opts);
        loaded.documents.extend(l.documents);
        loaded.errors.extend(l.errors);
    }
    for e in &loaded.errors {
        let label = if e.fatal { "error" } else { "warning" };
        eprintln!("crosscheck: {label}: {}: {}", e.path, e.message);
    }
    Ok(loaded)
}

fn load_rules(dirs: &[PathBuf]) -> anyhow::Result<RuleSet> {
    let mut rules = RuleSet::builtin();
    for d in dirs {
        rules.add_dir(d)?;
    }
    Ok(rules)
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Rules(args) => {
            let rules = load_rules(&args.rules)?;
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
            let rules = load_rules(&args.rules)?;
            let Some(r) = rules.get(&args.rule) else {
                let known: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
                eprintln!(
                    "crosscheck: unknown rule {:?}; known rules: {}",
                    args.rule,
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
            let loaded = load(&args.input)?;
            let incomplete = loaded.errors.iter().any(|e| e.fatal) || loaded.documents.is_empty();
            let lexicon = Lexicon::builtin();
            let claims = check::extract_all(&loaded.documents, lexicon);
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            for c in &claims {
                let d = &loaded.documents[c.doc];
                match args.format {
                    ExtractFormat::Jsonl => {
                        let v = report::json::claim_value(d, c, "doc");
                        writeln!(out, "{v}")?;
                    }
                    ExtractFormat::Human => {
                        let (line, col) = d.line_col(c.span.start);
                        writeln!(
                            out,
                            "{}:{line}:{col}\t{}\t{:?}\t{}",
                            d.id,
                            c.kind.as_str(),
                            d.text(c.span),
                            report::json::claim_value(d, c, "doc")
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
            let loaded = load(&args.input)?;
            if loaded.documents.is_empty() {
                eprintln!("crosscheck: no document to check");
                return Ok(2);
            }
            let incomplete = loaded.errors.iter().any(|e| e.fatal);
            let started = std::time::Instant::now();
            let rules = load_rules(&args.rules)?;
            let opts = check::Options {
                self_consistency: args.self_consistency,
                group_by_dir: args.group_by == GroupBy::Dir,
            };
            let run = check::run(
                loaded.documents,
                loaded.errors,
                &rules,
                Lexicon::builtin(),
                &opts,
            );
            let text = match args.format {
                CheckFormat::Json => format!("{}\n", report::json::report(&run)),
                CheckFormat::Sarif => format!("{:#}\n", report::sarif::report(&run, &rules)),
                CheckFormat::Github => report::github::render(&run),
                CheckFormat::Markdown => report::markdown::render(&run),
                CheckFormat::Html => report::html::render(&run),
                CheckFormat::Human => {
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
                    };
                    report::human::render(&run, opts, started.elapsed().as_millis())
                }
            };
            if let Some(path) = &args.output {
                report::write_atomic(path, text.as_bytes()).map_err(|e| {
                    anyhow::anyhow!("cannot write the report to {}: {e}", path.display())
                })?;
            } else {
                let stdout = std::io::stdout();
                let mut out = std::io::BufWriter::new(stdout.lock());
                out.write_all(text.as_bytes())?;
                out.flush()?;
            }
            let threshold = match args.fail_on {
                FailOn::Error => Some(Severity::Error),
                FailOn::Warning => Some(Severity::Warning),
                FailOn::Note => Some(Severity::Note),
                FailOn::Never => None,
            };
            let failed = threshold.is_some_and(|t| run.findings.iter().any(|f| f.severity >= t));
            Ok(if incomplete { 2 } else { u8::from(failed) })
        }
    }
}
