//! A small reader of the XML a .docx holds: start and end tags with their attributes, and
//! text with its entities decoded. Enough for WordprocessingML tables (quick-xml, a native
//! dev-dependency, checks it in the tests); comments, processing instructions and declarations
//! are passed over, CDATA is text.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// A start tag (`empty` for `<a/>`), its name and its attributes as written.
    Open {
        name: &'a str,
        attrs: &'a str,
        empty: bool,
    },
    Close(&'a str),
    Text(String),
}

/// The tokens of a document; a tag left open at the end is an error.
pub fn tokens(xml: &str) -> Result<Vec<Token<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = xml;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            out.push(Token::Text(unescape(rest)));
            break;
        };
        if lt > 0 {
            out.push(Token::Text(unescape(&rest[..lt])));
        }
        rest = &rest[lt..];
        let skip = [
            ("<!--", "-->"),
            ("<?", "?>"),
            ("<![CDATA[", "]]>"),
            ("<!", ">"),
        ];
        if let Some((open, close)) = skip.iter().find(|(o, _)| rest.starts_with(o)) {
            let end = rest.find(close).ok_or("tệp XML bị cắt cụt")?;
            if *open == "<![CDATA[" {
                out.push(Token::Text(rest[open.len()..end].to_string()));
            }
            rest = &rest[end + close.len()..];
            continue;
        }
        let end = tag_end(rest).ok_or("tệp XML bị cắt cụt")?;
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            out.push(Token::Close(name.trim()));
            continue;
        }
        let empty = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let split = tag.find(char::is_whitespace).unwrap_or(tag.len());
        out.push(Token::Open {
            name: &tag[..split],
            attrs: &tag[split..],
            empty,
        });
    }
    Ok(out)
}

/// The end of a tag: its ">" outside quoted attribute values.
fn tag_end(text: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// An attribute's value: `name="value"` (or single quotes), entities decoded.
pub fn attr(attrs: &str, name: &str) -> Option<String> {
    let mut rest = attrs;
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let q = after.chars().next()?;
        let value_end = after[1..].find(q)? + 1;
        if key == name {
            return Some(unescape(&after[1..value_end]));
        }
        rest = &after[value_end + 1..];
    }
    None
}

/// Text with XML's entities and character references decoded; an unknown entity is kept.
pub fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|s| *s <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e => e
                .strip_prefix("#x")
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| e.strip_prefix('#').map(str::parse::<u32>))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_attributes_and_text() {
        let t = tokens("<?xml version=\"1.0\"?><w:p a='1>2'><!-- x --><w:t xml:space=\"preserve\">A &amp; B &#7841;&#x1EA1;</w:t><w:br/></w:p>").unwrap();
        assert_eq!(
            t,
            [
                Token::Open {
                    name: "w:p",
                    attrs: " a='1>2'",
                    empty: false
                },
                Token::Open {
                    name: "w:t",
                    attrs: " xml:space=\"preserve\"",
                    empty: false
                },
                Token::Text("A & B ạạ".into()),
                Token::Close("w:t"),
                Token::Open {
                    name: "w:br",
                    attrs: "",
                    empty: true
                },
                Token::Close("w:p"),
            ]
        );
        assert_eq!(
            attr(" w:val=\"restart\" x='&lt;'", "w:val").as_deref(),
            Some("restart")
        );
        assert_eq!(
            attr(" w:val=\"restart\" x='&lt;'", "x").as_deref(),
            Some("<")
        );
        assert_eq!(attr(" w:val=\"2\"", "w:other"), None);
        assert!(tokens("<w:p").is_err());
        assert_eq!(unescape("a &unknown; b"), "a &unknown; b");
    }
}
