//! The report set-up: commune, period, document number and date, recipients, signatory.

use super::field::{SelectField, TextArea, TextField};
use crate::core::criteria::CriteriaSet;
use crate::core::draft::{Draft, PeriodKind};
use crate::ui::state::{Edit, MetaField, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SetupProps {
    pub draft: Shared<Draft>,
    pub set: Shared<CriteriaSet>,
    /// Every set in the library as (index, "name (version)"), to switch the draft's set.
    pub library: Vec<(usize, AttrValue)>,
    pub on_edit: Callback<Edit>,
    pub on_change_set: Callback<usize>,
}

#[function_component]
pub fn Setup(p: &SetupProps) -> Html {
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
    let on_disadvantaged = {
        let on = p.on_edit.clone();
        Callback::from(move |e: Event| {
            let checked = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            on.emit(Edit::Disadvantaged(checked))
        })
    };
    let mut regions: Vec<(AttrValue, AttrValue)> =
        vec![("".into(), "Cột chung (không theo vùng)".into())];
    regions.extend(p.set.regions.iter().map(|r| {
        (
            AttrValue::from(r.id.clone()),
            AttrValue::from(r.name.clone()),
        )
    }));
    let date = m.date.map(|d| d.iso()).unwrap_or_default();
    let lb = &p.set.legal_basis;
    html! {
        <section class="setup" aria-labelledby="setup-title">
            <h2 id="setup-title">{ "Thông tin báo cáo" }</h2>
            <fieldset>
                <legend>{ "Bộ tiêu chí" }</legend>
                <p class="set-info">{ format!("Đang dùng: {} (phiên bản {}), căn cứ {} ngày {} của {}. Bản nháp giữ bản sao của bộ tiêu chí này, nên kết quả không đổi khi bộ tiêu chí có sẵn được cập nhật.", p.set.name, p.set.version, lb.number, lb.date, lb.issuer) }</p>
                <div class="pair">
                    <div class="field">
                        <label for="m-set">{ "Đổi sang bộ tiêu chí khác (số liệu đã nhập được giữ theo mã chỉ tiêu)" }</label>
                        <select id="m-set" onchange={{
                            let on = p.on_change_set.clone();
                            Callback::from(move |e: Event| {
                                let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                                if let Ok(i) = v.parse::<usize>() {
                                    on.emit(i);
                                }
                            })
                        }}>
                            <option value="" selected=true>{ "— giữ bộ tiêu chí đang dùng —" }</option>
                            { for p.library.iter().map(|(i, name)| html! { <option value={i.to_string()}>{ name.clone() }</option> }) }
                        </select>
                    </div>
                </div>
            </fieldset>
            <fieldset>
                <legend>{ "Xã" }</legend>
                <TextField id="m-name" label="Tên bản nháp (để phân biệt trong danh sách)" value={p.draft.name.clone()} on_input={f(MetaField::Name)} />
                <div class="pair">
                    <TextField id="m-commune" label="Tên xã (không ghi chữ “xã”)" value={m.commune.clone()} on_input={f(MetaField::Commune)} placeholder="VD: Liên Sơn" />
                    <TextField id="m-province" label="Tỉnh" value={m.province.clone()} on_input={f(MetaField::Province)} />
                </div>
                if !p.set.regions.is_empty() {
                    <SelectField id="m-region" label="Vùng kinh tế (cột ngưỡng áp dụng)" options={regions} value={m.region.clone()} on_change={f(MetaField::Region)} />
                    <div class="field check">
                        <input id="m-disadvantaged" type="checkbox" checked={m.disadvantaged} onchange={on_disadvantaged} />
                        <label for="m-disadvantaged">{ "Xã đặc biệt khó khăn hoặc xã an toàn khu (áp dụng cột Trung du và miền núi phía Bắc)" }</label>
                    </div>
                }
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
            </fieldset>
            <fieldset>
                <legend>{ "Văn bản" }</legend>
                <TextField id="m-parent" label="Cơ quan cấp trên (dòng đầu góc trái)" value={m.parent_body.clone()} on_input={f(MetaField::ParentBody)} placeholder="VD: UBND HUYỆN CHI LĂNG" />
                <TextField id="m-issuing" label="Cơ quan ban hành (để trống: Ủy ban nhân dân xã …)" value={m.issuing_body.clone()} on_input={f(MetaField::IssuingBody)} />
                <div class="pair">
                    <TextField id="m-number" label="Số văn bản" value={m.doc_number.clone()} on_input={f(MetaField::DocNumber)} placeholder="VD: 45/BC-UBND" />
                    <TextField id="m-place" label="Địa danh" value={m.place.clone()} on_input={f(MetaField::Place)} placeholder="VD: Liên Sơn" />
                    <TextField id="m-date" label="Ngày ban hành" kind="date" value={date} on_input={f(MetaField::Date)} />
                </div>
                <TextArea id="m-recipients" label="Kính gửi (mỗi nơi một dòng)" value={m.recipients.clone()} on_input={f(MetaField::Recipients)} rows={2} />
                <TextArea id="m-answering" label="Thực hiện văn bản (mỗi văn bản một dòng, VD: Thực hiện công văn số …)" value={m.answering.clone()} on_input={f(MetaField::Answering)} rows={3} />
                <div class="pair">
                    <TextArea id="m-sign-title" label="Chức vụ người ký (mỗi dòng một dòng in)" value={m.signatory_title.clone()} on_input={f(MetaField::SignatoryTitle)} rows={2} />
                    <TextField id="m-sign-name" label="Họ và tên người ký" value={m.signatory_name.clone()} on_input={f(MetaField::SignatoryName)} />
                </div>
                <TextArea id="m-copies" label="Nơi nhận (mỗi nơi một dòng)" value={m.copies_to.clone()} on_input={f(MetaField::CopiesTo)} rows={4} />
            </fieldset>
        </section>
    }
}
