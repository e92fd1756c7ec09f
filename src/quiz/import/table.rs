//! Question tables (CSV now, the same rows from Excel): columns found by the header names
//! Chinese offices use, in any order.

use super::answer_problem;
use super::error::QuestionFileError;
use crate::exchange::table::{find_column, read_csv};
use crate::quiz::answer::parse_answer;
use crate::quiz::model::{Difficulty, QuestionDraft, QuestionKind, MAX_OPTIONS};

use super::{ImportProblem, QuestionImport};

pub const KIND: &[&str] = &["题型", "类型", "题目类型", "试题类型"];
pub const STEM: &[&str] = &["题干", "题目", "试题", "题目内容", "问题"];
pub const ANSWER: &[&str] = &["答案", "正确答案", "参考答案", "标准答案"];
pub const EXPLANATION: &[&str] = &["解析", "答案解析", "试题解析", "说明"];
pub const DIFFICULTY: &[&str] = &["难度", "难易程度", "难易度"];
pub const CATEGORY: &[&str] = &["分类", "知识点", "类别", "章节"];
pub const TAGS: &[&str] = &["标签"];
pub const SOURCE: &[&str] = &["来源", "出处"];

/// The header row of the template offered for download.
pub const TEMPLATE_HEADERS: [&str; 14] = [
    "题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "选项G", "选项H", "答案",
    "解析", "难度", "分类",
];

fn option_headers(i: usize) -> Vec<String> {
    let letter = (b'A' + i as u8) as char;
    vec![
        format!("选项{letter}"),
        format!("选项 {letter}"),
        letter.to_string(),
        format!("{letter}选项"),
    ]
}

/// Questions from rows of cells, the first row being the headers. `rows` carry their line
/// (CSV) or row number (Excel).
/// Whether a row is the header row: it names the 题干 column.
pub fn has_stem_column(headers: &[String]) -> bool {
    find_column(headers, STEM).is_some()
}

pub fn parse_rows(
    headers: &[String],
    rows: &[(usize, Vec<String>)],
) -> Result<QuestionImport, QuestionFileError> {
    let stem_col = find_column(headers, STEM).ok_or(QuestionFileError::NoStemColumn)?;
    let answer_col = find_column(headers, ANSWER).ok_or(QuestionFileError::NoAnswerColumn)?;
    let kind_col = find_column(headers, KIND);
    let option_cols: Vec<Option<usize>> = (0..MAX_OPTIONS)
        .map(|i| {
            let names = option_headers(i);
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            find_column(headers, &refs)
        })
        .collect();
    let col = |names: &[&str]| find_column(headers, names);
    let (expl_col, diff_col, cat_col, tags_col, source_col) = (
        col(EXPLANATION),
        col(DIFFICULTY),
        col(CATEGORY),
        col(TAGS),
        col(SOURCE),
    );

    let mut out = QuestionImport::default();
    for (line, cells) in rows {
        let cell = |c: Option<usize>| c.and_then(|c| cells.get(c)).map(|s| s.trim()).unwrap_or("");
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let options: Vec<String> = option_cols.iter().map(|c| cell(*c).to_string()).collect();
        let answer_text = cell(Some(answer_col));
        let kind = match cell(kind_col) {
            "" => infer_kind(&options, answer_text),
            k => match QuestionKind::parse(k) {
                Some(k) => k,
                None => {
                    out.problems.push(ImportProblem::new(
                        *line,
                        format!("题型“{k}”无法识别（应为单选、多选、判断、填空或简答）"),
                    ));
                    continue;
                }
            },
        };
        let Some(answer) = parse_answer(kind, answer_text) else {
            out.problems
                .push(ImportProblem::new(*line, answer_problem(kind, answer_text)));
            continue;
        };
        let difficulty = match Difficulty::parse(cell(diff_col)) {
            Some(d) => d,
            None => {
                out.problems.push(ImportProblem::new(
                    *line,
                    format!("难度“{}”无法识别（应为简单、中等或困难）", cell(diff_col)),
                ));
                continue;
            }
        };
        let draft = QuestionDraft {
            kind,
            stem: cell(Some(stem_col)).to_string(),
            options: if kind.has_options() {
                options
            } else {
                Vec::new()
            },
            answer,
            explanation: cell(expl_col).to_string(),
            category: cell(cat_col).to_string(),
            difficulty,
            tags: cell(tags_col)
                .split([',', '，', '、', ';', '；'])
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect(),
            source: cell(source_col).to_string(),
        };
        out.push(*line, draft);
    }
    Ok(out)
}

/// Without a 题型 column: options mean a choice question (several letters: 多选), a 对/错
/// answer means 判断, anything else 填空.
fn infer_kind(options: &[String], answer: &str) -> QuestionKind {
    if options.iter().any(|o| !o.is_empty()) {
        match crate::quiz::answer::parse_choice(answer) {
            Some(p) if p.len() > 1 => QuestionKind::Multiple,
            _ => QuestionKind::Single,
        }
    } else if crate::quiz::answer::parse_true_false(answer).is_some()
        && !answer.eq_ignore_ascii_case("a")
    {
        QuestionKind::TrueFalse
    } else {
        QuestionKind::FillBlank
    }
}

pub fn parse_csv(bytes: &[u8]) -> Result<QuestionImport, QuestionFileError> {
    let table = read_csv(bytes).map_err(QuestionFileError::Table)?;
    let rows: Vec<(usize, Vec<String>)> =
        table.rows.into_iter().map(|r| (r.line, r.cells)).collect();
    parse_rows(&table.headers, &rows)
}

/// The template: UTF-8 with BOM so Excel opens it, one example of each kind.
pub fn template_csv() -> String {
    let mut s = String::from("\u{feff}");
    s.push_str(&TEMPLATE_HEADERS.join(","));
    s.push('\n');
    s.push_str("单选,“四个一”制度中每半年一次的是什么？,自我学习,集中学习,测验考试,封闭培训,,,,,C,每半年一次测验考试。,简单,培训教育\n");
    s.push_str("多选,述职评议的对象向哪些人述职？,农村干部,人大代表,政协委员,外地游客,,,,,ABC,,中等,述职评议\n");
    s.push_str("判断,诫勉对象应在5日内写出整改措施。,,,,,,,,,正确,,简单,谈话诫勉\n");
    s.push_str("填空,工作分线制实行周调度、____。,,,,,,,,,月总结,,中等,工作分线\n");
    s.push_str("简答,简述驻村员的“五员”定位。,,,,,,,,,传达员、指导员、办事员、督查员、报告员,,困难,驻村员\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::model::Answer;
    use crate::sorted::SortedSet;

    #[test]
    fn the_template_reads_back_one_question_of_each_kind() {
        let import = parse_csv(template_csv().as_bytes()).unwrap_or_default();
        assert!(import.problems.is_empty(), "{:?}", import.problems);
        let kinds: Vec<QuestionKind> = import.questions.iter().map(|q| q.draft.kind).collect();
        assert_eq!(kinds, QuestionKind::ALL.to_vec());
        assert_eq!(
            import.questions[1].draft.answer,
            Answer::Choice(SortedSet::from([0, 1, 2]))
        );
        assert_eq!(
            import.questions[0].draft.options.len(),
            4,
            "empty 选项E–H are not options"
        );
    }

    #[test]
    fn headers_by_alias_in_any_order_and_kind_inferred() {
        let csv = "正确答案,知识点,题目,A,B,C\nB,纪律,下列哪项正确？,甲,乙,丙\nAC,纪律,哪些正确？,甲,乙,丙\n对,纪律,这是判断题,,,\n";
        let import = parse_csv(csv.as_bytes()).unwrap_or_default();
        let kinds: Vec<QuestionKind> = import.questions.iter().map(|q| q.draft.kind).collect();
        assert_eq!(
            kinds,
            vec![
                QuestionKind::Single,
                QuestionKind::Multiple,
                QuestionKind::TrueFalse
            ]
        );
        assert_eq!(import.questions[0].draft.category, "纪律");
    }

    #[test]
    fn bad_rows_are_reported_with_their_line_and_good_rows_kept() {
        let csv = "题型,题干,选项A,选项B,答案,难度\n单选,好题,甲,乙,A,\n单选,坏答案,甲,乙,E,\n单选,,甲,乙,A,\n画图,怪题型,,,A,\n判断,好判断,,,×,难\n单选,难度怪,甲,乙,A,超难\n单选,两个答案,甲,乙,AB,\n";
        let import = parse_csv(csv.as_bytes()).unwrap_or_default();
        assert_eq!(import.questions.len(), 2);
        let lines: Vec<usize> = import.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 7, 8]);
        assert!(
            import.problems[0].reason.contains("选项不存在"),
            "{:?}",
            import.problems[0]
        );
        assert!(import.problems[2].reason.contains("题型“画图”"));
        let blank = parse_csv("题型,题干,选项A,选项B,答案\n单选,没填答案,甲,乙,\n".as_bytes())
            .unwrap_or_default();
        assert_eq!(blank.problems[0].reason, "缺少答案（单选题需要填写答案）");
    }

    #[test]
    fn a_table_without_a_stem_column_is_refused() {
        assert!(parse_csv("答案,选项A\nA,甲\n".as_bytes()).is_err());
    }
}
