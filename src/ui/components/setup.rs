//! The report set-up: the criteria set and the commune's threshold column (in the set's own
//! words), the issuer, the period, the document's number and date, recipients, signatory.

use super::field::{select_field, text_area, text_field, AreaProps, SelectProps, TextProps};
use crate::core::criteria::CriteriaSet;
use crate::core::draft::{Draft, Issuer, PeriodKind};
use crate::core::edit::{Edit, MetaField};
use crate::core::json::{key_of, of_key};
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct SetupProps {
    pub draft: Shared<Draft>,
    pub set: Shared<CriteriaSet>,
    /// Every set in the library as (index, "name (version)"), to switch the draft's set.
    pub library: Vec<(usize, AttrValue)>,
    pub on_edit: Callback<Edit>,
    pub on_change_set: Callback<usize>,
    /// A year typed that the draft cannot hold, shown as typed with its reason.
    pub year_typed: Option<AttrValue>,
}

/// The set-up screen.
pub fn setup(p: &SetupProps) -> Html {
    let m = &p.draft.meta;
    let f = |field: MetaField| {
        let on = p.on_edit.clone();
        Callback::from(move |v: String| on.emit(Edit::Meta(field, v)))
    };
    let date = m.date.map(|d| d.iso()).unwrap_or_default();
    html! {
        <section class="setup" aria-labelledby="setup-title">
            <h2 id="setup-title">{ "Thông tin báo cáo" }</h2>
            <fieldset class="start">
                <legend>{ "Để bắt đầu: bộ tiêu chí, nhóm của xã, kỳ báo cáo" }</legend>
                { set_choice(&p.set, &p.library, &p.on_change_set) }
                { column_choice(&p.draft, &p.set, &p.on_edit) }
                { period_fields(p) }
            </fieldset>
            <fieldset>
                <legend>{ "Xã" }</legend>
                { text_field(TextProps { id: "m-name".into(), label: "Tên bản nháp (để phân biệt trong danh sách)".into(), value: p.draft.name.clone().into(), on_input: f(MetaField::Name), ..Default::default() }) }
                <div class="pair">
                    { text_field(TextProps { id: "m-commune".into(), label: "Tên xã (không ghi chữ “xã”)".into(), value: m.commune.clone().into(), on_input: f(MetaField::Commune), placeholder: Some("VD: Liên Sơn".into()), ..Default::default() }) }
                    { text_field(TextProps { id: "m-province".into(), label: "Tỉnh".into(), value: m.province.clone().into(), on_input: f(MetaField::Province), ..Default::default() }) }
                </div>
            </fieldset>
            { issuer_fields(&p.draft, &p.on_edit) }
            <fieldset>
                <legend>{ "Văn bản" }</legend>
                { text_area(AreaProps { id: "m-programme".into(), label: "Tên chương trình (để trống: theo bộ tiêu chí)".into(), value: m.programme.clone().into(), on_input: f(MetaField::Programme), rows: 2, hint: Some(AttrValue::from(format!("Tiêu đề báo cáo: “Kết quả thực hiện {} …”", m.programme_text(&p.set.programme)))) }) }
                <div class="pair">
                    { text_field(TextProps { id: "m-number".into(), label: "Số văn bản".into(), value: m.doc_number.clone().into(), on_input: f(MetaField::DocNumber), placeholder: Some((format!("VD: 45/{}", m.issuer.symbol())).into()), ..Default::default() }) }
                    { text_field(TextProps { id: "m-place".into(), label: "Địa danh".into(), value: m.place.clone().into(), on_input: f(MetaField::Place), placeholder: Some("VD: Liên Sơn".into()), ..Default::default() }) }
                    { text_field(TextProps { id: "m-date".into(), label: "Ngày ban hành".into(), kind: "date".into(), value: date.into(), on_input: f(MetaField::Date), ..Default::default() }) }
                </div>
                { text_area(AreaProps { id: "m-recipients".into(), label: "Kính gửi (mỗi nơi một dòng)".into(), value: m.recipients.clone().into(), on_input: f(MetaField::Recipients), rows: 2, ..Default::default() }) }
                { text_area(AreaProps { id: "m-answering".into(), label: "Thực hiện văn bản (mỗi văn bản một dòng, VD: Thực hiện công văn số …)".into(), value: m.answering.clone().into(), on_input: f(MetaField::Answering), rows: 3, ..Default::default() }) }
                <div class="pair">
                    { text_area(AreaProps { id: "m-sign-title".into(), label: "Chức vụ người ký (mỗi dòng một dòng in; để trống: theo cơ quan ban hành)".into(), value: m.signatory_title.clone().into(), on_input: f(MetaField::SignatoryTitle), rows: 2, hint: Some(AttrValue::from(format!("Để trống sẽ in: {}", m.issuer.signature().join(" / ")))) }) }
                    { text_field(TextProps { id: "m-sign-name".into(), label: "Họ và tên người ký".into(), value: m.signatory_name.clone().into(), on_input: f(MetaField::SignatoryName), ..Default::default() }) }
                </div>
                { text_area(AreaProps { id: "m-copies".into(), label: "Nơi nhận (mỗi nơi một dòng)".into(), value: m.copies_to.clone().into(), on_input: f(MetaField::CopiesTo), rows: 4, hint: Some(AttrValue::from("“Như trên” (khi có nơi Kính gửi) được in đầu danh sách; dòng “Lưu: VT, …” được in cuối, thêm “Lưu: VT.” nếu chưa có.")) }) }
            </fieldset>
        </section>
    }
}

/// The period reported on: its kind, its year (as typed when the draft cannot hold it), its
/// own name when it is neither, and what the report will say of it.
fn period_fields(p: &SetupProps) -> Html {
    let m = &p.draft.meta;
    let f = |field: MetaField| {
        let on = p.on_edit.clone();
        Callback::from(move |v: String| on.emit(Edit::Meta(field, v)))
    };
    let on_period = {
        let on = p.on_edit.clone();
        Callback::from(move |v: String| on.emit(Edit::Period(of_key(&v).unwrap_or_default())))
    };
    let periods: Vec<(AttrValue, AttrValue)> = [
        (PeriodKind::FirstHalf, "6 tháng đầu năm"),
        (PeriodKind::FullYear, "Cả năm"),
        (PeriodKind::Custom, "Khác (tự ghi)"),
    ]
    .into_iter()
    .map(|(k, label)| (key_of(&k).into(), label.into()))
    .collect();
    html! {
        <>
            <div class="pair">
                { select_field(SelectProps { id: "m-period".into(), label: "Kỳ báo cáo".into(), value: key_of(&m.period).into(), options: periods, on_change: on_period }) }
                { text_field(TextProps { id: "m-year".into(), label: "Năm".into(), value: p.year_typed.clone().unwrap_or_else(|| m.year.to_string().into()), on_input: f(MetaField::Year), inputmode: Some("numeric".into()), class: classes!("narrow"), error: p.year_typed.as_ref().and_then(|t| crate::core::edit::year_problem(t)).map(AttrValue::from), ..Default::default() }) }
            </div>
            if m.period == PeriodKind::Custom {
                { text_field(TextProps { id: "m-period-label".into(), label: "Tên kỳ báo cáo".into(), value: m.period_label.clone().into(), on_input: f(MetaField::PeriodLabel), placeholder: Some("VD: 9 tháng đầu năm 2025".into()), ..Default::default() }) }
            }
            <p class="hint">{ format!("Báo cáo: {}; phương hướng: {}.", m.period_text(), m.next_period_text()) }</p>
        </>
    }
}

/// The set the draft is scored with (its legal basis), and a switch to another.
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
    let count = set.indicators().count();
    html! {
        <>
            <p class="set-info">{ format!("Đang dùng: {} (phiên bản {}, giai đoạn {} - {}, {}), căn cứ {} ngày {} của {}. Bản nháp giữ bản sao của bộ tiêu chí này, nên kết quả không đổi khi bộ tiêu chí có sẵn được cập nhật.", set.name, set.version, set.period.from, set.period.to, count_vi(count), lb.number, lb.date, lb.issuer) }</p>
            if count == 0 {
                <p class="notice warning" role="note">{ "Bộ này chưa có chỉ tiêu chi tiết (các chỉ tiêu để tỉnh quy định): xã chỉ đánh giá cả từng tiêu chí, kèm nhận xét. Tỉnh đã gửi tệp bộ tiêu chí? Mở tệp đó bằng “Mở tệp nhận được” ở màn hình “Bản nháp”, rồi chọn bộ đó ở ô dưới đây." }</p>
            }
            <div class="field">
                <label for="m-set">{ "Đổi sang bộ tiêu chí khác (số liệu đã nhập được giữ theo mã chỉ tiêu)" }</label>
                <select id="m-set" onchange={on_change}>
                    <option value="" selected=true>{ "— giữ bộ tiêu chí đang dùng —" }</option>
                    { for library.iter().map(|(i, name)| html! { <option value={i.to_string()}>{ name.clone() }</option> }) }
                </select>
            </div>
        </>
    }
}

/// "47 chỉ tiêu", or that there are none yet.
fn count_vi(count: usize) -> String {
    match count {
        0 => "chưa có chỉ tiêu chi tiết".into(),
        n => format!("{n} chỉ tiêu"),
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
    // Say what is true of not choosing: the general thresholds, or none where the set gives
    // them by column.
    let unchosen = if set.answers_by_column() {
        format!(
            "— Chưa chọn {} (cần chọn để áp dụng ngưỡng) —",
            crate::core::vn::to_lower(label)
        )
    } else {
        format!(
            "Chưa chọn {} (dùng ngưỡng áp dụng cho mọi xã)",
            crate::core::vn::to_lower(label)
        )
    };
    let mut options: Vec<(AttrValue, AttrValue)> = vec![("".into(), unchosen.into())];
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
            { select_field(SelectProps { id: "m-column".into(), label: (format!("{label} (chọn để áp dụng đúng ngưỡng cho xã)")).into(), options, value: m.column.clone().into(), on_change: on_column }) }
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
        Callback::from(move |v: String| on.emit(Edit::Issuer(of_key(&v).unwrap_or_default())))
    };
    let key = key_of(&m.issuer);
    let options: Vec<(AttrValue, AttrValue)> = [
        (Issuer::Committee, "Ủy ban nhân dân xã (…/BC-UBND)"),
        (
            Issuer::Board,
            "Ban chỉ đạo hoặc Ban quản lý của xã (…/BC-BCĐ)",
        ),
    ]
    .into_iter()
    .map(|(i, label)| (key_of(&i).into(), label.into()))
    .collect();
    let commune = crate::core::vn::to_upper(m.commune.trim());
    html! {
        <fieldset>
            <legend>{ "Cơ quan ban hành" }</legend>
            { select_field(SelectProps { id: "m-issuer".into(), label: "Cơ quan ban hành báo cáo".into(), options, value: key.into(), on_change: on_issuer }) }
            if m.issuer == Issuer::Board {
                { text_field(TextProps { id: "m-issuing".into(), label: "Tên Ban (như viết trong câu, VD: Ban Chỉ đạo … xã Liên Sơn)".into(), value: m.issuing_body.clone().into(), on_input: f(MetaField::IssuingBody), ..Default::default() }) }
                { text_field(TextProps { id: "m-parent".into(), label: "Cơ quan cấp trên của Ban (dòng đầu góc trái)".into(), value: m.parent_body.clone().into(), on_input: f(MetaField::ParentBody), placeholder: Some((format!("Để trống: ỦY BAN NHÂN DÂN XÃ {commune}")).into()), ..Default::default() }) }
            } else if !m.parent_body.trim().is_empty() {
                <p class="hint" role="note">{ format!("Dòng cơ quan cấp trên “{}” đã nhập trước đây không được in: tiêu đề của Ủy ban nhân dân xã không có dòng cấp trên (từ 01/7/2025 không còn cấp huyện). Chọn “Ban chỉ đạo …” nếu báo cáo do Ban ban hành.", m.parent_body.trim()) }</p>
            }
        </fieldset>
    }
}
