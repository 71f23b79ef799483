//! `#[programs]`, the lesson kit's attribute on a lesson's `programs()`:
//! it writes one snapshot test per program. Lessons use it as
//! `#[lesson_kit::programs]`; the kit documents it.
//!
//! The attribute reads the program names where authors write them, as the
//! string literal that opens `Program::new("name", ..)` in the function's
//! body (the same rule as
//! xtask's tidy check), so no name is written twice. A generated test
//! checks the names it read against what `programs()` returns when run.
//! Std only (no `syn`), to keep the kit cheap to build.

use proc_macro::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

mod instrument;

/// See `lesson_kit::lane`.
#[proc_macro_attribute]
pub fn lane(attr: TokenStream, item: TokenStream) -> TokenStream {
    instrument::lane(attr, item)
}

/// See `lesson_kit::main`.
#[proc_macro_attribute]
pub fn main(attr: TokenStream, item: TokenStream) -> TokenStream {
    instrument::main(attr, item)
}

/// See `lesson_kit::programs`.
#[proc_macro_attribute]
pub fn programs(attr: TokenStream, item: TokenStream) -> TokenStream {
    let mut out = item.clone();
    match tests(attr, item) {
        Ok(tests) => out.extend(tests),
        Err((span, message)) => out.extend(compile_error(span, &message)),
    }
    out
}

type Error = (Span, String);

/// The test module for the function `item`.
fn tests(attr: TokenStream, item: TokenStream) -> Result<TokenStream, Error> {
    if let Some(extra) = attr.into_iter().next() {
        return Err((
            extra.span(),
            "#[lesson_kit::programs] takes no arguments".to_string(),
        ));
    }
    let (function, body) = function_and_body(item)?;
    let mut found = Vec::new();
    program_names(body.stream(), &mut found);
    if found.is_empty() {
        return Err((
            body.span(),
            format!(
                "#[lesson_kit::programs] found no program in `{function}()`: name each one with a string literal, \
                 as in `Program::new(\"name\", \"title\", module::program)`"
            ),
        ));
    }
    let mut names = Vec::new();
    let mut tests = String::new();
    for (name, span) in &found {
        let test = test_name(name).map_err(|message| (*span, message))?;
        if let Some((other, _)) = names.iter().find(|(_, t)| *t == test) {
            let message = if other == name {
                format!("two programs are named {name:?}: each needs its own name (its snapshot's)")
            } else {
                format!(
                    "programs {other:?} and {name:?} would both be tested as `{test}`: rename one"
                )
            };
            return Err((*span, message));
        }
        tests.push_str(&format!(
            "#[test]\n\
             fn {test}() {{\n\
                 let programs = super::{function}();\n\
                 ::lesson_kit::__snapshot_test!(::lesson_kit::program_named(&programs, {name:?}));\n\
             }}\n"
        ));
        names.push((name.clone(), test));
    }
    let listed: Vec<String> = names.iter().map(|(n, _)| format!("{n:?}")).collect();
    let code = format!(
        "#[cfg(test)]\n\
         mod programs {{\n\
             //! One snapshot test per program of `{function}()`, written by `#[lesson_kit::programs]`.\n\
             \n\
             /// The programs `#[lesson_kit::programs]` read in `{function}()`, in order.\n\
             const TESTED: &[&str] = &[{listed}];\n\
             \n\
             #[test]\n\
             fn every_program_has_a_test() {{\n\
                 ::lesson_kit::check_every_program_tested(&super::{function}(), TESTED);\n\
             }}\n\
             \n\
             #[test]\n\
             fn no_stray_timelines() {{\n\
                 ::lesson_kit::__no_stray_timelines!(&super::{function}());\n\
             }}\n\
             \n\
             {attempt}\
             {tests}\
         }}\n",
        listed = listed.join(", "),
        attempt = attempt(&function),
    );
    code.parse().map_err(|e| {
        (
            Span::call_site(),
            format!("#[lesson_kit::programs] wrote code that does not parse ({e}); this is the kit's bug"),
        )
    })
}

/// The reader's attempt at a fix exercise, compiled only with the lesson's
/// `attempt` feature: `cargo xtask exercise <name>` sets `LESSON_ATTEMPT`
/// to the attempt's file and `LESSON_EXERCISE` to its name. (`option_env!`
/// makes cargo rebuild when either changes; `#[path]`, when the file does.)
fn attempt(function: &str) -> String {
    let module = match std::env::var("LESSON_ATTEMPT") {
        Ok(path) if !path.is_empty() => {
            format!("#[cfg(feature = \"attempt\")]\n#[path = {path:?}]\nmod attempt;\n")
        }
        _ => String::new(),
    };
    let run = if module.is_empty() {
        "panic!(\"no attempt to check: run `cargo xtask exercise <name>`, which sets LESSON_ATTEMPT\")".to_string()
    } else {
        format!(
            "match option_env!(\"LESSON_EXERCISE\") {{\n\
                 Some(name) => ::lesson_kit::exercise::check_attempt(&super::{function}(), name, attempt::program),\n\
                 None => panic!(\"LESSON_EXERCISE is not set: run `cargo xtask exercise <name>`\"),\n\
             }}"
        )
    };
    format!(
        "{module}\
         /// The reader's attempt at a fix exercise: `cargo xtask exercise <name>`.\n\
         #[cfg(feature = \"attempt\")]\n\
         #[test]\n\
         fn exercise_attempt() {{\n\
             const _: Option<&str> = option_env!(\"LESSON_ATTEMPT\");\n\
             {run}\n\
         }}\n\
         \n"
    )
}

/// The function's name and its body, `{ .. }`.
fn function_and_body(item: TokenStream) -> Result<(String, Group), Error> {
    let tokens: Vec<TokenTree> = item.into_iter().collect();
    let name = tokens.windows(2).find_map(|pair| match pair {
        [TokenTree::Ident(f), TokenTree::Ident(name)] if f.to_string() == "fn" => {
            Some(name.to_string())
        }
        _ => None,
    });
    let body = tokens.iter().rev().find_map(|t| match t {
        TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => Some(g.clone()),
        _ => None,
    });
    match (name, body) {
        (Some(name), Some(body)) => Ok((name, body)),
        _ => Err((
            Span::call_site(),
            "#[lesson_kit::programs] goes on a lesson's `pub fn programs() -> Vec<Program> { .. }`"
                .to_string(),
        )),
    }
}

/// Every `Program::<constructor>("name"` in `stream`, in order, with the
/// span of the name.
fn program_names(stream: TokenStream, found: &mut Vec<(String, Span)>) {
    let tokens: Vec<TokenTree> = stream.into_iter().collect();
    for (i, token) in tokens.iter().enumerate() {
        if let [
            TokenTree::Ident(program),
            TokenTree::Punct(colon),
            TokenTree::Punct(colon2),
            TokenTree::Ident(_),
            TokenTree::Group(args),
            ..,
        ] = &tokens[i..]
            && program.to_string() == "Program"
            && colon.as_char() == ':'
            && colon.spacing() == Spacing::Joint
            && colon2.as_char() == ':'
            && args.delimiter() == Delimiter::Parenthesis
            && let Some(TokenTree::Literal(literal)) = args.stream().into_iter().next()
            && let Some(name) = string_value(&literal)
        {
            found.push((name, literal.span()));
        }
        if let TokenTree::Group(group) = token {
            program_names(group.stream(), found);
        }
    }
}

/// The text of a plain string literal (`"select-loop"`); names need no
/// escapes, and a literal with one is left to the name check.
fn string_value(literal: &Literal) -> Option<String> {
    let text = literal.to_string();
    let inner = text.strip_prefix('"')?.strip_suffix('"')?;
    Some(inner.to_string())
}

/// Rust's keywords, which cannot name a test function.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// The tests the module has besides the programs'.
const OWN_TESTS: &[&str] = &[
    "every_program_has_a_test",
    "no_stray_timelines",
    "exercise_attempt",
    "attempt",
];

/// The test function for program `name`: `select-loop` is tested by
/// `select_loop`, so `cargo test select_loop` runs it.
fn test_name(name: &str) -> Result<String, String> {
    let test = name.replace('-', "_");
    let valid = test.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && test.starts_with(|c: char| c.is_ascii_alphabetic())
        && !name.contains('_');
    if !valid {
        return Err(format!(
            "program name {name:?} is not kebab-case (`select-loop`): its test, snapshot and Python file are named after it"
        ));
    }
    if KEYWORDS.contains(&test.as_str()) || OWN_TESTS.contains(&test.as_str()) {
        return Err(format!(
            "program name {name:?} cannot name its test `{test}` (a Rust keyword, or a test the module already has): choose another name"
        ));
    }
    Ok(test)
}

/// `compile_error!("message")`, pointing at `span`.
fn compile_error(span: Span, message: &str) -> TokenStream {
    let tokens = [
        TokenTree::Ident(Ident::new("compile_error", span)),
        TokenTree::Punct(Punct::new('!', Spacing::Alone)),
        TokenTree::Group(Group::new(
            Delimiter::Parenthesis,
            TokenTree::Literal(Literal::string(message)).into(),
        )),
        TokenTree::Punct(Punct::new(';', Spacing::Alone)),
    ];
    tokens
        .into_iter()
        .map(|mut t| {
            t.set_span(span);
            t
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::test_name;

    #[test]
    fn program_names_become_test_names() {
        assert_eq!(test_name("race").as_deref(), Ok("race"));
        assert_eq!(
            test_name("select-loop-reset").as_deref(),
            Ok("select_loop_reset")
        );
        assert_eq!(test_name("try-join-all").as_deref(), Ok("try_join_all"));
        for bad in ["", "2-fast", "-x", "a b", "snake_case", "über", "a\\\"b"] {
            let error = test_name(bad).expect_err(bad);
            assert!(error.contains("kebab-case"), "{bad:?}: {error}");
        }
        for taken in [
            "loop",
            "async",
            "every-program-has-a-test",
            "no-stray-timelines",
        ] {
            let error = test_name(taken).expect_err(taken);
            assert!(error.contains("choose another name"), "{taken:?}: {error}");
        }
    }
}
