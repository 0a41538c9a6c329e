//! The map in ARCHITECTURE.md, checked against the sources: what each layer may import, no
//! import circle among the modules of `src/`, and no test written so that it cannot fail.
//!
//! The sources are read as text: a module is a file, its edges are the `use` paths and the
//! `crate::…` paths written in its code, resolved through the re-exports of the modules they go
//! through to the module that defines the item. A re-export itself (`pub use` in a parent) is
//! the module's face, not a dependency of the parent.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// "src/core/scoring/mod.rs" → "crate::core::scoring"; "src/ui/app.rs" → "crate::ui::app".
fn module_of(path: &Path) -> String {
    let rel = path.strip_prefix("src").unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|l| l == "mod" || l == "lib") {
        parts.pop();
    }
    std::iter::once("crate".to_string())
        .chain(parts)
        .collect::<Vec<_>>()
        .join("::")
}

/// The code of a file without comments, string literals and `#[cfg(test)]` modules.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod ") {
        Some(i) => &text[..i],
        None => text,
    };
    let mut out = String::new();
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut in_str = false;
        let mut prev = ' ';
        for c in line.chars() {
            if c == '"' && prev != '\\' {
                in_str = !in_str;
                out.push(' ');
            } else if !in_str {
                out.push(c);
            }
            prev = c;
        }
        out.push('\n');
    }
    out
}

struct Module {
    /// Items defined at its top level.
    items: BTreeSet<String>,
    /// Names it re-exports, to the path they come from.
    reexports: BTreeMap<String, String>,
    /// Paths it uses, as written, made absolute.
    uses: Vec<String>,
}

fn absolute(module: &str, is_mod_file: bool, path: &str) -> String {
    let mut base: Vec<&str> = module.split("::").collect();
    if !is_mod_file {
        // `super` of a file module is its parent; `self` is itself.
    }
    let mut segs = path.split("::").peekable();
    match segs.peek().copied() {
        Some("crate") => return path.to_string(),
        Some("self") => {
            segs.next();
        }
        Some("super") => {
            while segs.peek() == Some(&"super") {
                segs.next();
                base.pop();
            }
        }
        _ => return path.to_string(),
    }
    base.into_iter()
        .map(str::to_string)
        .chain(segs.map(str::to_string))
        .collect::<Vec<_>>()
        .join("::")
}

/// Every path of a `use` tree: "a::{b, c::{d, e}}" → ["a::b", "a::c::d", "a::c::e"].
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    fn go(prefix: &str, t: &str, out: &mut Vec<String>) {
        if let Some(open) = t.find('{') {
            let head = &t[..open];
            let inner = &t[open + 1..t.len() - 1];
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        go(&format!("{prefix}{head}"), &inner[start..i], out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            if start < inner.len() {
                go(&format!("{prefix}{head}"), &inner[start..], out);
            }
        } else if !t.is_empty() {
            let t = t.split(" as ").next().unwrap_or(t);
            let t = t.split("as").next().filter(|_| false).unwrap_or(t);
            out.push(
                format!("{prefix}{t}")
                    .trim_end_matches("::self")
                    .to_string(),
            );
        }
    }
    let mut out = Vec::new();
    go("", &tree, &mut out);
    out
}

fn read_module(module: &str, is_mod_file: bool, text: &str) -> Module {
    let code = code(text);
    let mut items = BTreeSet::new();
    let mut reexports = BTreeMap::new();
    let mut uses = Vec::new();
    let mut statement = String::new();
    for line in code.lines() {
        let t = line.trim_start();
        let top = !line.starts_with(' ');
        if top {
            let t2 = t
                .strip_prefix("pub(crate) ")
                .or_else(|| t.strip_prefix("pub(super) "))
                .or_else(|| t.strip_prefix("pub "))
                .unwrap_or(t);
            for kw in [
                "struct ", "enum ", "fn ", "trait ", "type ", "const ", "static ", "mod ",
            ] {
                if let Some(rest) = t2.strip_prefix(kw) {
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    items.insert(name);
                }
            }
            if t2.starts_with("macro_rules!") {
                continue;
            }
        }
        if !statement.is_empty()
            || t.starts_with("use ")
            || t.starts_with("pub use ")
            || t.starts_with("pub(crate) use ")
        {
            statement.push_str(t);
            if !t.trim_end().ends_with(';') {
                continue;
            }
            let s = std::mem::take(&mut statement);
            let public = s.starts_with("pub");
            let tree = s[s.find("use ").unwrap() + 4..]
                .trim_end()
                .trim_end_matches(';');
            for p in expand(tree) {
                let abs = absolute(module, is_mod_file, &p);
                if public {
                    let name = abs.rsplit("::").next().unwrap().to_string();
                    reexports.insert(name, abs);
                } else {
                    uses.push(abs);
                }
            }
            continue;
        }
        // Paths written in the code: crate::a::b::c.
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            let path: String = rest[i..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            uses.push(path.trim_end_matches(':').to_string());
            rest = &rest[i + 7..];
        }
    }
    Module {
        items,
        reexports,
        uses,
    }
}

struct Tree {
    modules: BTreeMap<String, Module>,
}

impl Tree {
    fn load() -> Tree {
        let mut files = Vec::new();
        rust_files(Path::new("src"), &mut files);
        let modules = files
            .iter()
            .filter(|p| !p.starts_with("src/bin") && !p.ends_with("main.rs"))
            .map(|p| {
                let m = module_of(p);
                let is_mod = p.ends_with("mod.rs") || p.ends_with("lib.rs");
                let text = fs::read_to_string(p).unwrap();
                let module = read_module(&m, is_mod, &text);
                (m, module)
            })
            .collect();
        Tree { modules }
    }

    /// The module that defines what `path` names (following re-exports), if it is ours.
    fn resolve(&self, path: &str, depth: usize) -> Option<String> {
        let segs: Vec<&str> = path.split("::").collect();
        let mut at = None;
        for n in (1..=segs.len()).rev() {
            let prefix = segs[..n].join("::");
            if self.modules.contains_key(&prefix) {
                at = Some((prefix, n));
                break;
            }
        }
        let (module, n) = at?;
        let Some(&name) = segs.get(n) else {
            return Some(module);
        };
        let m = &self.modules[&module];
        if m.items.contains(name) || depth > 8 {
            return Some(module);
        }
        match m.reexports.get(name) {
            Some(target) => {
                let rest = segs[n + 1..]
                    .iter()
                    .map(|s| format!("::{s}"))
                    .collect::<String>();
                self.resolve(&format!("{target}{rest}"), depth + 1)
                    .or(Some(module))
            }
            None => Some(module),
        }
    }

    fn edges(&self) -> BTreeMap<String, BTreeSet<String>> {
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (name, m) in &self.modules {
            for u in &m.uses {
                if let Some(target) = self.resolve(u, 0) {
                    // A module reaching one of its own children, or itself, is its structure.
                    if target != *name && !target.starts_with(&format!("{name}::")) {
                        edges.entry(name.clone()).or_default().insert(target);
                    }
                }
            }
        }
        edges
    }
}

#[test]
fn each_layer_imports_only_what_the_map_allows() {
    let edges = Tree::load().edges();
    let mut wrong = Vec::new();
    for (from, tos) in &edges {
        for to in tos {
            let forbidden = (from.starts_with("crate::core")
                && (to.starts_with("crate::web") || to.starts_with("crate::ui")))
                || (from.starts_with("crate::web") && to.starts_with("crate::ui"))
                || (from.starts_with("crate::ui::components")
                    && to.starts_with("crate::web::storage"));
            if forbidden {
                wrong.push(format!("{from} → {to}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports the map forbids:\n{}",
        wrong.join("\n")
    );
}

/// The import circles among `edges`, each by its modules (a depth-first search for back edges).
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> BTreeSet<String> {
    let mut circles = BTreeSet::new();
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        circles: &mut BTreeSet<String>,
    ) {
        if let Some(i) = stack.iter().position(|s| s == node) {
            let mut circle: Vec<String> = stack[i..].to_vec();
            circle.push(node.to_string());
            circles.insert(circle.join(" → "));
            return;
        }
        if done.contains(node) {
            return;
        }
        stack.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            visit(next, edges, stack, done, circles);
        }
        stack.pop();
        done.insert(node.to_string());
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        visit(node, edges, &mut Vec::new(), &mut done, &mut circles);
    }
    circles
}

#[test]
fn no_module_is_in_an_import_circle() {
    let circles = circles(&Tree::load().edges());
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.into_iter().collect::<Vec<_>>().join("\n")
    );
}

/// The circle search sees a circle: the draft reaching back into the team's module, which uses it.
#[test]
fn the_circle_search_sees_a_circle() {
    let mut tree = Tree::load();
    tree.modules
        .get_mut("crate::core::draft")
        .unwrap()
        .uses
        .push("crate::core::team::review".into());
    let found = circles(&tree.edges());
    assert!(
        found
            .iter()
            .any(|c| c.contains("crate::core::draft") && c.contains("crate::core::team")),
        "{found:?}"
    );
}

/// The layers test fails on a forbidden import: the same check over a made-up edge.
#[test]
fn the_layer_rules_see_a_forbidden_import() {
    let mut tree = Tree::load();
    tree.modules
        .get_mut("crate::core::scoring")
        .unwrap()
        .uses
        .push("crate::web::storage::read_raw".into());
    let edges = tree.edges();
    assert!(edges["crate::core::scoring"].contains("crate::web::storage"));
}

/// What makes a test vacuous, found in the tests' sources: a property whose whole body sits in
/// `if let Ok(…)` (a failed read passes), or a writer's output checked only for not being empty.
#[test]
fn no_test_is_written_so_that_it_cannot_fail() {
    let mut files = Vec::new();
    rust_files(Path::new("tests"), &mut files);
    rust_files(Path::new("src"), &mut files);
    // Justified: none today. A line here names its file and why.
    const EXCEPTIONS: &[&str] = &[];
    let mut found = Vec::new();
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim();
            let writer_only_non_empty = (t.starts_with("assert!(!")
                || t.starts_with("prop_assert!(!"))
                && t.contains(".is_empty())")
                && ["render(", "write(", "to_csv(", "xlsx(", "to_json("]
                    .iter()
                    .any(|w| t.contains(w));
            // A `fn` of a proptest! block whose first statement is `if let Ok(`.
            let property_in_if_let = t.starts_with("fn ")
                && lines
                    .get(i + 1)
                    .is_some_and(|n| n.trim().starts_with("if let Ok("))
                && text[..text.lines().take(i).map(|l| l.len() + 1).sum::<usize>()]
                    .rfind("proptest!")
                    .is_some();
            if writer_only_non_empty || property_in_if_let {
                let place = format!("{}:{}", f.display(), i + 1);
                if !EXCEPTIONS.iter().any(|e| place.starts_with(e)) {
                    found.push(format!("{place}: {t}"));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "tests that cannot fail for the reason their name gives:\n{}",
        found.join("\n")
    );
}

/// Functions of `src/ui` longer than 80 lines (signature to closing brace).
#[test]
fn no_function_of_the_ui_is_over_80_lines() {
    let mut files = Vec::new();
    rust_files(Path::new("src/ui"), &mut files);
    let mut long = Vec::new();
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            let t = lines[i].trim_start();
            let is_fn = (t.starts_with("fn ")
                || t.starts_with("pub fn ")
                || t.starts_with("pub(crate) fn ")
                || t.starts_with("pub(super) fn "))
                && !t.ends_with(';');
            if is_fn {
                let indent = lines[i].len() - t.len();
                let close = format!("{}}}", " ".repeat(indent));
                if let Some(end) = (i..lines.len()).find(|&j| lines[j] == close) {
                    if end - i + 1 > 80 {
                        long.push(format!("{}:{} {} lines", f.display(), i + 1, end - i + 1));
                    }
                }
            }
            i += 1;
        }
    }
    assert!(
        long.is_empty(),
        "functions over 80 lines:\n{}",
        long.join("\n")
    );
}
