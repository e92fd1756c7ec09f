//! 自评表 and 述职报告: form templates of sections and items, the forms cadres fill in, and the
//! checks the office runs on forms it receives. A template a submitted form uses never changes
//! under it: editing it makes a new version.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::record::{Entity, Id, Meta};
use crate::sorted::SortedMap;
use crate::store::schema::StoreName;

crate::read_by_name! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum FormKind {
        SelfAssessment,
        DutyReport,
    }
}

impl FormKind {
    pub const ALL: [FormKind; 2] = [FormKind::SelfAssessment, FormKind::DutyReport];
    pub fn label(self) -> &'static str {
        match self {
            FormKind::SelfAssessment => "个人自评表",
            FormKind::DutyReport => "年度述职报告",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A score from 0 to `max`, counted with `weight` in the form's total.
    Score {
        max: u32,
        weight: u32,
    },
    Choice {
        options: Vec<String>,
    },
    ShortText,
    LongText,
}

impl ItemKind {
    pub fn label(&self) -> &'static str {
        match self {
            ItemKind::Score { .. } => "打分",
            ItemKind::Choice { .. } => "选择",
            ItemKind::ShortText => "简短填写",
            ItemKind::LongText => "详细填写",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Stable within the template and its versions: answers point at it.
    pub key: u32,
    pub label: String,
    pub kind: ItemKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub title: String,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormTemplate {
    pub meta: Meta,
    pub kind: FormKind,
    pub name: String,
    /// Versions of one template share `family`; the newest is offered for new forms.
    pub family: Id,
    pub version: u32,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub deleted: bool,
}

impl Entity for FormTemplate {
    const STORE: StoreName = StoreName::FormTemplates;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Score(u32),
    Choice(String),
    Text(String),
}

/// Who filled the form in, as their own browser knows them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
    pub unit: String,
    #[serde(default)]
    pub post: String,
}

/// A filled form. Self-assessments and duty reports are kept in their own stores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilledForm {
    pub meta: Meta,
    pub template_id: Id,
    pub year: i32,
    pub author: Author,
    #[serde(default)]
    pub answers: SortedMap<u32, Answer>,
    #[serde(default)]
    pub submitted_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub deleted: bool,
}

macro_rules! form_store {
    ($name:ident, $store:expr) => {
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub FilledForm);

        impl Entity for $name {
            const STORE: StoreName = $store;
            fn meta(&self) -> &Meta {
                &self.0.meta
            }
            fn meta_mut(&mut self) -> &mut Meta {
                &mut self.0.meta
            }
        }
    };
}

form_store!(SelfAssessment, StoreName::SelfAssessments);
form_store!(DutyReport, StoreName::DutyReports);

pub const MAX_ANSWER_CHARS: usize = 20_000;
pub const MAX_ITEMS: usize = 200;

impl FormTemplate {
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| &s.items)
    }

    pub fn check(&self) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("请填写表名。".into());
        }
        if self.items().count() == 0 {
            return Err("表中至少要有一项。".into());
        }
        if self.items().count() > MAX_ITEMS {
            return Err(format!("一张表不超过 {MAX_ITEMS} 项。"));
        }
        let mut keys = crate::sorted::SortedSet::new();
        for (s, section) in self.sections.iter().enumerate() {
            if section.title.trim().is_empty() {
                return Err(format!("第 {} 部分没有标题。", s + 1));
            }
            for item in &section.items {
                if item.label.trim().is_empty() {
                    return Err(format!("“{}”中有一项没有名称。", section.title));
                }
                if !keys.insert(item.key) {
                    return Err("表中有两项编号相同，请重新复制模板。".into());
                }
                match &item.kind {
                    ItemKind::Score { max, .. } if !(1..=1000).contains(max) => {
                        return Err(format!("“{}”的满分应为 1 到 1000。", item.label))
                    }
                    ItemKind::Choice { options } if options.len() < 2 => {
                        return Err(format!("“{}”至少要有两个选项。", item.label))
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }

    /// The template after an edit: itself when no submitted form uses it, else a new version
    /// (new id, same family) so that submitted forms keep the template they answered.
    pub fn edited(
        &self,
        edit: FormTemplate,
        used_by_submitted: bool,
        new_meta: Meta,
    ) -> FormTemplate {
        if used_by_submitted {
            FormTemplate {
                meta: new_meta,
                family: self.family,
                version: self.version + 1,
                ..edit
            }
        } else {
            FormTemplate {
                meta: self.meta.clone(),
                family: self.family,
                version: self.version,
                ..edit
            }
        }
    }

    /// The total of the scored items, as a percentage of what they could give (weights apply).
    pub fn total(&self, answers: &SortedMap<u32, Answer>) -> Option<f64> {
        let (mut got, mut could) = (0.0, 0.0);
        for item in self.items() {
            if let ItemKind::Score { max, weight } = item.kind {
                let w = f64::from(weight.max(1));
                could += w;
                if let Some(Answer::Score(s)) = answers.get(&item.key) {
                    got += w * f64::from((*s).min(max)) / f64::from(max);
                }
            }
        }
        (could > 0.0).then(|| got / could * 100.0)
    }
}

/// Words of a Chinese text as offices count them: characters, not counting spaces.
pub fn word_count(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

impl FilledForm {
    pub fn is_submitted(&self) -> bool {
        self.submitted_at.is_some()
    }

    /// Checks the answers against the template: known items, scores within their maximum,
    /// choices among the options, text not too long.
    pub fn check_against(&self, template: &FormTemplate) -> Result<(), String> {
        for (key, answer) in &self.answers {
            let item = template
                .items()
                .find(|i| i.key == *key)
                .ok_or("表中有一项在模板中找不到。")?;
            match (&item.kind, answer) {
                (ItemKind::Score { max, .. }, Answer::Score(s)) if s > max => {
                    return Err(format!("“{}”最高 {max} 分。", item.label));
                }
                (ItemKind::Choice { options }, Answer::Choice(c)) if !options.contains(c) => {
                    return Err(format!("“{}”的选择不在选项中。", item.label));
                }
                (_, Answer::Text(t)) if t.chars().count() > MAX_ANSWER_CHARS => {
                    return Err(format!("“{}”太长。", item.label));
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// What the office sees on a received form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormFlag {
    UnknownTemplate,
    OtherYear,
    /// The same person handed in another form of this template family and year.
    Repeated,
    NotSubmitted,
}

impl FormFlag {
    pub fn label(self) -> &'static str {
        match self {
            FormFlag::UnknownTemplate => "模板本机没有（请先导入模板）",
            FormFlag::OtherYear => "不是所选年度的表",
            FormFlag::Repeated => "同一人交了不止一份",
            FormFlag::NotSubmitted => "尚未提交（草稿）",
        }
    }
}

/// The flags of `form` among all `forms` received, for the year the office is collecting.
pub fn flags(
    form: &FilledForm,
    forms: &[&FilledForm],
    templates: &[FormTemplate],
    year: i32,
) -> Vec<FormFlag> {
    let family = |id: Id| templates.iter().find(|t| t.meta.id == id).map(|t| t.family);
    let mut out = Vec::new();
    let mine = family(form.template_id);
    if mine.is_none() {
        out.push(FormFlag::UnknownTemplate);
    }
    if form.year != year {
        out.push(FormFlag::OtherYear);
    }
    let same_person = |f: &&&FilledForm| {
        f.meta.id != form.meta.id
            && !f.deleted
            && f.year == form.year
            && crate::roster::matching::same_person(
                &f.author.name,
                &f.author.unit,
                &form.author.name,
                &form.author.unit,
            )
            && family(f.template_id) == mine
    };
    if forms.iter().any(|f| same_person(&f)) {
        out.push(FormFlag::Repeated);
    }
    if !form.is_submitted() {
        out.push(FormFlag::NotSubmitted);
    }
    out
}

fn item(key: u32, label: &str, kind: ItemKind) -> Item {
    Item {
        key,
        label: label.into(),
        kind,
    }
}

fn section(title: &str, items: Vec<Item>) -> Section {
    Section {
        title: title.into(),
        items,
    }
}

/// The two templates that ship with the app, from the source report. Their ids are fixed so
/// every browser names the same template the same way.
pub fn builtin_templates(
    now: DateTime<Utc>,
    device: &crate::record::DeviceId,
) -> Vec<FormTemplate> {
    let make = |n: u128, kind, name: &str, sections| {
        let mut meta = Meta::new(device, now);
        meta.id = uuid::Uuid::from_u128(0x5e1f_0000 + n);
        FormTemplate {
            family: meta.id,
            meta,
            kind,
            name: name.into(),
            version: 1,
            sections,
            deleted: false,
        }
    };
    let level = || ItemKind::Choice {
        options: ["不存在", "有所存在", "较为突出"]
            .map(String::from)
            .to_vec(),
    };
    let score = || ItemKind::Score {
        max: 20,
        weight: 20,
    };
    vec![
        make(
            1,
            FormKind::DutyReport,
            "年度述职报告",
            vec![
                section("部门工作情况", vec![item(1, "本部门全年工作完成情况", ItemKind::LongText)]),
                section("个人履行职责情况", vec![item(2, "个人履职尽责情况", ItemKind::LongText)]),
                section("廉洁勤政情况", vec![item(3, "遵守廉洁自律规定、勤政务实情况", ItemKind::LongText)]),
                section("存在问题和改进措施", vec![item(4, "存在的问题和下一步打算", ItemKind::LongText)]),
            ],
        ),
        make(
            2,
            FormKind::SelfAssessment,
            "个人自评表（德能勤绩廉）",
            vec![
                section(
                    "德能勤绩廉自评",
                    vec![
                        item(1, "德：政治素质和职业道德", score()),
                        item(2, "能：业务能力和工作方法", score()),
                        item(3, "勤：工作态度和出勤", score()),
                        item(4, "绩：工作实绩", score()),
                        item(5, "廉：廉洁自律", score()),
                        item(6, "主要表现", ItemKind::LongText),
                    ],
                ),
                section(
                    "对照“四个不足”自查",
                    vec![
                        item(7, "学习抓得不够扎实", level()),
                        item(8, "作风和能力不够强", level()),
                        item(9, "群众工作不够扎实", level()),
                        item(10, "工作不够深入（“四多四少”：在机关城区多、下村到街少，迎来送往多、调查研究少，掌握上情多、了解下情少，做表面文章多、讲究实效少）", level()),
                        item(11, "自查发现的问题和整改打算", ItemKind::LongText),
                    ],
                ),
                section(
                    "自评等次",
                    vec![item(
                        12,
                        "自评等次",
                        ItemKind::Choice {
                            options: ["优秀", "称职", "基本称职", "不称职"].map(String::from).to_vec(),
                        },
                    )],
                ),
            ],
        ),
    ]
}

#[cfg(test)]
mod tests;
