//! The Aiken format: a stem line, options `A.` or `A)`, then `ANSWER: B`.

use crate::quiz::answer::parse_choice;
use crate::quiz::model::{Answer, Difficulty, QuestionDraft, QuestionKind};

use super::{ImportProblem, QuestionImport};
use crate::sorted::SortedSet;

fn option_line(line: &str) -> Option<(usize, &str)> {
    let mut chars = line.char_indices();
    let (_, letter) = chars.next()?;
    let (i, sep) = chars.next()?;
    if !letter.is_ascii_uppercase() || !matches!(sep, '.' | ')') {
        return None;
    }
    Some((
        (letter as u8 - b'A') as usize,
        line[i + sep.len_utf8()..].trim(),
    ))
}

fn answer_line(line: &str) -> Option<&str> {
    let upper = line.to_ascii_uppercase();
    upper
        .starts_with("ANSWER:")
        .then(|| line["ANSWER:".len()..].trim())
}

pub fn looks_like_aiken(text: &str) -> bool {
    text.lines().any(|l| answer_line(l.trim()).is_some())
}

pub fn parse(input: &str) -> QuestionImport {
    let mut out = QuestionImport::default();
    let mut stem: Option<(usize, String)> = None;
    let mut options: Vec<String> = Vec::new();
    for (i, raw) in input.lines().enumerate() {
        let line = raw.trim();
        let line_no = i + 1;
        if line.is_empty() {
            continue;
        }
        if let Some(answer) = answer_line(line) {
            let Some((start, text)) = stem.take() else {
                out.problems
                    .push(ImportProblem::new(line_no, "ANSWER 行前面没有题干"));
                options.clear();
                continue;
            };
            match parse_choice(answer) {
                Some(picked) if picked.len() == 1 => {
                    let draft = QuestionDraft {
                        kind: QuestionKind::Single,
                        stem: text,
                        options: std::mem::take(&mut options),
                        answer: Answer::Choice(picked.into_iter().collect::<SortedSet<_>>()),
                        explanation: String::new(),
                        category: String::new(),
                        difficulty: Difficulty::Medium,
                        tags: Vec::new(),
                        source: "Aiken".into(),
                    };
                    out.push(start, draft);
                }
                _ => {
                    options.clear();
                    out.problems.push(ImportProblem::new(
                        line_no,
                        format!("答案“{answer}”应为一个选项字母"),
                    ));
                }
            }
            continue;
        }
        match (&mut stem, option_line(line)) {
            (Some(_), Some((i, text))) if i == options.len() => options.push(text.to_string()),
            (Some((start, _)), Some(_)) => {
                out.problems.push(ImportProblem::new(
                    *start,
                    format!("第 {line_no} 行的选项字母不连续"),
                ));
                stem = None;
                options.clear();
            }
            (Some((_, text)), None) if options.is_empty() => {
                text.push('\n');
                text.push_str(line);
            }
            (Some((start, _)), None) => {
                out.problems
                    .push(ImportProblem::new(*start, "选项之后缺少“ANSWER:”行"));
                stem = Some((line_no, line.to_string()));
                options.clear();
            }
            (None, _) => stem = Some((line_no, line.to_string())),
        }
    }
    if let Some((start, _)) = stem {
        out.problems
            .push(ImportProblem::new(start, "缺少“ANSWER:”行"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_questions_and_reports_broken_ones() {
        let src = "谈话诫勉的整改措施应在几日内写出？\nA. 3日\nB) 5日\nC. 7日\nANSWER: B\n\n缺答案的题\nA. 甲\nB. 乙\n\n答案错误的题\nA. 甲\nB. 乙\nANSWER: AB\n";
        let import = parse(src);
        assert_eq!(import.questions.len(), 1);
        let q = &import.questions[0];
        assert_eq!(q.line, 1);
        assert_eq!(q.draft.options, vec!["3日", "5日", "7日"]);
        assert_eq!(q.draft.answer, Answer::Choice(SortedSet::from([1])));
        let lines: Vec<usize> = import.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![7, 14]);
        assert!(looks_like_aiken(src));
    }
}
