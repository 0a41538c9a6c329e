//! JSON helpers that keep the WASM small: one typed path (`serde_json::from_str` /
//! `to_string`) for every type, and pretty printing done on the compact text, so no type's
//! (de)serializer is compiled twice (for `Value` or for the pretty formatter).

/// Re-indents compact JSON with two spaces, as `serde_json::to_string_pretty` would.
pub fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 4);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn pretty_matches_serde_json() {
        let v = serde_json::json!({"a": [1, 2, {"b": "x, \"y\": [z]", "c": []}], "d": {}, "e": "đạt: 78,91%"});
        let compact = serde_json::to_string(&v).unwrap();
        assert_eq!(
            super::pretty(&compact),
            serde_json::to_string_pretty(&v).unwrap()
        );
    }
}
