//! The report set-up: the criteria set and the commune's threshold column (in the set's own
//! words), the issuer, the period, the document's number and date, recipients, signatory.

use super::field::{SelectField, TextArea, TextField};
use crate::core::criteria::CriteriaSet;
use crate::core::draft::{Draft, Issuer, PeriodKind};
use crate::core::edit::{Edit, MetaField};
use crate::ui::state::Shared;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct SetupProps {
    pub draft: Shared<Draft>,
    pub set: Shared<CriteriaSet>,
    /// Every set in the library as (index, "name (version)"), to switch the draft's set.
    pub library: Vec<(usize, AttrValue)>,
    pub on_edit: Callback<Edit>,
    pub on_change_set: Callback<usize>,
}

/// A plain function, not a component: it holds no state, it is redrawn on every edit of its
/// screen anyway, and each component costs its own copy of Yew's lifecycle code in the WASM.
pub fn setup(p: &SetupProps) -> Html {
    let m = &p.draft.meta;
    let f = |field: MetaField| {
        let on = p.on_edit.clone();
        Callback::from(move |v: String| on.emit(Edit::Meta(field, v)))
    };
    let on_period = {
        let on = p.on_edit.clone();
        Callback::from(move |v: String| {
            on.emit(Edit::Period(match v.as_str() {
                "year" => PeriodKind::FullYear,
                "custom" => PeriodKind::Custom,
                _ => PeriodKind::FirstHalf,
            }))
        })
    };
    let period_key = match m.period {
        PeriodKind::FirstHalf => "h1",
        PeriodKind::FullYear => "year",
        PeriodKind::Custom => "custom",
    };
    let date = m.date.map(|d| d.iso()).unwrap_or_default();
    html! {
        <section class="setup" aria-labelledby="setup-title">
            <h2 id="setup-title">{ "Thông tin báo cáo" }</h2>
            { set_choice(&p.set, &p.library, &p.on_change_set) }
            <fieldset>
                <legend>{ "Xã" }</legend>
                <TextField id="m-name" label="Tên bản nháp (để phân biệt trong danh sách)" value={p.draft.name.clone()} on_input={f(MetaField::Name)} />
                <div class="pair">
                    <TextField id="m-commune" label="Tên xã (không ghi chữ “xã”)" value={m.commune.clone()} on_input={f(MetaField::Commune)} placeholder="VD: Liên Sơn" />
                    <TextField id="m-province" label="Tỉnh" value={m.province.clone()} on_input={f(MetaField::Province)} />
                </div>
                { column_choice(&p.draft, &p.set, &p.on_edit) }
            </fieldset>
            <fieldset>
                <legend>{ "Kỳ báo cáo" }</legend>
                <div class="pair">
                    <SelectField id="m-period" label="Kỳ báo cáo" value={period_key}
                        options={vec![("h1".into(), "6 tháng đầu năm".into()), ("year".into(), "Cả năm".into()), ("custom".into(), "Khác (tự ghi)".into())]}
                        on_change={on_period} />
                    <TextField id="m-year" label="Năm" value={m.year.to_string()} on_input={f(MetaField::Year)} inputmode="numeric" class="narrow" />
                </div>
                if m.period == PeriodKind::Custom {
                    <TextField id="m-period-label" label="Tên kỳ báo cáo" value={m.period_label.clone()} on_input={f(MetaField::PeriodLabel)} placeholder="VD: 9 tháng đầu năm 2025" />
                }
                <p class="hint">{ format!("Báo cáo: {}; phương hướng: {}.", m.period_text(), m.next_period_text()) }</p>
                <TextArea id="m-programme" label="Tên chương trình (để trống: theo bộ tiêu chí)" value={m.programme.clone()} on_input={f(MetaField::Programme)} rows={2}
                    hint={Some(AttrValue::from(format!("Tiêu đề báo cáo: “Kết quả thực hiện {} …”", m.programme_text(&p.set.programme))))} />
            </fieldset>
            { issuer_fields(&p.draft, &p.on_edit) }
            <fieldset>
                <legend>{ "Văn bản" }</legend>
                <div class="pair">
                    <TextField id="m-number" label="Số văn bản" value={m.doc_number.clone()} on_input={f(MetaField::DocNumber)} placeholder={format!("VD: 45/{}", m.issuer.symbol())} />
                    <TextField id="m-place" label="Địa danh" value={m.place.clone()} on_input={f(MetaField::Place)} placeholder="VD: Liên Sơn" />
                    <TextField id="m-date" label="Ngày ban hành" kind="date" value={date} on_input={f(MetaField::Date)} />
                </div>
                <TextArea id="m-recipients" label="Kính gửi (mỗi nơi một dòng)" value={m.recipients.clone()} on_input={f(MetaField::Recipients)} rows={2} />
                <TextArea id="m-answering" label="Thực hiện văn bản (mỗi văn bản một dòng, VD: Thực hiện công văn số …)" value={m.answering.clone()} on_input={f(MetaField::Answering)} rows={3} />
                <div class="pair">
                    <TextArea id="m-sign-title" label="Chức vụ người ký (mỗi dòng một dòng in; để trống: theo cơ quan ban hành)" value={m.signatory_title.clone()} on_input={f(MetaField::SignatoryTitle)} rows={2}
                        hint={Some(AttrValue::from(format!("Để trống sẽ in: {}", m.issuer.signature().join(" / "))))} />
                    <TextField id="m-sign-name" label="Họ và tên người ký" value={m.signatory_name.clone()} on_input={f(MetaField::SignatoryName)} />
                </div>
                <TextArea id="m-copies" label="Nơi nhận (mỗi nơi một dòng)" value={m.copies_to.clone()} on_input={f(MetaField::CopiesTo)} rows={4}
                    hint={Some(AttrValue::from("“Như trên” (khi có nơi Kính gửi) được in đầu danh sách; dòng “Lưu: VT, …” được in cuối, thêm “Lưu: VT.” nếu chưa có."))} />
            </fieldset>
        </section>
    }
}

// The parts below are plain functions rather than components: each component costs its own
// copy of Yew's lifecycle code in the WASM (about 5 KB), and these hold no state of their own.

fn set_choice(
    set: &CriteriaSet,
    library: &[(usize, AttrValue)],
    on_change_set: &Callback<usize>,
) -> Html {
    let lb = &set.legal_basis;
    let on_change = {
        let on = on_change_set.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Ok(i) = v.parse::<usize>() {
                on.emit(i);
            }
        })
    };
    html! {
        <fieldset>
            <legend>{ "Bộ tiêu chí" }</legend>
            <p class="set-info">{ format!("Đang dùng: {} (phiên bản {}, giai đoạn {} - {}), căn cứ {} ngày {} của {}. Bản nháp giữ bản sao của bộ tiêu chí này, nên kết quả không đổi khi bộ tiêu chí có sẵn được cập nhật.", set.name, set.version, set.period.from, set.period.to, lb.number, lb.date, lb.issuer) }</p>
            <div class="field">
                <label for="m-set">{ "Đổi sang bộ tiêu chí khác (số liệu đã nhập được giữ theo mã chỉ tiêu)" }</label>
                <select id="m-set" onchange={on_change}>
                    <option value="" selected=true>{ "— giữ bộ tiêu chí đang dùng —" }</option>
                    { for library.iter().map(|(i, name)| html! { <option value={i.to_string()}>{ name.clone() }</option> }) }
                </select>
            </div>
        </fieldset>
    }
}

/// The commune's threshold column, named and defined as the set defines it ("Nhóm xã" with
/// the decision's definitions, "Vùng kinh tế"), and the set's rule that sends some communes
/// to one column.
fn column_choice(draft: &Draft, set: &CriteriaSet, on_edit: &Callback<Edit>) -> Html {
    let cols = &set.columns;
    if cols.items.is_empty() {
        return html! {};
    }
    let m = &draft.meta;
    let label = cols.label.trim();
    let mut options: Vec<(AttrValue, AttrValue)> = vec![(
        "".into(),
        format!(
            "Chưa chọn {} (dùng ngưỡng chung)",
            crate::core::vn::to_lower(label)
        )
        .into(),
    )];
    options.extend(cols.items.iter().map(|c| {
        (
            AttrValue::from(c.id.clone()),
            AttrValue::from(c.name.clone()),
        )
    }));
    let on_column = {
        let on = on_edit.clone();
        Callback::from(move |v: String| on.emit(Edit::Meta(MetaField::Column, v)))
    };
    let on_rule = {
        let on = on_edit.clone();
        Callback::from(move |e: Event| {
            on.emit(Edit::RuleColumn(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked(),
            ))
        })
    };
    let with_definitions = cols.items.iter().any(|c| !c.definition.is_empty());
    html! {
        <>
            <SelectField id="m-column" label={format!("{label} (cột ngưỡng áp dụng cho xã)")} {options} value={m.column.clone()} on_change={on_column} />
            if with_definitions {
                <dl class="definitions" aria-label={format!("Định nghĩa {}", crate::core::vn::to_lower(label))}>
                    { for cols.items.iter().map(|c| html! { <><dt>{ c.name.clone() }</dt><dd>{ c.definition.clone() }</dd></> }) }
                </dl>
            }
            if let Some(rule) = &set.column_rule {
                <div class="field check">
                    <input id="m-rule-column" type="checkbox" checked={m.rule_column} onchange={on_rule} />
                    <label for="m-rule-column">{ format!("{} (áp dụng cột {})", rule.label, set.column(&rule.column).map(|c| c.name.as_str()).unwrap_or(&rule.column)) }</label>
                </div>
            }
        </>
    }
}

/// Who issues the report: the commune's People's Committee (no upper line) or a steering or
/// management board (with its upper body). A line typed earlier that the chosen issuer does
/// not print is said so, never silently dropped.
fn issuer_fields(draft: &Draft, on_edit: &Callback<Edit>) -> Html {
    let m = &draft.meta;
    let f = |field: MetaField| {
        let on = on_edit.clone();
        Callback::from(move |v: String| on.emit(Edit::Meta(field, v)))
    };
    let on_issuer = {
        let on = on_edit.clone();
        Callback::from(move |v: String| {
            on.emit(Edit::Issuer(if v == "board" {
                Issuer::Board
            } else {
                Issuer::Committee
            }))
        })
    };
    let key = match m.issuer {
        Issuer::Committee => "committee",
        Issuer::Board => "board",
    };
    let options: Vec<(AttrValue, AttrValue)> = vec![
        ("committee".into(), "Ủy ban nhân dân xã (…/BC-UBND)".into()),
        (
            "board".into(),
            "Ban chỉ đạo hoặc Ban quản lý của xã (…/BC-BCĐ)".into(),
        ),
    ];
    let commune = crate::core::vn::to_upper(m.commune.trim());
    html! {
        <fieldset>
            <legend>{ "Cơ quan ban hành" }</legend>
            <SelectField id="m-issuer" label="Cơ quan ban hành báo cáo" {options} value={key} on_change={on_issuer} />
            if m.issuer == Issuer::Board {
                <TextField id="m-issuing" label="Tên Ban (như viết trong câu, VD: Ban Chỉ đạo … xã Liên Sơn)" value={m.issuing_body.clone()} on_input={f(MetaField::IssuingBody)} />
                <TextField id="m-parent" label="Cơ quan cấp trên của Ban (dòng đầu góc trái)" value={m.parent_body.clone()} on_input={f(MetaField::ParentBody)}
                    placeholder={format!("Để trống: ỦY BAN NHÂN DÂN XÃ {commune}")} />
            } else if !m.parent_body.trim().is_empty() {
                <p class="hint" role="note">{ format!("Dòng cơ quan cấp trên “{}” đã nhập trước đây không được in: tiêu đề của Ủy ban nhân dân xã không có dòng cấp trên (từ 01/7/2025 không còn cấp huyện). Chọn “Ban chỉ đạo …” nếu báo cáo do Ban ban hành.", m.parent_body.trim()) }</p>
            }
        </fieldset>
    }
}
