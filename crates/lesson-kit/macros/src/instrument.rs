//! `#[lane]` and `#[main]`: the instrumentation a lesson program carries
//! only in its tests, as hidden lines (`#[cfg_attr(test, lesson_kit::lane)]`),
//! so the listing a reader sees and runs on the Playground is plain tokio.
//!
//! - `#[lane]` / `#[lane(name)]` on a function puts each call of it on a
//!   lane of the timeline, named after the function or after `name` (an
//!   expression over its arguments, e.g. `#[lane(file)]` or
//!   `#[lane(format!("order {id}"))]`). An `async fn` becomes a `fn` that
//!   returns `impl Future`, so the lane starts where the call is made, as a
//!   future's life does; a plain `fn` runs in the lane.
//! - `#[main]` above `#[tokio::main(..)]` (or above a plain `fn main`) hands
//!   the body to the kit, which runs it the way `#[tokio::main]` would, but
//!   on the test's paused runtime and as the timeline's lane `main`.
//!
//! Both leave the function's signature and body as written, so a compiler
//! error points where it would without them.

use proc_macro::{Delimiter, Group, Ident, Span, TokenStream, TokenTree};

type Error = (Span, String);

/// A function item, split where the attributes rewrite it.
struct Function {
    /// Attributes, visibility and qualifiers, without `async`.
    head: Vec<TokenTree>,
    is_async: bool,
    name: Ident,
    /// Generics and the parameter list.
    signature: Vec<TokenTree>,
    /// The return type's tokens, without `->`.
    output: Option<Vec<TokenTree>>,
    /// `where ...`, if any.
    where_clause: Vec<TokenTree>,
    body: Group,
}

fn is_punct(t: &TokenTree, c: char) -> bool {
    matches!(t, TokenTree::Punct(p) if p.as_char() == c)
}

fn is_ident(t: &TokenTree, s: &str) -> bool {
    matches!(t, TokenTree::Ident(i) if i.to_string() == s)
}

fn parse(item: TokenStream, what: &str) -> Result<Function, Error> {
    let tokens: Vec<TokenTree> = item.into_iter().collect();
    let wrong = || {
        (
            Span::call_site(),
            format!("#[lesson_kit::{what}] goes on a function"),
        )
    };
    let Some(TokenTree::Group(body)) = tokens.last().cloned() else {
        return Err(wrong());
    };
    if body.delimiter() != Delimiter::Brace {
        return Err(wrong());
    }
    let fn_at = tokens
        .iter()
        .position(|t| is_ident(t, "fn"))
        .ok_or_else(wrong)?;
    let Some(TokenTree::Ident(name)) = tokens.get(fn_at + 1).cloned() else {
        return Err(wrong());
    };
    let is_async = tokens[..fn_at].iter().any(|t| is_ident(t, "async"));
    let head: Vec<TokenTree> = tokens[..fn_at]
        .iter()
        .filter(|t| !is_ident(t, "async"))
        .cloned()
        .collect();
    // Generics, then the parameters: the first `( .. )` outside `< .. >`.
    let rest = &tokens[fn_at + 2..tokens.len() - 1];
    let mut depth = 0i32;
    let mut params_end = None;
    for (i, t) in rest.iter().enumerate() {
        match t {
            TokenTree::Punct(p) if p.as_char() == '<' => depth += 1,
            TokenTree::Punct(p)
                if p.as_char() == '>' && !(i > 0 && is_punct(&rest[i - 1], '-')) =>
            {
                depth -= 1
            }
            TokenTree::Group(g) if g.delimiter() == Delimiter::Parenthesis && depth == 0 => {
                params_end = Some(i);
                break;
            }
            _ => {}
        }
    }
    let params_end = params_end.ok_or_else(wrong)?;
    let signature = rest[..=params_end].to_vec();
    let after = &rest[params_end + 1..];
    let where_at = after
        .iter()
        .position(|t| is_ident(t, "where"))
        .unwrap_or(after.len());
    let output = if after.len() >= 2 && is_punct(&after[0], '-') && is_punct(&after[1], '>') {
        Some(after[2..where_at].to_vec())
    } else if where_at == 0 {
        None
    } else {
        return Err(wrong());
    };
    Ok(Function {
        head,
        is_async,
        name,
        signature,
        output,
        where_clause: after[where_at..].to_vec(),
        body,
    })
}

fn code(text: &str) -> TokenStream {
    text.parse().expect("the kit's own code parses")
}

fn tokens(list: &[TokenTree]) -> TokenStream {
    list.iter().cloned().collect()
}

fn group(delimiter: Delimiter, stream: TokenStream) -> TokenTree {
    TokenTree::Group(Group::new(delimiter, stream))
}

/// The rewritten function: `head fn name signature -> output where { body }`.
fn assemble(f: &Function, output: Option<TokenStream>, body: TokenStream) -> TokenStream {
    let mut out = tokens(&f.head);
    out.extend(code("fn"));
    out.extend([TokenTree::Ident(f.name.clone())]);
    out.extend(tokens(&f.signature));
    if let Some(output) = output {
        out.extend(code("->"));
        out.extend(output);
    }
    out.extend(tokens(&f.where_clause));
    out.extend([group(Delimiter::Brace, body)]);
    out
}

fn compile_error(span: Span, message: &str) -> TokenStream {
    let mut error: TokenStream = format!("::core::compile_error!({message:?});")
        .parse()
        .expect("a compile_error parses");
    error = error
        .into_iter()
        .map(|mut t| {
            t.set_span(span);
            t
        })
        .collect();
    error
}

/// See the module docs and `lesson_kit::lane`.
pub fn lane(attr: TokenStream, item: TokenStream) -> TokenStream {
    let f = match parse(item, "lane") {
        Ok(f) => f,
        Err((span, message)) => return compile_error(span, &message),
    };
    let name = if attr.is_empty() {
        let name = f.name.to_string();
        format!("{:?}", name.trim_start_matches("r#"))
            .parse::<TokenStream>()
            .expect("a string literal parses")
    } else {
        attr
    };
    let lane_name = Ident::new("__lane_name", Span::mixed_site());
    let mut body = code("let");
    body.extend([TokenTree::Ident(lane_name.clone())]);
    body.extend(code("= ::std::string::ToString::to_string"));
    let mut arg = code("&");
    arg.extend([group(Delimiter::Parenthesis, name)]);
    body.extend([group(Delimiter::Parenthesis, arg)]);
    body.extend(code(";"));
    if f.is_async {
        // `fn f(..) -> impl Future { Lane::lane(async move { body }, name) }`:
        // the future, and its lane, exist from the call on.
        let mut args = code("async move");
        args.extend([TokenTree::Group(f.body.clone())]);
        args.extend(code(","));
        args.extend([TokenTree::Ident(lane_name)]);
        body.extend(code("::lesson_kit::Lane::lane"));
        body.extend([group(Delimiter::Parenthesis, args)]);
        let mut output = code("impl ::core::future::Future<Output =");
        output.extend(
            f.output
                .as_deref()
                .map(tokens)
                .unwrap_or_else(|| code("()")),
        );
        output.extend(code(">"));
        assemble(&f, Some(output), body)
    } else {
        let mut args: TokenStream = [TokenTree::Ident(lane_name)].into_iter().collect();
        args.extend(code(", move ||"));
        args.extend([TokenTree::Group(f.body.clone())]);
        body.extend(code("::lesson_kit::lane"));
        body.extend([group(Delimiter::Parenthesis, args)]);
        assemble(&f, f.output.as_deref().map(tokens), body)
    }
}

/// The runtime `#[tokio::main(..)]` asks for, as the kit's `Flavor`.
fn flavor(args: &TokenStream) -> Result<String, Error> {
    let text = args.to_string().replace(' ', "");
    let mut flavor = "multi_thread".to_string();
    let mut workers = None;
    let mut paused = false;
    for part in text.split(',').filter(|p| !p.is_empty()) {
        match part.split_once('=') {
            Some(("flavor", value)) => flavor = value.trim_matches('"').to_string(),
            Some(("start_paused", "true")) => paused = true,
            Some(("worker_threads", value)) => workers = Some(value.to_string()),
            _ => {
                return Err((
                    args.clone()
                        .into_iter()
                        .next()
                        .map_or(Span::call_site(), |t| t.span()),
                    format!(
                        "#[lesson_kit::main] runs `flavor`, `worker_threads` and `start_paused = true` of #[tokio::main], not `{part}`; add it to the kit, or drop it"
                    ),
                ));
            }
        }
    }
    match (flavor.as_str(), workers) {
        ("current_thread", None) if paused => {
            Ok("::lesson_kit::Flavor::CurrentThreadPaused".into())
        }
        (_, _) if paused => Err((
            Span::call_site(),
            "#[tokio::main(start_paused = true)] needs flavor = \"current_thread\"".to_string(),
        )),
        ("current_thread", None) => Ok("::lesson_kit::Flavor::CurrentThread".into()),
        ("local", None) => Ok("::lesson_kit::Flavor::Local".into()),
        ("multi_thread", workers) => Ok(format!(
            "::lesson_kit::Flavor::MultiThread {{ workers: {} }}",
            workers.map_or("::core::option::Option::None".to_string(), |w| format!(
                "::core::option::Option::Some({w})"
            ))
        )),
        (other, _) => Err((
            Span::call_site(),
            format!("#[tokio::main] has no flavor {other:?}"),
        )),
    }
}

/// See the module docs and `lesson_kit::main`.
pub fn main(attr: TokenStream, item: TokenStream) -> TokenStream {
    if let Some(extra) = attr.into_iter().next() {
        return compile_error(extra.span(), "#[lesson_kit::main] takes no arguments");
    }
    let mut f = match parse(item, "main") {
        Ok(f) => f,
        Err((span, message)) => return compile_error(span, &message),
    };
    // Take `#[tokio::main(..)]` off the function: the kit runs the body.
    let mut tokio_args = None;
    let mut head = Vec::new();
    let mut i = 0;
    while i < f.head.len() {
        if is_punct(&f.head[i], '#')
            && let Some(TokenTree::Group(attr)) = f.head.get(i + 1)
            && attr.delimiter() == Delimiter::Bracket
        {
            let inner: Vec<TokenTree> = attr.stream().into_iter().collect();
            let is_tokio_main = inner.len() >= 4
                && is_ident(&inner[0], "tokio")
                && is_punct(&inner[1], ':')
                && is_punct(&inner[2], ':')
                && is_ident(&inner[3], "main");
            if is_tokio_main {
                tokio_args = Some(match inner.get(4) {
                    Some(TokenTree::Group(args)) => args.stream(),
                    _ => TokenStream::new(),
                });
                i += 2;
                continue;
            }
        }
        head.push(f.head[i].clone());
        i += 1;
    }
    f.head = head;
    let body = match (f.is_async, tokio_args) {
        (true, Some(args)) => {
            let flavor = match flavor(&args) {
                Ok(flavor) => flavor,
                Err((span, message)) => return compile_error(span, &message),
            };
            let mut call_args = code(&flavor);
            call_args.extend(code(", async move"));
            call_args.extend([TokenTree::Group(f.body.clone())]);
            let mut body = code("::lesson_kit::run_main");
            body.extend([group(Delimiter::Parenthesis, call_args)]);
            body
        }
        (false, None) => {
            let mut call_args = code("move ||");
            call_args.extend([TokenTree::Group(f.body.clone())]);
            let mut body = code("::lesson_kit::run_blocking_main");
            body.extend([group(Delimiter::Parenthesis, call_args)]);
            body
        }
        (true, None) => {
            return compile_error(
                f.name.span(),
                "#[lesson_kit::main] on an `async fn` goes above its #[tokio::main(..)]",
            );
        }
        (false, Some(_)) => {
            return compile_error(f.name.span(), "#[tokio::main] needs an `async fn`");
        }
    };
    assemble(&f, f.output.as_deref().map(tokens), body)
}
