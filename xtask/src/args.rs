//! The one argument parser of `cargo xtask`, std only: each command
//! declares its positionals, flags and options in a [`Spec`], and
//! [`parse`] accepts exactly that and rejects everything else (an unknown
//! flag, a missing value, a flag given a value, an option given twice, a
//! missing or extra positional) with one line that names the fix.
//!
//! Accepted forms: `--option value`, `--option=value`, `--flag`, and `--`
//! after which every argument is a positional (for a value that starts
//! with `-`). A value cannot start with `--` unless written `--option=...`.

/// What a command takes.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// The command's name, for messages: `new-lesson`.
    pub command: &'static str,
    /// Required positionals, in order, as usage shows them: `<slug>`.
    pub positionals: &'static [&'static str],
    /// Flags, which take no value: `--open`.
    pub flags: &'static [&'static str],
    /// Options and the name of their value: `("--port", "N")`.
    pub options: &'static [(&'static str, &'static str)],
}

impl Spec {
    /// `cargo xtask serve [--port N] [--open]`.
    pub fn usage(&self) -> String {
        let mut out = format!("cargo xtask {}", self.command);
        for p in self.positionals {
            out.push(' ');
            out.push_str(p);
        }
        for (option, value) in self.options {
            out.push_str(&format!(" [{option} {value}]"));
        }
        for flag in self.flags {
            out.push_str(&format!(" [{flag}]"));
        }
        out
    }

    fn usage_hint(&self) -> String {
        format!("usage: `{}` (see `cargo xtask help`).", self.usage())
    }
}

/// What [`parse`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Args {
    pub positionals: Vec<String>,
    pub flags: Vec<&'static str>,
    pub options: Vec<(&'static str, String)>,
}

impl Args {
    pub fn flag(&self, flag: &str) -> bool {
        self.flags.contains(&flag)
    }

    pub fn option(&self, option: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(o, _)| *o == option)
            .map(|(_, v)| v.as_str())
    }
}

/// Parses `args` (the words after the command) by `spec`.
pub fn parse(spec: &Spec, args: &[String]) -> Result<Args, String> {
    let mut parsed = Args::default();
    let mut only_positionals = false;
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        if only_positionals || !arg.starts_with('-') || arg == "-" {
            if parsed.positionals.len() == spec.positionals.len() {
                return Err(if spec.positionals.is_empty() {
                    format!(
                        "`cargo xtask {}` takes no argument like `{arg}`; {}",
                        spec.command,
                        spec.usage_hint()
                    )
                } else {
                    format!(
                        "`cargo xtask {}` takes {} argument(s), and `{arg}` is one too many (quote a value with spaces); {}",
                        spec.command,
                        spec.positionals.len(),
                        spec.usage_hint()
                    )
                });
            }
            parsed.positionals.push(arg.clone());
            continue;
        }
        if arg == "--" {
            only_positionals = true;
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (arg.as_str(), None),
        };
        if let Some(flag) = spec.flags.iter().find(|f| **f == name) {
            if inline.is_some() {
                return Err(format!(
                    "`{flag}` takes no value, but was given `{arg}`; write `{flag}` alone, {}",
                    spec.usage_hint()
                ));
            }
            if parsed.flag(flag) {
                return Err(format!("`{flag}` is given twice; give it once."));
            }
            parsed.flags.push(flag);
        } else if let Some((option, value_name)) = spec.options.iter().find(|(o, _)| *o == name) {
            if parsed.option(option).is_some() {
                return Err(format!("`{option}` is given twice; give it once."));
            }
            let value = match inline {
                Some(v) => v,
                None if i < args.len() && !args[i].starts_with("--") => {
                    i += 1;
                    args[i - 1].clone()
                }
                None => {
                    return Err(format!(
                        "`{option}` needs a value, as in `{option} {value_name}` (or `{option}=...` for one that starts with `--`); {}",
                        spec.usage_hint()
                    ));
                }
            };
            parsed.options.push((option, value));
        } else {
            return Err(format!(
                "`cargo xtask {}` has no option `{name}`; {}",
                spec.command,
                spec.usage_hint()
            ));
        }
    }
    if let Some(missing) = spec.positionals.get(parsed.positionals.len()) {
        return Err(format!(
            "`cargo xtask {}` needs {missing}; {}",
            spec.command,
            spec.usage_hint()
        ));
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: Spec = Spec {
        command: "demo",
        positionals: &["<slug>"],
        flags: &["--open"],
        options: &[("--port", "N"), ("--title", "T")],
    };

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn what_the_spec_declares_is_accepted() {
        let cases: &[(&[&str], Args)] = &[
            (
                &["a"],
                Args {
                    positionals: args(&["a"]),
                    ..Args::default()
                },
            ),
            (
                &["--port", "8", "a", "--open"],
                Args {
                    positionals: args(&["a"]),
                    flags: vec!["--open"],
                    options: vec![("--port", "8".into())],
                },
            ),
            (
                &["--title=--x", "a"],
                Args {
                    positionals: args(&["a"]),
                    options: vec![("--title", "--x".into())],
                    ..Args::default()
                },
            ),
            (
                &["--title", "A title", "--", "-a"],
                Args {
                    positionals: args(&["-a"]),
                    options: vec![("--title", "A title".into())],
                    ..Args::default()
                },
            ),
            (
                &["--title", "", "a"],
                Args {
                    positionals: args(&["a"]),
                    options: vec![("--title", String::new())],
                    ..Args::default()
                },
            ),
        ];
        for (words, expected) in cases {
            assert_eq!(&parse(&SPEC, &args(words)).unwrap(), expected, "{words:?}");
        }
    }

    #[test]
    fn everything_else_is_refused_with_the_fix() {
        let usage = "usage: `cargo xtask demo <slug> [--port N] [--title T] [--open]`";
        let cases: &[(&[&str], &str)] = &[
            (
                &["a", "--blss"],
                "`cargo xtask demo` has no option `--blss`",
            ),
            (&["a", "-x"], "has no option `-x`"),
            (&["a", "--port"], "`--port` needs a value, as in `--port N`"),
            (&["a", "--port", "--open"], "`--port` needs a value"),
            (&["a", "--open=yes"], "`--open` takes no value"),
            (&["a", "--open", "--open"], "`--open` is given twice"),
            (&["a", "--port", "1", "--port=2"], "`--port` is given twice"),
            (&["a", "b"], "takes 1 argument(s), and `b` is one too many"),
            (&[], "`cargo xtask demo` needs <slug>"),
            (&["--open"], "needs <slug>"),
        ];
        for (words, expected) in cases {
            let message = parse(&SPEC, &args(words)).expect_err(&format!("{words:?} was accepted"));
            assert!(
                message.contains(expected),
                "{words:?}: {message:?} does not say {expected:?}"
            );
            assert!(
                message.lines().count() == 1 && message.ends_with('.'),
                "{words:?}: {message:?} is not one line ending with a full stop"
            );
            if !message.contains("given twice") {
                assert!(
                    message.contains(usage),
                    "{words:?}: {message:?} lacks the usage"
                );
            }
        }
        let none = Spec {
            command: "check",
            positionals: &[],
            flags: &[],
            options: &[],
        };
        assert_eq!(
            parse(&none, &args(&["now"])).unwrap_err(),
            "`cargo xtask check` takes no argument like `now`; usage: `cargo xtask check` (see `cargo xtask help`)."
        );
    }
}
