//! The crate's modules depend on one another without a cycle, so each can be read (and
//! tested) from the ones below it. Read from the sources: `crate::m` and `super::m`
//! paths, grouped `use crate::{…}` included, outside each file's test module.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each module of `src/` (but `lib.rs`), with the modules its code names.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(&src).expect("src/ is readable") {
        let path = entry.expect("an entry of src/").path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if path.extension().is_some_and(|e| e == "rs") && name != "lib" {
            let text = std::fs::read_to_string(&path).expect("a source file");
            // A file's own tests may use anything.
            let code = text
                .split("#[cfg(test)]\nmod tests")
                .next()
                .unwrap_or_default()
                .to_owned();
            files.insert(name.to_owned(), code);
        }
    }
    let modules: BTreeSet<String> = files.keys().cloned().collect();
    files
        .iter()
        .map(|(name, code)| {
            let mut named = BTreeSet::new();
            for prefix in ["crate::", "super::"] {
                for (at, _) in code.match_indices(prefix) {
                    for first in first_segments(&code[at + prefix.len()..]) {
                        if modules.contains(&first) && first != *name {
                            named.insert(first);
                        }
                    }
                }
            }
            (name.clone(), named)
        })
        .collect()
}

/// The first path segment after `crate::`: one name, or each of a group's (`{a::x, b}`).
fn first_segments(rest: &str) -> Vec<String> {
    let ident = |s: &str| {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect::<String>()
    };
    let Some(group) = rest.strip_prefix('{') else {
        return vec![ident(rest)];
    };
    let (mut depth, mut start, mut firsts) = (0, 0, Vec::new());
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                firsts.push(ident(&group[start..i]));
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                firsts.push(ident(&group[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    firsts
}

#[test]
fn no_module_depends_on_itself_through_others() {
    let graph = graph();
    assert!(graph.len() > 10, "the modules were found: {graph:?}");
    // Depth-first, with the path walked: a module met again on it closes a cycle.
    fn walk<'g>(
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        module: &'g str,
        path: &mut Vec<&'g str>,
        done: &mut BTreeSet<&'g str>,
    ) {
        if let Some(at) = path.iter().position(|m| *m == module) {
            panic!("a cycle: {} -> {module}", path[at..].join(" -> "));
        }
        if !done.insert(module) {
            return;
        }
        path.push(module);
        for next in &graph[module] {
            walk(graph, next, path, done);
        }
        path.pop();
    }
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        walk(&graph, module, &mut Vec::new(), &mut done);
    }
}

#[test]
fn groups_are_read_whole() {
    assert_eq!(first_segments("json::unsigned;"), ["json"]);
    assert_eq!(
        first_segments("{json::{a, b}, value::Value, text};"),
        ["json", "value", "text"]
    );
}
