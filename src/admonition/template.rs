//! 诫勉模板: the official documents of a case as text with named fields (`{{被诫勉人}}`),
//! checked line by line and filled from a case. A filled value is always plain text.

use serde::{Deserialize, Serialize};

use crate::record::{Entity, Meta};
use crate::store::schema::StoreName;

crate::read_by_name! {
    /// The documents of a case.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum DocKind {
        Notice,
        TalkRecord,
        RectificationReport,
        Circular,
        LiftDecision,
    }
}

impl DocKind {
    pub const ALL: [DocKind; 5] = [
        DocKind::Notice,
        DocKind::TalkRecord,
        DocKind::RectificationReport,
        DocKind::Circular,
        DocKind::LiftDecision,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DocKind::Notice => "诫勉谈话通知书",
            DocKind::TalkRecord => "诫勉谈话记录",
            DocKind::RectificationReport => "整改措施报告",
            DocKind::Circular => "诫勉情况通报",
            DocKind::LiftDecision => "解除诫勉决定书",
        }
    }

    /// Whether the office signs it (发文机关署名): not the talk record (signed on its lines)
    /// nor the cadre's own report.
    pub fn signed_by_office(self) -> bool {
        self.numbered()
    }

    /// Whether the office issues this document under a number (文号).
    pub fn numbered(self) -> bool {
        matches!(
            self,
            DocKind::Notice | DocKind::Circular | DocKind::LiftDecision
        )
    }
}

/// A named field a template may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Unit,
    Post,
    Reason,
    Matter,
    Facts,
    TalkDate,
    TalkTime,
    Place,
    Talker,
    Recorder,
    Content,
    Explanation,
    Deadline,
    Measures,
    Submitted,
    ObservationEnd,
    Reviewer,
    ReviewDate,
    Conclusion,
    Issuer,
    Number,
    Date,
}

impl Field {
    pub const ALL: [Field; 23] = [
        Field::Name,
        Field::Unit,
        Field::Post,
        Field::Reason,
        Field::Matter,
        Field::Facts,
        Field::TalkDate,
        Field::TalkTime,
        Field::Place,
        Field::Talker,
        Field::Recorder,
        Field::Content,
        Field::Explanation,
        Field::Deadline,
        Field::Measures,
        Field::Submitted,
        Field::ObservationEnd,
        Field::Reviewer,
        Field::ReviewDate,
        Field::Conclusion,
        Field::Issuer,
        Field::Number,
        Field::Date,
    ];

    /// The name written between the braces.
    pub fn name(self) -> &'static str {
        match self {
            Field::Name => "被诫勉人",
            Field::Unit => "单位",
            Field::Post => "职务",
            Field::Reason => "事由类别",
            Field::Matter => "事由",
            Field::Facts => "事实",
            Field::TalkDate => "谈话日期",
            Field::TalkTime => "谈话时间",
            Field::Place => "谈话地点",
            Field::Talker => "谈话人",
            Field::Recorder => "记录人",
            Field::Content => "谈话内容",
            Field::Explanation => "本人说明",
            Field::Deadline => "整改期限",
            Field::Measures => "整改措施",
            Field::Submitted => "提交日期",
            Field::ObservationEnd => "考察期满",
            Field::Reviewer => "考察人",
            Field::ReviewDate => "考察日期",
            Field::Conclusion => "考察结论",
            Field::Issuer => "发文机关",
            Field::Number => "文号",
            Field::Date => "成文日期",
        }
    }

    pub fn parse(name: &str) -> Option<Field> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// A document template. The built-in ones are in code; the office's own are stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentTemplate {
    pub meta: Meta,
    pub kind: DocKind,
    pub name: String,
    pub title: String,
    pub body: String,
    /// 发文机关代字 before the number: "某镇诫" gives 某镇诫〔2026〕3号.
    #[serde(default)]
    pub prefix: String,
    /// 发文机关署名.
    #[serde(default)]
    pub issuer: String,
    #[serde(default)]
    pub deleted: bool,
}

impl Entity for DocumentTemplate {
    const STORE: StoreName = StoreName::DocumentTemplates;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
}

pub const MAX_BODY_CHARS: usize = 20_000;
pub const MAX_TITLE_CHARS: usize = 100;
pub const MAX_ISSUER_CHARS: usize = 60;

/// What is wrong with a template's text, by line (1-based; the title is line 0 of its own).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    Unknown {
        part: Part,
        line: usize,
        name: String,
    },
    Unclosed {
        part: Part,
        line: usize,
    },
    Missing(&'static str),
    TooLong(&'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Title,
    Body,
}

impl TemplateError {
    pub fn user_message(&self) -> String {
        let place = |part: &Part, line: &usize| match part {
            Part::Title => "标题中".to_string(),
            Part::Body => format!("正文第 {line} 行"),
        };
        match self {
            TemplateError::Unknown { part, line, name } => format!(
                "{}的“{{{{{name}}}}}”不是可用的字段。请从右侧字段列表中插入，或改正名称。",
                place(part, line)
            ),
            TemplateError::Unclosed { part, line } => format!(
                "{}有“{{{{”没有配对的“}}}}”。请补上“}}}}”，或删去多余的“{{{{”。",
                place(part, line)
            ),
            TemplateError::Missing(what) => format!("请填写{what}。"),
            TemplateError::TooLong(what) => format!("{what}太长。"),
        }
    }
}

/// A piece of one line: text as written, or a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Field(Field),
}

/// Splits one line into text and fields.
fn pieces(line: &str, part: Part, number: usize) -> Result<Vec<Piece<'_>>, TemplateError> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find("{{") {
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        let after = &rest[open + 2..];
        let close = after
            .find("}}")
            .ok_or(TemplateError::Unclosed { part, line: number })?;
        let name = after[..close].trim();
        if name.contains("{{") {
            return Err(TemplateError::Unclosed { part, line: number });
        }
        let field = Field::parse(name).ok_or_else(|| TemplateError::Unknown {
            part,
            line: number,
            name: name.to_string(),
        })?;
        out.push(Piece::Field(field));
        rest = &after[close + 2..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    Ok(out)
}

/// Fills `text` line by line: every field's value from `value`, or a blank to write in by hand.
pub fn fill(
    text: &str,
    part: Part,
    value: &dyn Fn(Field) -> Option<String>,
) -> Result<Vec<String>, TemplateError> {
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let mut filled = String::new();
            for piece in pieces(line, part, i + 1)? {
                match piece {
                    Piece::Text(t) => filled.push_str(t),
                    Piece::Field(f) => match value(f) {
                        Some(v) if !v.trim().is_empty() => filled.push_str(&v),
                        // Facts add to the 事由; none is nothing to write in by hand.
                        Some(_) if f == Field::Facts => {}
                        _ => filled.push_str("＿＿＿＿"),
                    },
                }
            }
            Ok(filled)
        })
        .collect()
}

impl DocumentTemplate {
    /// The checks every stored template passes: named, and every field known and closed.
    pub fn check(&self) -> Result<(), TemplateError> {
        if self.name.trim().is_empty() {
            return Err(TemplateError::Missing("模板名称"));
        }
        if self.title.trim().is_empty() {
            return Err(TemplateError::Missing("标题"));
        }
        if self.body.chars().count() > MAX_BODY_CHARS {
            return Err(TemplateError::TooLong("正文"));
        }
        if self.name.chars().count() > 60 || self.prefix.chars().count() > 30 {
            return Err(TemplateError::TooLong("模板名称或发文机关代字"));
        }
        // A 标题 fills two lines of the 版心 at most, a 发文机关署名 one.
        if self.title.chars().count() > MAX_TITLE_CHARS {
            return Err(TemplateError::TooLong("标题"));
        }
        if self.issuer.chars().count() > MAX_ISSUER_CHARS {
            return Err(TemplateError::TooLong("发文机关署名"));
        }
        let none = |_: Field| None;
        fill(&self.title, Part::Title, &none)?;
        fill(&self.body, Part::Body, &none)?;
        Ok(())
    }

    /// The template of `kind` that ships with the app.
    pub fn builtin(kind: DocKind, meta: Meta) -> DocumentTemplate {
        let body = match kind {
            DocKind::Notice => NOTICE,
            DocKind::TalkRecord => TALK_RECORD,
            DocKind::RectificationReport => RECTIFICATION,
            DocKind::Circular => CIRCULAR,
            DocKind::LiftDecision => LIFT,
        };
        DocumentTemplate {
            meta,
            kind,
            name: format!("{}（内置）", kind.label()),
            title: kind.label().to_string(),
            body: body.to_string(),
            prefix: String::new(),
            issuer: String::new(),
            deleted: false,
        }
    }
}

const NOTICE: &str = "{{被诫勉人}}同志：
经查，你在担任{{单位}}{{职务}}期间，存在{{事由}}的问题。{{事实}}
根据干部作风建设有关规定，决定对你进行诫勉谈话。请你于{{谈话日期}}{{谈话时间}}到{{谈话地点}}接受谈话，谈话人：{{谈话人}}。
请你在谈话后按期（{{整改期限}}前）提交书面整改措施。";

const TALK_RECORD: &str = "被诫勉人：{{被诫勉人}}　　单位及职务：{{单位}}{{职务}}
谈话时间：{{谈话日期}}{{谈话时间}}　　谈话地点：{{谈话地点}}
谈话人：{{谈话人}}　　记录人：{{记录人}}
诫勉事由：{{事由}}（{{事由类别}}）
谈话内容：
{{谈话内容}}
本人说明：
{{本人说明}}
被诫勉人签字：
谈话人签字：
记录人签字：";

const RECTIFICATION: &str = "{{发文机关}}：
本人于{{谈话日期}}因{{事由}}接受诫勉谈话。对照谈话指出的问题，现将整改措施报告如下：
{{整改措施}}
本人将认真落实以上措施，接受组织考察。";

const CIRCULAR: &str = "各村（社区）、各站所办：
{{单位}}{{职务}}{{被诫勉人}}同志存在{{事由}}的问题。{{事实}}
根据干部作风建设有关规定，经研究，决定对{{被诫勉人}}同志进行诫勉，并在全镇范围内予以通报。
希望全体干部引以为戒，切实转变作风，提高效能，全心全意为群众办实事、办好事。";

const LIFT: &str = "{{被诫勉人}}同志：
你于{{谈话日期}}因{{事由}}受到诫勉。诫勉后你按要求提交了整改措施，考察期至{{考察期满}}届满。经{{考察人}}于{{考察日期}}考察：{{考察结论}}
经研究，决定解除对你的诫勉。希望你珍惜组织的信任，继续改进作风，努力做好工作。";

#[cfg(test)]
mod tests {
    use super::*;

    fn value(f: Field) -> Option<String> {
        match f {
            Field::Name => Some("张三".into()),
            Field::Matter => Some("<b>迟到</b> {{事由}}".into()),
            _ => None,
        }
    }

    #[test]
    fn fields_fill_and_missing_ones_leave_a_blank() {
        let lines = fill(
            "{{被诫勉人}}同志：\n请于{{谈话日期}}到场",
            Part::Body,
            &value,
        )
        .unwrap_or_default();
        assert_eq!(lines, vec!["张三同志：", "请于＿＿＿＿到场"]);
    }

    #[test]
    fn a_value_that_looks_like_markup_or_a_field_stays_text() {
        let lines = fill("因{{ 事由 }}", Part::Body, &value).unwrap_or_default();
        assert_eq!(
            lines,
            vec!["因<b>迟到</b> {{事由}}"],
            "values are not filled again"
        );
    }

    #[test]
    fn an_unknown_field_is_named_with_its_line() {
        let err = fill("第一行\n{{被诫勉人}}和{{部门}}", Part::Body, &value);
        assert_eq!(
            err,
            Err(TemplateError::Unknown {
                part: Part::Body,
                line: 2,
                name: "部门".into()
            })
        );
        let message = err.err().map(|e| e.user_message()).unwrap_or_default();
        assert!(
            message.contains("正文第 2 行") && message.contains("{{部门}}"),
            "{message}"
        );
    }

    #[test]
    fn an_unclosed_field_is_named_with_its_line() {
        for text in ["a\nb\n{{被诫勉人", "{{被诫勉人{{职务}}"] {
            let err = fill(text, Part::Body, &value).err();
            assert!(
                matches!(err, Some(TemplateError::Unclosed { .. })),
                "{text}: {err:?}"
            );
        }
        assert_eq!(
            fill("a\nb\n{{被诫勉人", Part::Body, &value),
            Err(TemplateError::Unclosed {
                part: Part::Body,
                line: 3
            })
        );
    }

    #[test]
    fn every_builtin_template_is_valid() {
        for kind in DocKind::ALL {
            let t = DocumentTemplate::builtin(
                kind,
                Meta::new(
                    &crate::record::DeviceId("a".into()),
                    chrono::DateTime::default(),
                ),
            );
            assert_eq!(t.check(), Ok(()), "{kind:?}");
        }
    }

    #[test]
    fn a_title_or_issuer_beyond_what_a_page_holds_is_refused() {
        let mut t = DocumentTemplate::builtin(
            DocKind::ALL[0],
            Meta::new(
                &crate::record::DeviceId("a".into()),
                chrono::DateTime::default(),
            ),
        );
        t.title = "长".repeat(MAX_TITLE_CHARS);
        t.issuer = "镇".repeat(MAX_ISSUER_CHARS);
        assert_eq!(t.check(), Ok(()));
        t.title.push('长');
        assert_eq!(t.check(), Err(TemplateError::TooLong("标题")));
        t.title.pop();
        t.issuer = "镇".repeat(100_000);
        assert_eq!(t.check(), Err(TemplateError::TooLong("发文机关署名")));
    }

    #[test]
    fn every_field_name_parses_back() {
        for f in Field::ALL {
            assert_eq!(Field::parse(f.name()), Some(f));
        }
    }
}
