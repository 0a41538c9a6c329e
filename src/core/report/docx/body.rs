//! The document body: the opening (DỰ THẢO mark, header block, title, recipients), the
//! report's blocks, the closing with "Nơi nhận" and the signature side by side, and the annex.

use super::xml::{cell, para, run, small_para, table, Para, Run};
use super::{mm, TEXT_W};
use crate::core::report::model::{Block, Report, MOTTO, NATIONAL_NAME};

fn header_block(r: &Report) -> String {
    let left_w = TEXT_W * 42 / 100;
    let right_w = TEXT_W - left_w;
    let tight = Para::centred();
    let mut left = String::new();
    if !r.header.upper.is_empty() {
        left.push_str(&para(&run(&r.header.upper, Run::default().size(26)), tight));
    }
    let issuer: Vec<String> = r
        .header
        .issuer
        .iter()
        .map(|l| run(l, Run::default().bold().size(26)))
        .collect();
    left.push_str(&para(
        &issuer.join("<w:r><w:br/></w:r>"),
        Para {
            rule: Some((left_w, 35)),
            ..tight
        },
    ));
    let mut right = String::new();
    right.push_str(&para(
        &run(NATIONAL_NAME, Run::default().bold().size(24)),
        tight,
    ));
    right.push_str(&para(
        &run(MOTTO, Run::default().bold().size(26)),
        Para {
            rule: Some((right_w, 55)),
            ..tight
        },
    ));
    // "Số" and the place-and-date line share the second row, so they stand on one line.
    let second = |text: &str, r: Run| {
        para(
            &run(text, r.size(26)),
            Para {
                before: 120,
                ..tight
            },
        )
    };
    let rows = format!(
        "<w:tr>{}{}</w:tr><w:tr>{}{}</w:tr>",
        cell(left_w, &left, false),
        cell(right_w, &right, false),
        cell(left_w, &second(&r.header.number, Run::default()), false),
        cell(
            right_w,
            &second(&r.header.place_date, Run::default().italic()),
            false
        ),
    );
    table(&[left_w, right_w], false, 0, &rows)
}

fn annex_table(r: &Report) -> String {
    let widths = [
        TEXT_W * 8 / 100,
        TEXT_W * 40 / 100,
        TEXT_W * 15 / 100,
        TEXT_W * 22 / 100,
    ];
    let last = TEXT_W - widths.iter().sum::<u32>();
    let widths = [widths[0], widths[1], widths[2], widths[3], last];
    let heads = [
        "Mã",
        "Tiêu chí, chỉ tiêu",
        "Chỉ tiêu (ngưỡng)",
        "Kết quả của xã",
        "Đánh giá",
    ];
    let mut rows = String::new();
    rows.push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
    for (h, w) in heads.iter().zip(widths) {
        rows.push_str(&cell(w, &small_para(h, true, true), true));
    }
    rows.push_str("</w:tr>");
    for row in &r.annex {
        rows.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        let values = [
            &row.code,
            &row.wording,
            &row.threshold,
            &row.figure,
            &row.status,
        ];
        for (i, (v, w)) in values.iter().zip(widths).enumerate() {
            rows.push_str(&cell(
                w,
                &small_para(v, row.is_criterion, i != 1),
                row.is_criterion,
            ));
        }
        rows.push_str("</w:tr>");
    }
    table(&widths, true, 80, &rows)
}

pub(super) fn body_xml(r: &Report) -> String {
    let mut b = opening(r);
    for a in r.answering.iter().chain(std::iter::once(&r.intro)) {
        b.push_str(&para(&run(a, Run::default()), Para::default()));
    }
    for block in &r.body {
        b.push_str(&block_xml(block));
    }
    b.push_str(&closing(r));
    b.push_str(&annex(r));
    b
}

/// The DỰ THẢO mark, the header block, title and subject, and "Kính gửi".
fn opening(r: &Report) -> String {
    let mut b = String::new();
    if r.is_draft() {
        b.push_str(&para(
            &run("DỰ THẢO", Run::default().bold()),
            Para {
                plain: true,
                after: Some(120),
                ..Para::default()
            },
        ));
    }
    b.push_str(&header_block(r));
    let center = Para::centred();
    b.push_str(&para(
        &run(&r.title, Run::default().bold()),
        Para {
            before: 360,
            ..center
        },
    ));
    b.push_str(&para(
        &run(&r.subject, Run::default().bold()),
        Para {
            // Decree 30: a rule a third to a half of the line under the title.
            rule: Some((TEXT_W, 40)),
            ..center
        },
    ));
    // One recipient: a centred line. Several: "Kính gửi:" centred, then one line each.
    let recipients = r.recipient_lines();
    let several = recipients.len() > 1;
    for (i, rec) in recipients.iter().enumerate() {
        b.push_str(&para(
            &run(rec, Run::default()),
            Para {
                center: i == 0,
                plain: i > 0,
                indent: if i > 0 { mm(40) } else { 0 },
                before: if i == 0 { 240 } else { 0 },
                after: several.then_some(0),
                ..Para::default()
            },
        ));
    }
    b
}

/// One block of the body: a part's title, a heading, a criterion's heading with its status,
/// or a paragraph.
fn block_xml(block: &Block) -> String {
    let keep_next = Para {
        keep_next: true,
        ..Para::default()
    };
    match block {
        Block::Part(lines) => {
            let runs: Vec<String> = lines
                .iter()
                .map(|l| run(l, Run::default().bold()))
                .collect();
            para(
                &runs.join("<w:r><w:br/></w:r>"),
                Para {
                    center: true,
                    before: 240,
                    ..keep_next
                },
            )
        }
        Block::Heading { level, text } => {
            let r = Run {
                bold: *level <= 3,
                italic: *level == 4,
                ..Run::default()
            };
            para(&run(text, r), keep_next)
        }
        Block::CriterionHeading { text, status } => {
            let bold = Run::default().bold();
            let runs = format!("{}{}", run(&format!("{text}: "), bold), run(status, bold));
            para(&runs, keep_next)
        }
        Block::Para(text) => para(&run(text, Run::default()), Para::default()),
    }
}

/// The closing sentence, then "Nơi nhận" (left) and the signature (right) side by side.
fn closing(r: &Report) -> String {
    let mut b = String::new();
    // The closing sentence stays on the page of the signature.
    b.push_str(&para(
        &run(&r.closing, Run::default()),
        Para {
            keep_next: true,
            ..Para::default()
        },
    ));
    // Recipients list (left) and signature (right), side by side.
    let left_w = TEXT_W / 2;
    let right_w = TEXT_W - left_w;
    let mut left = para(
        &run("Nơi nhận:", Run::default().bold().italic().size(24)),
        Para {
            plain: true,
            after: Some(0),
            ..Para::default()
        },
    );
    for c in &r.copies_to {
        left.push_str(&para(
            &run(&format!("- {c}"), Run::default().size(22)),
            Para {
                plain: true,
                after: Some(0),
                ..Para::default()
            },
        ));
    }
    let mut right = String::new();
    for t in &r.signature_title {
        right.push_str(&para(&run(t, Run::default().bold()), Para::centred()));
    }
    right.push_str(&para(
        &run(&r.signatory, Run::default().bold()),
        Para {
            before: 1440,
            ..Para::centred()
        },
    ));
    let row = format!(
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>{}{}</w:tr>",
        cell(left_w, &left, false),
        cell(right_w, &right, false)
    );
    b.push_str(&table(&[left_w, right_w], false, 108, &row));
    b
}

/// The annex, in a section of its own that starts on a new page (the body's section ends
/// with an empty paragraph carrying its properties).
fn annex(r: &Report) -> String {
    let mut b = format!("<w:p><w:pPr>{}</w:pPr></w:p>", super::sect_pr(true));
    b.push_str(&para(
        &run(&r.annex_title, Run::default().bold()),
        Para::centred(),
    ));
    b.push_str(&para(
        &run(&r.annex_attached, Run::default().italic()),
        Para::centred(),
    ));
    b.push_str(&para(
        &run(&r.annex_subtitle, Run::default().italic()),
        Para {
            after: Some(240),
            ..Para::centred()
        },
    ));
    b.push_str(&annex_table(r));
    b.push_str(&para(
        "",
        Para {
            after: Some(0),
            ..Para::default()
        },
    ));
    b
}
