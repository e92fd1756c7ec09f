//! Text pasted from a Word document in the common Chinese layout:
//!
//! ```text
//! 一、单选题
//! 1. 题干……（  ）
//! A. 选项   B、选项
//! 答案：A
//! 解析：……
//! ```
//!
//! A section heading (单选题, 多选题, 判断题 …) sets the kind; without one the kind is inferred
//! from the options and the answer.

use super::answer_problem;
use crate::quiz::answer::{parse_answer, parse_choice, parse_true_false};
use crate::quiz::model::{Difficulty, QuestionDraft, QuestionKind};

use super::{ImportProblem, QuestionImport};

/// "1." "1、" "1．" "(1)" "（1）" "第1题" at the start of a line.
fn numbered(line: &str) -> Option<&str> {
    let l = line.trim_start();
    let l = l.strip_prefix('第').unwrap_or(l);
    let (inner, rest) = if let Some(r) = l.strip_prefix(['(', '（']) {
        let digits = r.find(|c: char| !c.is_ascii_digit())?;
        let r2 = &r[digits..];
        (digits, r2.strip_prefix([')', '）'])?)
    } else {
        let digits = l.find(|c: char| !c.is_ascii_digit()).unwrap_or(l.len());
        let rest = &l[digits..];
        let rest = rest.strip_prefix('题').unwrap_or(rest);
        (
            digits,
            rest.strip_prefix(['.', '、', '．', ')', '）', ' ', ':', '：'])?,
        )
    };
    (inner > 0).then_some(rest.trim())
}

/// Splits "A. 甲  B、乙" into options; `None` unless the line starts with an option letter.
fn options(line: &str) -> Option<Vec<(usize, String)>> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let is_sep = |c: char| matches!(c, '.' | '、' | '．' | ')' | '）' | ':' | '：');
    let mut starts = Vec::new();
    for (k, &(pos, c)) in chars.iter().enumerate() {
        let letter = c.is_ascii_uppercase() && (c as u8 - b'A') < 8;
        let prev_ok = k == 0
            || chars[k - 1].1.is_whitespace()
            || chars[k - 1].1 == '（'
            || chars[k - 1].1 == '(';
        let next_sep = chars.get(k + 1).is_some_and(|&(_, n)| is_sep(n));
        if letter && prev_ok && next_sep {
            starts.push((
                pos,
                (c as u8 - b'A') as usize,
                chars[k + 1].0 + chars[k + 1].1.len_utf8(),
            ));
        }
    }
    if starts.first().map(|s| s.0) != Some(line.len() - line.trim_start().len()) {
        return None;
    }
    let mut out = Vec::new();
    for (n, &(_, index, text_start)) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map(|s| s.0).unwrap_or(line.len());
        out.push((index, line[text_start..end].trim().to_string()));
    }
    Some(out)
}

fn labelled<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let l = line.trim();
    for label in labels {
        for form in [
            format!("【{label}】"),
            format!("{label}："),
            format!("{label}:"),
            label.to_string(),
        ] {
            if let Some(rest) = l.strip_prefix(form.as_str()) {
                return Some(rest.trim_start_matches([':', '：']).trim());
            }
        }
    }
    None
}

fn section_kind(line: &str) -> Option<QuestionKind> {
    let l = line.trim();
    let l = l.trim_start_matches(|c: char| "一二三四五六七八九十、.．0123456789 ".contains(c));
    let name: String = l
        .chars()
        .take_while(|c| !matches!(c, '（' | '(' | '：' | ':'))
        .collect();
    if !name.ends_with('题') || name.chars().count() > 8 {
        return None;
    }
    QuestionKind::parse(&name)
}

struct Pending {
    line: usize,
    stem: String,
    options: Vec<(usize, String)>,
    answer: Option<String>,
    explanation: String,
    in_explanation: bool,
}

pub fn parse(input: &str) -> QuestionImport {
    let mut out = QuestionImport::default();
    let mut kind: Option<QuestionKind> = None;
    let mut pending: Option<Pending> = None;
    for (i, raw) in input.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(k) = section_kind(line) {
            finish(pending.take(), kind, &mut out);
            kind = Some(k);
            continue;
        }
        if let Some(stem) = numbered(line) {
            finish(pending.take(), kind, &mut out);
            pending = Some(Pending {
                line: line_no,
                stem: stem.to_string(),
                options: vec![],
                answer: None,
                explanation: String::new(),
                in_explanation: false,
            });
            continue;
        }
        let Some(p) = pending.as_mut() else {
            out.problems.push(ImportProblem::new(
                line_no,
                "这一行不属于任何题目（题目应以“1.”“2、”等编号开头）",
            ));
            continue;
        };
        if let Some(answer) = labelled(line, &["正确答案", "参考答案", "答案"]) {
            p.answer = Some(answer.to_string());
            p.in_explanation = false;
        } else if let Some(expl) = labelled(line, &["答案解析", "解析"]) {
            p.explanation = expl.to_string();
            p.in_explanation = true;
        } else if p.in_explanation {
            p.explanation.push('\n');
            p.explanation.push_str(line);
        } else if let (Some(opts), None) = (options(line), &p.answer) {
            p.options.extend(opts);
        } else if p.options.is_empty() && p.answer.is_none() {
            p.stem.push('\n');
            p.stem.push_str(line);
        } else {
            out.problems.push(ImportProblem::new(
                line_no,
                "无法识别这一行（应为选项、答案或解析）",
            ));
        }
    }
    finish(pending, kind, &mut out);
    out
}

fn finish(p: Option<Pending>, section: Option<QuestionKind>, out: &mut QuestionImport) {
    let Some(p) = p else { return };
    let Some(answer) = p.answer else {
        out.problems
            .push(ImportProblem::new(p.line, "缺少“答案：”行"));
        return;
    };
    if p.options
        .iter()
        .enumerate()
        .any(|(i, (index, _))| *index != i)
    {
        out.problems.push(ImportProblem::new(
            p.line,
            "选项字母不连续（应为 A、B、C……）",
        ));
        return;
    }
    let options: Vec<String> = p.options.into_iter().map(|(_, t)| t).collect();
    let kind = section.unwrap_or_else(|| {
        if !options.is_empty() {
            match parse_choice(&answer) {
                Some(picked) if picked.len() > 1 => QuestionKind::Multiple,
                _ => QuestionKind::Single,
            }
        } else if parse_true_false(&answer).is_some() {
            QuestionKind::TrueFalse
        } else if p.stem.contains("__")
            || p.stem.contains("（ ）")
            || p.stem.contains("（  ）")
            || p.stem.contains("( )")
        {
            QuestionKind::FillBlank
        } else {
            QuestionKind::ShortAnswer
        }
    });
    let Some(parsed) = parse_answer(kind, &answer) else {
        out.problems
            .push(ImportProblem::new(p.line, answer_problem(kind, &answer)));
        return;
    };
    out.push(
        p.line,
        QuestionDraft {
            kind,
            stem: p.stem,
            options,
            answer: parsed,
            explanation: p.explanation,
            category: String::new(),
            difficulty: Difficulty::Medium,
            tags: Vec::new(),
            source: String::new(),
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::model::Answer;
    use crate::sorted::SortedSet;

    const SAMPLE: &str = "一、单选题\n1. “四个一”中每半年一次的是（  ）\nA. 自我学习   B、集中学习\nC．测验考试  D. 封闭培训\n答案：C\n解析：每半年一次测验考试。\n\n二、多选题\n2、述职评议面向（  ）\nA.农村干部\nB.人大代表\nC.政协委员\n【答案】ABC\n\n三、判断题\n3. 诫勉对象应在5日内写出整改措施。\n答案：√\n\n4）没有答案的题\nA. 甲\n";

    #[test]
    fn reads_the_word_layout_with_sections() {
        let import = parse(SAMPLE);
        assert_eq!(import.questions.len(), 3, "{:?}", import.problems);
        let q = &import.questions[0].draft;
        assert_eq!(q.kind, QuestionKind::Single);
        assert_eq!(
            q.options,
            vec!["自我学习", "集中学习", "测验考试", "封闭培训"]
        );
        assert_eq!(q.answer, Answer::Choice(SortedSet::from([2])));
        assert_eq!(q.explanation, "每半年一次测验考试。");
        assert_eq!(
            import.questions[1].draft.answer,
            Answer::Choice(SortedSet::from([0, 1, 2]))
        );
        assert_eq!(import.questions[2].draft.answer, Answer::TrueFalse(true));
        assert_eq!(import.problems.len(), 1);
        assert_eq!(import.problems[0].line, 19);
    }

    #[test]
    fn infers_kinds_without_sections() {
        let import = parse("1. 工作分线实行周调度、____。\n答案：月总结\n2. 是否需要述职？\n答案：对\n3、简述驻村员的职责。\n答案：传达、指导、办事、督查、报告\n");
        let kinds: Vec<QuestionKind> = import.questions.iter().map(|q| q.draft.kind).collect();
        assert_eq!(
            kinds,
            vec![
                QuestionKind::FillBlank,
                QuestionKind::TrueFalse,
                QuestionKind::ShortAnswer
            ]
        );
    }

    #[test]
    fn stray_lines_are_reported() {
        let import = parse("前言文字\n1. 题目\nA. 甲\nB. 乙\n答案：E\n");
        let lines: Vec<usize> = import.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![1, 2]);
    }
}
