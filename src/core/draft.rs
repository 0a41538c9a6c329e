//! The commune's draft: report metadata, one entry per indicator, narratives.
//!
//! Figures are kept as the user typed them (strings), so nothing they type is ever lost or
//! rewritten; scoring parses them and reports what it could not read.

use crate::core::de::{ReadName, ReadObject, WriteName, WriteObject};
use crate::core::vecmap::VecMap;
use crate::core::vn::Date;
use serde::Serialize;

/// Which criteria set, at which version, a draft is scored with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ReadObject, WriteObject)]
pub struct SetRef {
    pub id: String,
    pub version: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Default, ReadObject, WriteObject)]
#[serde(default)]
pub struct Draft {
    pub id: String,
    /// A name the user gave the draft; empty shows commune and period.
    pub name: String,
    pub set: Option<SetRef>,
    pub meta: ReportMeta,
    /// By indicator code. A criterion the set lists no indicators for is judged as a whole
    /// under its own number ("3"), the code a criterion with a single indicator uses.
    pub entries: VecMap<String, Entry>,
    /// Narrative per criterion number (what the report says under its heading).
    pub criterion_notes: VecMap<u8, String>,
    /// Thresholds the user entered where the set has none, by indicator code.
    pub user_thresholds: VecMap<String, UserThreshold>,
    pub narrative: Narrative,
    /// The previous period's entries, for a draft made by "Tạo kỳ báo cáo tiếp theo": shown
    /// beside this period's inputs, never counted as this period's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<Previous>,
    /// Parts of the assessment handed out to the commune's team (`core::team`), in the order
    /// they were handed out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartRecord>,
}

/// What the previous period's report held, kept for reference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Default, ReadObject, WriteObject)]
#[serde(default)]
pub struct Previous {
    /// "6 tháng đầu năm 2024"
    pub period: String,
    pub year: u16,
    /// By indicator code, as they were (without their acknowledgements, which belonged to that
    /// period's report).
    pub entries: VecMap<String, Entry>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ReadName, WriteName, Default)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    #[default]
    FirstHalf,
    FullYear,
    Custom,
}

/// Who issues and signs the report; the header, symbol, opening and signature follow it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ReadName, WriteName, Default)]
#[serde(rename_all = "snake_case")]
pub enum Issuer {
    /// Ủy ban nhân dân xã: "ỦY BAN NHÂN DÂN" / "XÃ …", …/BC-UBND, "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH".
    #[default]
    Committee,
    /// A commune steering or management board: its upper body above it, …/BC-BCĐ, "TRƯỞNG BAN".
    Board,
}

impl Issuer {
    /// The symbol of its reports: "BC-UBND", "BC-BCĐ".
    pub fn symbol(self) -> &'static str {
        match self {
            Issuer::Committee => "BC-UBND",
            Issuer::Board => "BC-BCĐ",
        }
    }

    /// The signature block's title lines when the draft gives none.
    pub fn signature(self) -> &'static [&'static str] {
        match self {
            Issuer::Committee => &["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
            Issuer::Board => &["TRƯỞNG BAN"],
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Default, ReadObject, WriteObject)]
#[serde(default)]
pub struct ReportMeta {
    /// Commune name without "xã": "Liên Sơn".
    pub commune: String,
    pub province: String,
    pub issuer: Issuer,
    /// For a board: the body above it, first line of the header ("ỦY BAN NHÂN DÂN XÃ LIÊN SƠN";
    /// empty gives exactly that). Not printed for the committee, which has no upper line.
    pub parent_body: String,
    /// For a board: its name as written in a sentence ("Ban Chỉ đạo … xã Liên Sơn").
    pub issuing_body: String,
    /// Column id of the set's thresholds (region, commune group); empty: the general column.
    /// Schema 1 called it `region`.
    #[serde(alias = "region")]
    pub column: String,
    /// The commune falls under the set's column rule (318/QĐ-TTg: xã ĐBKK or ATK). Schema 1
    /// called it `disadvantaged`.
    #[serde(alias = "disadvantaged")]
    pub rule_column: bool,
    /// The programme's name when it differs from the set's.
    pub programme: String,
    pub period: PeriodKind,
    pub period_label: String,
    pub year: u16,
    /// "…/BC-UBND"
    pub doc_number: String,
    pub place: String,
    pub date: Option<Date>,
    /// "Kính gửi", one recipient a line.
    pub recipients: String,
    /// Letters the report answers, one a line ("Thực hiện công văn số …").
    pub answering: String,
    pub signatory_title: String,
    pub signatory_name: String,
    /// "Nơi nhận", one a line.
    pub copies_to: String,
    /// The annex names, per criterion, who provided its figures (`team::providers`, #28). Off
    /// by default; absent from what is written while off, so drafts read as before.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub providers_annex: bool,
}

impl ReportMeta {
    /// "6 tháng đầu năm 2024", "năm 2024", or the custom label.
    pub fn period_text(&self) -> String {
        match self.period {
            PeriodKind::FirstHalf => format!("6 tháng đầu năm {}", self.year),
            PeriodKind::FullYear => format!("năm {}", self.year),
            PeriodKind::Custom if !self.period_label.trim().is_empty() => {
                self.period_label.trim().to_string()
            }
            PeriodKind::Custom => format!("năm {}", self.year),
        }
    }

    /// "6 tháng cuối năm 2024" / "năm 2025": what Part two plans for.
    pub fn next_period_text(&self) -> String {
        match self.period {
            PeriodKind::FirstHalf => format!("6 tháng cuối năm {}", self.year),
            _ => format!("năm {}", self.year + 1),
        }
    }

    /// The programme the report is about: the draft's own wording, else the set's.
    pub fn programme_text<'a>(&'a self, set_programme: &'a str) -> &'a str {
        match self.programme.trim() {
            "" => set_programme.trim(),
            own => own,
        }
    }
}

/// The commune's judgement of an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ReadName, WriteName, Default)]
#[serde(rename_all = "snake_case")]
pub enum Judgement {
    /// No judgement: yes/no indicators are then "chưa đánh giá"; numeric ones follow figures.
    #[default]
    None,
    Met,
    NotMet,
    /// Nothing of the kind exists in the commune; counted as met, with a reason.
    NotApplicable,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Default, ReadObject, WriteObject)]
#[serde(default)]
pub struct Entry {
    pub judgement: Judgement,
    /// Percentages: the counted part (146) …
    pub numerator: String,
    /// … of the whole (185).
    pub denominator: String,
    /// Amounts and counts; for percentages, the percentage itself when the counts are unknown.
    pub value: String,
    /// Year the figure dates from, when older than the report ("2022").
    pub data_year: String,
    /// What the report says about the indicator; also the reason for a judgement.
    pub note: String,
    /// Findings the user acknowledged, each with its reason, so the report can be final.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub acks: Vec<Ack>,
    /// The previous period ("6 tháng đầu năm 2024") this entry was kept from as it was, until
    /// its figures or judgement are entered anew.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub kept_from: String,
    /// Who last changed the entry's content: a team member's name from their part, or
    /// `edit::COMPILER` ("người soạn") for the draft itself; empty before provenance was kept.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// When, ISO 8601 ("2026-11-30T04:17:00.000Z").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub at: String,
}

/// The user's word that a finding is known and the report may be final anyway: which finding
/// (`kind`, a `FindingKind` key), the text it was about when acknowledged (when that text
/// changes, the finding is back), and the reason, which the report prints.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Default, ReadObject, WriteObject)]
#[serde(default)]
pub struct Ack {
    pub kind: String,
    pub about: String,
    pub reason: String,
}

impl Entry {
    /// Nothing typed; who and when do not count.
    pub fn is_blank(&self) -> bool {
        self.same_content(&Entry::default())
    }

    /// Equal in everything typed, whoever typed it and whenever: what edits and merges compare.
    pub fn same_content(&self, other: &Entry) -> bool {
        // Destructured, so a new field must be placed here (content or provenance) to compile.
        let Entry {
            judgement,
            numerator,
            denominator,
            value,
            data_year,
            note,
            acks,
            kept_from,
            by: _,
            at: _,
        } = self;
        (
            (judgement, numerator, denominator, value),
            (data_year, note, acks, kept_from),
        ) == (
            (
                &other.judgement,
                &other.numerator,
                &other.denominator,
                &other.value,
            ),
            (&other.data_year, &other.note, &other.acks, &other.kept_from),
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Default, ReadObject, WriteObject)]
#[serde(default)]
pub struct UserThreshold {
    /// As typed ("85" or "26,7").
    pub value: String,
    /// The document it comes from, required.
    pub source: String,
}

/// The report's narrative parts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Default, ReadObject, WriteObject)]
#[serde(default)]
pub struct Narrative {
    pub communication: String,
    pub organisation: String,
    pub achievements: String,
    pub limitations: String,
    pub causes: String,
    pub goals: String,
    pub tasks: String,
    pub solutions: String,
    /// Resources raised and spent, by source (optional: printed only when written).
    pub funds: String,
    /// "Kiến nghị, đề xuất" (optional: printed only when written).
    pub proposals: String,
}

/// Which narrative part, for the editor's actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NarrativePart {
    Communication,
    Organisation,
    Achievements,
    Limitations,
    Causes,
    Goals,
    Tasks,
    Solutions,
    Funds,
    Proposals,
}

impl NarrativePart {
    /// In the order the editor offers them.
    pub const ALL: [NarrativePart; 10] = [
        NarrativePart::Communication,
        NarrativePart::Organisation,
        NarrativePart::Funds,
        NarrativePart::Achievements,
        NarrativePart::Limitations,
        NarrativePart::Causes,
        NarrativePart::Goals,
        NarrativePart::Tasks,
        NarrativePart::Solutions,
        NarrativePart::Proposals,
    ];

    pub fn title_vi(self) -> &'static str {
        match self {
            NarrativePart::Communication => "Công tác tuyên truyền, vận động",
            NarrativePart::Organisation => "Bộ máy tổ chức thực hiện Chương trình",
            NarrativePart::Achievements => "Những kết quả nổi bật đã đạt được",
            NarrativePart::Limitations => "Hạn chế, tồn tại",
            NarrativePart::Causes => "Nguyên nhân của tồn tại, hạn chế",
            NarrativePart::Goals => "Mục tiêu",
            NarrativePart::Tasks => "Nhiệm vụ trọng tâm",
            NarrativePart::Solutions => "Giải pháp thực hiện",
            NarrativePart::Funds => "Kết quả huy động, sử dụng nguồn lực (không bắt buộc)",
            NarrativePart::Proposals => "Kiến nghị, đề xuất (không bắt buộc)",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            NarrativePart::Communication => "communication",
            NarrativePart::Organisation => "organisation",
            NarrativePart::Achievements => "achievements",
            NarrativePart::Limitations => "limitations",
            NarrativePart::Causes => "causes",
            NarrativePart::Goals => "goals",
            NarrativePart::Tasks => "tasks",
            NarrativePart::Solutions => "solutions",
            NarrativePart::Funds => "funds",
            NarrativePart::Proposals => "proposals",
        }
    }
}

impl Narrative {
    pub fn get(&self, part: NarrativePart) -> &str {
        match part {
            NarrativePart::Communication => &self.communication,
            NarrativePart::Organisation => &self.organisation,
            NarrativePart::Achievements => &self.achievements,
            NarrativePart::Limitations => &self.limitations,
            NarrativePart::Causes => &self.causes,
            NarrativePart::Goals => &self.goals,
            NarrativePart::Tasks => &self.tasks,
            NarrativePart::Solutions => &self.solutions,
            NarrativePart::Funds => &self.funds,
            NarrativePart::Proposals => &self.proposals,
        }
    }

    pub fn get_mut(&mut self, part: NarrativePart) -> &mut String {
        match part {
            NarrativePart::Communication => &mut self.communication,
            NarrativePart::Organisation => &mut self.organisation,
            NarrativePart::Achievements => &mut self.achievements,
            NarrativePart::Limitations => &mut self.limitations,
            NarrativePart::Causes => &mut self.causes,
            NarrativePart::Goals => &mut self.goals,
            NarrativePart::Tasks => &mut self.tasks,
            NarrativePart::Solutions => &mut self.solutions,
            NarrativePart::Funds => &mut self.funds,
            NarrativePart::Proposals => &mut self.proposals,
        }
    }
}

impl Draft {
    pub fn entry(&self, code: &str) -> Option<&Entry> {
        self.entries.get(code)
    }

    /// The draft for the next reporting period ("tạo kỳ báo cáo tiếp theo"): the period moved
    /// on (a custom period's label with it), the document's number and date and the parts
    /// handed out cleared. This
    /// period's entries start empty: the previous period's are kept beside them as the previous
    /// period's (`previous`), never as this period's, and no acknowledgement carries over. The
    /// report's identity, recipients, signatory, narrative, criterion notes and the thresholds
    /// the commune entered are carried as a starting point.
    pub fn next_period(&self, new_id: String) -> Draft {
        let mut next = self.clone();
        next.id = new_id;
        let old_year = self.meta.year;
        match next.meta.period {
            PeriodKind::FirstHalf => next.meta.period = PeriodKind::FullYear,
            PeriodKind::FullYear => {
                next.meta.period = PeriodKind::FirstHalf;
                next.meta.year = old_year.saturating_add(1);
            }
            PeriodKind::Custom => next.meta.year = old_year.saturating_add(1),
        }
        if next.meta.year != old_year {
            next.meta.period_label = next
                .meta
                .period_label
                .replace(&old_year.to_string(), &next.meta.year.to_string());
        }
        next.meta.doc_number.clear();
        next.meta.date = None;
        // Parts handed out belonged to that period's report.
        next.parts.clear();
        let mut entries = std::mem::take(&mut next.entries);
        for e in entries.values_mut() {
            e.acks.clear();
            e.kept_from.clear();
        }
        entries.retain(|_, e| !e.is_blank());
        next.previous = Some(Previous {
            period: self.meta.period_text(),
            year: old_year,
            entries,
        });
        next
    }

    /// The previous period's entry of an indicator, if the draft was carried forward.
    pub fn previous_entry(&self, code: &str) -> Option<&Entry> {
        self.previous.as_ref()?.entries.get(code)
    }
}

/// Where a part stands in the draft's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ReadName, WriteName, Default)]
#[serde(rename_all = "snake_case")]
pub enum PartState {
    /// Handed out, not back yet.
    #[default]
    Out,
    /// Its file came back (read and checked), not merged yet.
    Returned,
    /// Merged into the draft (it may come back again with more, and be merged again).
    Merged,
}

impl PartState {
    pub fn label_vi(self) -> &'static str {
        match self {
            PartState::Out => "Đã giao",
            PartState::Returned => "Đã nhận lại, chưa gộp",
            PartState::Merged => "Đã gộp",
        }
    }
}

/// A part handed out, as the draft lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Default, ReadObject, WriteObject)]
#[serde(default)]
pub struct PartRecord {
    /// Unique in the draft, same alphabet as draft ids; the part file carries it.
    pub id: String,
    /// Who does it, as the compiler wrote it ("Công chức Văn hóa - Xã hội").
    pub who: String,
    /// The entries it covers, in the set's order: indicator codes, and the numbers of
    /// criteria judged as a whole.
    pub codes: Vec<String>,
    /// The date by which it is asked for, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// When it was handed out, ISO 8601.
    pub issued_at: String,
    pub state: PartState,
    /// When the returned file was written (its `saved_at`), once it came back.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub returned_at: String,
    /// When it was last merged.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub merged_at: String,
    /// Its entries as handed out (absent: blank): the part file must carry exactly these.
    pub base: VecMap<String, Entry>,
    /// Once merged (`merged_at` set): the part's entries as last merged, the base of the next
    /// merge of the same part, so a part merged again brings only what changed in it since
    /// (importing it twice changes nothing, whatever was chosen in its conflicts).
    #[serde(skip_serializing_if = "VecMap::is_empty")]
    pub merged: VecMap<String, Entry>,
}

impl PartRecord {
    /// Asked for by a date now past, and not merged.
    pub fn overdue(&self, today: Date) -> bool {
        self.state != PartState::Merged && self.due.is_some_and(|d| d < today)
    }

    /// What the next merge of this part is judged against.
    pub fn merge_base(&self) -> &VecMap<String, Entry> {
        if self.merged_at.is_empty() {
            &self.base
        } else {
            &self.merged
        }
    }
}
