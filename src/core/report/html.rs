//! The report as HTML for the on-screen preview (which prints on A4), from the same model as
//! the .docx. Written as text by the report worker (see `worker.rs`) and shown by the report
//! tab: every text is escaped here, and the page's Content-Security-Policy runs no script.

use super::docx::esc;
use super::model::{Block, Report, MOTTO, NATIONAL_NAME};

fn p(out: &mut String, class: &str, text: &str) {
    if class.is_empty() {
        out.push_str(&format!("<p>{}</p>", esc(text)));
    } else {
        out.push_str(&format!("<p class=\"{class}\">{}</p>", esc(text)));
    }
}

fn lines(items: &[String]) -> String {
    items
        .iter()
        .map(|l| esc(l))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// The report as an `<article>`: the preview the editor's report tab shows.
pub fn render(r: &Report) -> String {
    let mut o = String::from("<article class=\"paper\" aria-label=\"Xem trước báo cáo\">");
    if r.is_draft() {
        p(&mut o, "draft-mark", "DỰ THẢO");
    }
    o.push_str("<div class=\"doc-header\"><div>");
    if !r.header.upper.is_empty() {
        p(&mut o, "", &r.header.upper);
    }
    o.push_str(&format!(
        "<p class=\"b rule\">{}</p>",
        lines(&r.header.issuer)
    ));
    p(&mut o, "", &r.header.number);
    o.push_str("</div><div>");
    p(&mut o, "b small", NATIONAL_NAME);
    p(&mut o, "b rule", MOTTO);
    p(&mut o, "i", &r.header.place_date);
    o.push_str("</div></div>");
    p(&mut o, "c b title", &r.title);
    p(&mut o, "c b", &r.subject);
    for (i, x) in r.recipient_lines().into_iter().enumerate() {
        p(&mut o, if i == 0 { "c" } else { "recipient" }, &x);
    }
    for x in &r.answering {
        p(&mut o, "body", x);
    }
    p(&mut o, "body", &r.intro);
    for b in &r.body {
        match b {
            Block::Part(ls) => o.push_str(&format!("<p class=\"c b part\">{}<br></p>", lines(ls))),
            Block::Heading { level, text } => p(&mut o, &format!("h h{level}"), text),
            Block::CriterionHeading { text, status } => o.push_str(&format!(
                "<p class=\"h h3\">{}: <span>{}</span></p>",
                esc(text),
                esc(status)
            )),
            Block::Para(t) => p(&mut o, "body", t),
        }
    }
    p(&mut o, "body", &r.closing);
    o.push_str("<div class=\"doc-footer\"><div class=\"copies\">");
    p(&mut o, "bi", "Nơi nhận:");
    for c in &r.copies_to {
        p(&mut o, "", &format!("- {c}"));
    }
    o.push_str("</div><div class=\"sign\">");
    for t in &r.signature_title {
        p(&mut o, "b", t);
    }
    p(&mut o, "b signatory", &r.signatory);
    o.push_str("</div></div><section class=\"annex\">");
    p(&mut o, "c b", &r.annex_title);
    p(&mut o, "c i", &r.annex_attached);
    p(&mut o, "c i", &r.annex_subtitle);
    o.push_str("<table><thead><tr><th scope=\"col\">Mã</th><th scope=\"col\">Tiêu chí, chỉ tiêu</th><th scope=\"col\">Chỉ tiêu (ngưỡng)</th><th scope=\"col\">Kết quả của xã</th><th scope=\"col\">Đánh giá</th></tr></thead><tbody>");
    for row in &r.annex {
        o.push_str(if row.is_criterion {
            "<tr class=\"crit-row\">"
        } else {
            "<tr>"
        });
        for cell in [
            &row.code,
            &row.wording,
            &row.threshold,
            &row.figure,
            &row.status,
        ] {
            o.push_str(&format!("<td>{}</td>", esc(cell)));
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table></section></article>");
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{report, scoring, store};

    #[test]
    fn the_preview_holds_the_report_and_escapes_every_text() {
        let mut env =
            store::read(include_str!("../../../tests/fixtures/envelope-v1.json")).unwrap();
        env.draft.meta.signatory_name = "<script>alert(1)</script> & \"Hoàng\"".into();
        let scores = scoring::score(&env.set, &env.draft);
        let r = report::build(&env.set, &env.draft, &scores);
        let html = render(&r);
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Hoàng&quot;"));
        assert!(!html.contains("<script"));
        assert!(html.contains(NATIONAL_NAME));
        assert!(html.contains(&esc(&r.title)));
        assert_eq!(html.matches("<tr").count(), r.annex.len() + 1);
        // Every tag opened is closed.
        for tag in ["article", "div", "p", "table", "tr", "td", "section"] {
            assert_eq!(
                html.matches(&format!("<{tag}>")).count()
                    + html.matches(&format!("<{tag} ")).count(),
                html.matches(&format!("</{tag}>")).count(),
                "{tag}"
            );
        }
    }
}
